import type { CookieTokenResponse, SessionRef, TokenResponse, User } from './types.js';

/** What one tab knows of the session. In cookie mode it holds no token: the browser does. */
export interface SessionState {
  session: SessionRef;
  user: User;
  /**
   * How many times this session's tokens were renewed, as far as this tab knows. Tabs compare it
   * to tell a newer state from an older one, and to notice that another tab already refreshed.
   */
  epoch: number;
  /** Milliseconds since the epoch, counted from when the request was sent (never later than the server's). */
  accessExpiresAt: number;
  accessToken?: string;
  refreshToken?: string;
}

/** The part of a state every tab may read from the shared store: no token in it. */
export interface SessionMark {
  sessionId: string;
  epoch: number;
  accessExpiresAt: number;
}

export function stateFrom(response: TokenResponse | CookieTokenResponse, epoch: number, sentAt: number): SessionState {
  const state: SessionState = {
    session: { id: response.session.id, expiresAt: response.session.expiresAt },
    user: response.user,
    epoch,
    accessExpiresAt: sentAt + response.expiresIn * 1000,
  };
  if ('accessToken' in response && typeof response.accessToken === 'string') state.accessToken = response.accessToken;
  if ('refreshToken' in response && typeof response.refreshToken === 'string') state.refreshToken = response.refreshToken;
  return state;
}

export function markOf(state: SessionState): SessionMark {
  return { sessionId: state.session.id, epoch: state.epoch, accessExpiresAt: state.accessExpiresAt };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isUser(value: unknown): value is User {
  return isRecord(value) && typeof value.id === 'number' && typeof value.username === 'string' && typeof value.email === 'string';
}

/** A token response as the BFF sends it (tokens optional: cookie mode leaves them out). */
export function isTokenResponse(value: unknown): value is TokenResponse | CookieTokenResponse {
  return (
    isRecord(value) &&
    typeof value.expiresIn === 'number' &&
    isRecord(value.session) &&
    typeof value.session.id === 'string' &&
    typeof value.session.expiresAt === 'string' &&
    isUser(value.user)
  );
}

/** States arrive from other tabs and from storage, so their shape is checked before use. */
export function asState(value: unknown): SessionState | undefined {
  if (!isRecord(value) || !isRecord(value.session) || !isUser(value.user)) return undefined;
  const { session } = value;
  if (typeof session.id !== 'string' || typeof session.expiresAt !== 'string') return undefined;
  if (typeof value.epoch !== 'number' || typeof value.accessExpiresAt !== 'number') return undefined;
  const state: SessionState = {
    session: { id: session.id, expiresAt: session.expiresAt },
    user: value.user,
    epoch: value.epoch,
    accessExpiresAt: value.accessExpiresAt,
  };
  if (typeof value.accessToken === 'string') state.accessToken = value.accessToken;
  if (typeof value.refreshToken === 'string') state.refreshToken = value.refreshToken;
  return state;
}

export function asMark(value: unknown): SessionMark | undefined {
  if (!isRecord(value) || typeof value.sessionId !== 'string' || typeof value.epoch !== 'number' || typeof value.accessExpiresAt !== 'number') return undefined;
  return { sessionId: value.sessionId, epoch: value.epoch, accessExpiresAt: value.accessExpiresAt };
}
