import { BffError, errorFrom, isTerminalCode, networkError, notSignedIn } from './errors.js';
import { BffHttp, type FetchLike } from './http.js';
import { canReplay } from './replay.js';
import { SessionKeeper, StorageSlot } from './session.js';
import { isTokenResponse } from './state.js';
import { browserPrimitives, TabLink, type TabPrimitives } from './tabs.js';
import type {
  BffEvents,
  ChangePasswordInput,
  LoginInput,
  MeResponse,
  MfaMethod,
  MySession,
  Reauthenticated,
  ReauthenticateInput,
  RegisterInput,
  RevokedCount,
  SessionEndedEvent,
  SignedIn,
  SignInResult,
  TokenStorage,
  Transport,
  User,
  VerifyMfaInput,
} from './types.js';

export interface BffClientOptions {
  /** The BFF's URL, e.g. `https://bff.example.com`. Paths such as `/api/articles` are taken relative to it. */
  baseUrl: string;
  /** `cookie` for browser apps (no script can read a token), `token` for native apps, Node and other clients. */
  transport: Transport;
  /** Token mode: where the session survives reloads, shared by tabs (e.g. `localStorage`). Default: memory only. */
  storage?: TokenStorage;
  /** Shorthand for `on('sessionEnded', …)`. */
  onSessionEnded?: (event: SessionEndedEvent) => void;
  /** Refresh shortly before the access token expires (default true). Off, refreshes happen only when a call needs one. */
  proactiveRefresh?: boolean;
  /** The fetch to use; default the global one. */
  fetch?: FetchLike;
  /**
   * Coordination with the other tabs of the origin. Default (`true`): Web Locks, BroadcastChannel
   * and IndexedDB in browser pages, nothing elsewhere. `false`: this client alone.
   */
  crossTab?: boolean | TabPrimitives;
  /** Names the lock, channel and storage key; clients with the same name share a session. Default: from transport and baseUrl. */
  name?: string;
}

export interface BffSessions {
  /** Where the user is signed in; `current: true` marks this session. */
  list(): Promise<MySession[]>;
  /** End one session by id, every other one (`others`), or all of them, this one included (`all`). */
  revoke(target: string): Promise<RevokedCount>;
}

export interface BffClient {
  readonly transport: Transport;
  /** The signed-in user, or null. */
  readonly user: User | null;
  readonly signedIn: boolean;
  /** When the current access token expires (ms since the epoch), or null when signed out. */
  readonly accessExpiresAt: number | null;
  readonly sessions: BffSessions;
  /** Picks up an existing session (storage, another tab, or cookie mode's cookies). Call it once at startup. */
  restore(): Promise<User | null>;
  login(input: LoginInput): Promise<SignInResult>;
  register(input: RegisterInput): Promise<SignInResult>;
  /** The second step of a sign-in that answered `mfa_required`. */
  verifyMfa(input: VerifyMfaInput): Promise<SignedIn>;
  /** Ends the session on the server and in every tab. */
  logout(): Promise<void>;
  me(): Promise<MeResponse>;
  /**
   * Proves it is still the user, on this session (no new sign-in): sensitive actions (password
   * change, signing out everywhere, factor changes) answer `reauth_required` without a recent one.
   */
  reauthenticate(input: ReauthenticateInput): Promise<Reauthenticated>;
  /** Changes the password. The server ends every other session; this one goes on with new tokens. */
  changePassword(input: ChangePasswordInput): Promise<SignedIn>;
  /**
   * `fetch` for the BFF's `/api/*` and `/graphql`, with the session attached. On
   * `401 invalid_access_token` it refreshes once and sends the request once more, unless its body
   * was a stream that can't be read twice. Other origins get a plain fetch, never a token.
   */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Token mode: a current access token (refreshed first if needed), for calls the client doesn't make. Cookie mode: null. */
  getAccessToken(): Promise<string | null>;
  on<E extends keyof BffEvents>(event: E, listener: (payload: BffEvents[E]) => void): () => void;
  /** Stops timers and leaves the channel. The session stays where it is (server, storage, other tabs). */
  close(): void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function methodsOf(value: unknown): MfaMethod[] {
  return Array.isArray(value) ? value.filter((method): method is string => typeof method === 'string') : [];
}

/** The second-factor answers of a sign-in (issue 12): no session yet, a challenge instead. */
function challengeIn(data: unknown): SignInResult | undefined {
  if (!isRecord(data) || typeof data.mfaToken !== 'string') return undefined;
  if (data.mfaRequired === true) return { status: 'mfa_required', mfaToken: data.mfaToken, methods: methodsOf(data.methods) };
  if (data.mfaEnrollmentRequired === true) return { status: 'mfa_enrollment_required', mfaToken: data.mfaToken, methods: methodsOf(data.methods) };
  return undefined;
}

class Client implements BffClient {
  readonly transport: Transport;
  readonly sessions: BffSessions;
  private readonly http: BffHttp;
  private readonly fetchImpl: FetchLike;
  private readonly tabs: TabLink;
  private readonly keeper: SessionKeeper;
  private readonly listeners: { [E in keyof BffEvents]: Set<(payload: BffEvents[E]) => void> } = {
    signedIn: new Set(),
    tokens: new Set(),
    sessionEnded: new Set(),
  };

