import type { SessionEndedCode } from './errors.js';
import type { components } from './generated/openapi.js';

type Schemas = components['schemas'];

export type Transport = 'cookie' | 'token';

export type User = Schemas['UserDto'];
export type SessionRef = Schemas['SessionRefDto'];
export type TokenResponse = Schemas['TokenResponseDto'];
/** In cookie mode the tokens travel in HttpOnly cookies, so the JSON has everything else. */
export type CookieTokenResponse = Omit<TokenResponse, 'accessToken' | 'refreshToken'>;
export type MeResponse = Schemas['MeResponseDto'];
export type MySession = Schemas['MySessionDto'];
export type LoginInput = Schemas['LoginDto'];
export type RegisterInput = Schemas['RegisterDto'];
export type ChangePasswordInput = Schemas['ChangePasswordDto'];
export type RevokedCount = Schemas['RevokedCountDto'];

/** Re-authentication for sensitive actions (see docs/mfa.md): the password, or a second factor. */
export type ReauthenticateInput = Schemas['ReauthenticateDto'];
export type Reauthenticated = Schemas['ReauthenticatedDto'];

/** The second factor. Unknown methods from newer servers come through as plain strings. */
export type MfaMethod = 'totp' | 'recovery_code' | 'passkey' | (string & Record<never, never>);

export interface VerifyMfaInput {
  mfaToken: string;
  method: MfaMethod;
  code: string;
}

/** What a sign-in (login, register, verifyMfa) came to. */
export type SignInResult =
  | SignedIn
  /** Send a code from one of `methods` with `verifyMfa()`. */
  | { status: 'mfa_required'; mfaToken: string; methods: MfaMethod[] }
  /** The user's role needs a second factor they don't have yet; `mfaToken` allows only enrolment. */
  | { status: 'mfa_enrollment_required'; mfaToken: string; methods: MfaMethod[] }
  /** Registered, but Strapi wants the email address confirmed before anyone signs in. */
  | { status: 'confirmation_required' };

export interface SignedIn {
  status: 'signed_in';
  user: User;
  session: SessionRef;
}

export interface SessionEndedEvent {
  code: SessionEndedCode;
}

export interface TokensEvent {
  sessionId: string;
  /** When the access token expires, in milliseconds since the epoch (this device's clock). */
  accessExpiresAt: number;
  /** Token mode only: in cookie mode no script can read the tokens. */
  accessToken?: string;
  refreshToken?: string;
}

export interface SignedInEvent {
  user: User;
  session: SessionRef;
}

export interface BffEvents {
  /** A session started or arrived from another tab (sign-in there, or this tab restoring it). */
  signedIn: SignedInEvent;
  /** New tokens: after sign-in, every refresh, and password changes, in whichever tab did it. */
  tokens: TokensEvent;
  /** The session is over, in this tab and every other. */
  sessionEnded: SessionEndedEvent;
}

/**
 * Where token mode keeps the session between page loads, shared by the tabs that use the same
 * storage. `localStorage` fits as it is. Leave it out to keep the refresh token in memory only.
 */
export interface TokenStorage {
  getItem(key: string): string | null | Promise<string | null>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}