  constructor(options: BffClientOptions) {
    if (options.transport !== 'cookie' && options.transport !== 'token') throw new TypeError("transport must be 'cookie' or 'token'");
    this.transport = options.transport;
    // Looked up at call time, and never called as a method of the options object (window.fetch needs its own `this`).
    const given = options.fetch;
    this.fetchImpl = given ? (input, init) => given(input, init) : (input, init) => globalThis.fetch(input, init);
    this.http = new BffHttp(options.baseUrl, options.transport, this.fetchImpl);
    const name = options.name ?? `strapi-auth-bff:${options.transport}:${this.http.resolve('/').href}`;
    const primitives = options.crossTab === false ? {} : options.crossTab === undefined || options.crossTab === true ? browserPrimitives() : options.crossTab;
    this.tabs = new TabLink(name, primitives);
    const storage = options.transport === 'token' && options.storage ? new StorageSlot(options.storage, `${name}:session`) : undefined;
    this.keeper = new SessionKeeper({
      http: this.http,
      tabs: this.tabs,
      storage,
      emit: (event, payload) => this.emit(event, payload),
      proactiveRefresh: options.proactiveRefresh ?? true,
    });
    if (options.onSessionEnded) this.on('sessionEnded', options.onSessionEnded);
    this.fetch = this.fetch.bind(this);
    this.sessions = {
      list: () => this.json<MySession[]>('GET', '/sessions'),
      revoke: (target) => this.revoke(target),
    };
  }

  get user(): User | null {
    return this.keeper.current?.user ?? null;
  }

  get signedIn(): boolean {
    return this.keeper.current !== undefined;
  }

  get accessExpiresAt(): number | null {
    return this.keeper.current?.accessExpiresAt ?? null;
  }

  async restore(): Promise<User | null> {
    return (await this.keeper.restore())?.user ?? null;
  }

  login(input: LoginInput): Promise<SignInResult> {
    return this.signIn('/auth/login', input);
  }

  register(input: RegisterInput): Promise<SignInResult> {
    return this.signIn('/auth/register', input);
  }

  async verifyMfa(input: VerifyMfaInput): Promise<SignedIn> {
    const result = await this.signIn('/auth/mfa/verify', input);
    if (result.status !== 'signed_in') throw new BffError({ code: 'unexpected_response', statusCode: 200, message: `The second factor was accepted, but the answer was ${result.status}` });
    return result;
  }

  async logout(): Promise<void> {
    const state = this.keeper.current;
    if (!state) return;
    const body = this.transport === 'token' ? { refreshToken: state.refreshToken } : {};
    let response: Response;
    try {
      response = await this.http.auth('/auth/logout', body);
    } catch (error) {
      throw networkError(error);
    }
    // 401: it had ended already. Either way there is no session left to keep.
    if (response.ok || response.status === 401) {
      this.keeper.end('logout');
      return;
    }
    throw await errorFrom(response);
  }

  me(): Promise<MeResponse> {
    return this.json<MeResponse>('GET', '/auth/me');
  }

  reauthenticate(input: ReauthenticateInput): Promise<Reauthenticated> {
    return this.json<Reauthenticated>('POST', '/auth/reauthenticate', input);
  }

  async changePassword(input: ChangePasswordInput): Promise<SignedIn> {
    await this.keeper.ensureFresh();
    // Under the refresh lock: the re-issue rotates the refresh token, so no tab may refresh meanwhile.
    return this.keeper.exclusive(async () => {
      const state = this.keeper.current;
      if (!state) throw notSignedIn();
      const sentAt = Date.now();
      let response: Response;
      try {
        response = await this.http.auth('/auth/change-password', input, state);
      } catch (error) {
        throw networkError(error);
      }
      if (!response.ok) {
        const error = await errorFrom(response);
        if (isTerminalCode(error.code)) this.keeper.end(error.code);
        throw error;
      }
      const data: unknown = await response.json().catch(() => undefined);
      if (!isTokenResponse(data)) throw new BffError({ code: 'unexpected_response', statusCode: response.status, message: 'The password change answered without a session' });
      const next = await this.keeper.reissue(data, sentAt);
      return { status: 'signed_in', user: next.user, session: next.session };
    });
  }

  async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = this.http.resolve(input);
    if (!this.http.isBff(url)) return this.fetchImpl(input, init);
    const state = await this.keeper.ensureFresh();
    if (!state) return this.http.send(input, url, init, undefined);
    const replayable = canReplay(input, init);
    const first = await this.http.send(input, url, init, state);
    if (!(await this.keeper.accessRefused(first))) {
      await this.keeper.noticeEnding(first, state);
      return first;
    }
    if (!replayable) {
      // The body is spent, so the caller gets the 401; the refresh still runs, so that sending again works.
      this.keeper.refreshFrom(state.epoch).catch(() => undefined);
      return first;
    }
    void first.body?.cancel().catch(() => undefined);
    await this.keeper.refreshFrom(state.epoch);
    const renewed = this.keeper.current;
    if (!renewed) throw notSignedIn();
    const second = await this.http.send(input, url, init, renewed);
    await this.keeper.noticeEnding(second, renewed);
    return second;
  }

  async getAccessToken(): Promise<string | null> {
    if (this.transport === 'cookie') return null;
    return (await this.keeper.ensureFresh())?.accessToken ?? null;
  }

  on<E extends keyof BffEvents>(event: E, listener: (payload: BffEvents[E]) => void): () => void {
    const listeners = this.listeners[event];
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  close(): void {
    this.keeper.close();
    this.tabs.close();
  }

  private emit<E extends keyof BffEvents>(event: E, payload: BffEvents[E]): void {
    for (const listener of [...this.listeners[event]]) {
      try {
        listener(payload);
      } catch (error) {
        // A failing listener must not stop the client's own work; report it where uncaught errors go.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  private async signIn(path: string, body: unknown): Promise<SignInResult> {
    const sentAt = Date.now();
    let response: Response;
    try {
      response = await this.http.auth(path, body);
    } catch (error) {
      throw networkError(error);
    }
    if (!response.ok) throw await errorFrom(response);
    const data: unknown = await response.json().catch(() => undefined);
    const challenge = challengeIn(data);
    if (challenge) return challenge;
    if (isRecord(data) && data.confirmationRequired === true) return { status: 'confirmation_required' };
    if (!isTokenResponse(data)) throw new BffError({ code: 'unexpected_response', statusCode: response.status, message: `${path} answered without a session` });
    const state = await this.keeper.begin(data, sentAt);
    return { status: 'signed_in', user: state.user, session: state.session };
  }

  private async revoke(target: string): Promise<RevokedCount> {
    const current = this.keeper.current;
    if (target === 'others' || target === 'all') {
      const result = await this.json<RevokedCount>('DELETE', `/sessions?scope=${target}`);
      if (target === 'all') this.keeper.end('logout');
      return result;
    }
    await this.json<undefined>('DELETE', `/sessions/${encodeURIComponent(target)}`);
    if (current?.session.id === target) this.keeper.end('logout');
    return { revoked: 1 };
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    if (!this.keeper.current) throw notSignedIn();
    const headers: Record<string, string> = { accept: 'application/json' };
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await this.fetch(path, init);
    } catch (error) {
      throw error instanceof BffError ? error : networkError(error);
    }
    if (!response.ok) throw await errorFrom(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}

/** A client for one BFF. Create one per app (per page), and call `restore()` once at startup. */
export function createBffClient(options: BffClientOptions): BffClient {
  return new Client(options);
}
