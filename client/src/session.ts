import { BffError, errorFrom, isTerminalCode, networkError, notSignedIn, peekEnvelope, type SessionEndedCode } from './errors.js';
import type { BffHttp } from './http.js';
import { asState, isTokenResponse, markOf, stateFrom, type SessionMark, type SessionState } from './state.js';
import type { TabLink, TabMessage } from './tabs.js';
import type { BffEvents, CookieTokenResponse, TokenResponse, TokenStorage, TokensEvent, User } from './types.js';

/**
 * An access token is treated as expired this long before it does: a request needs time to
 * arrive, and in cookie mode the browser stops sending the cookie at its Max-Age.
 */
export const EXPIRY_MARGIN_MS = 2_000;
/** How long a tab that just opened waits for another tab to hand it the session. */
const PEER_WAIT_MS = 250;
/** How long a tab waits for the tokens of a refresh that another tab has recorded as done. */
const CATCH_UP_WAIT_MS = 3_000;
const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/** Calls made while a refresh is failing try again at most this often; the retry timer does the rest. */
const MIN_ATTEMPT_GAP_MS = 1_000;
const MAX_PROACTIVE_LEAD_MS = 60_000;

type Emit = <E extends keyof BffEvents>(event: E, payload: BffEvents[E]) => void;
type Reason = 'signed_in' | 'refreshed' | 'snapshot';

/** Token mode's session in the app's storage. Failures only cost persistence: memory still holds it. */
export class StorageSlot {
  constructor(
    private readonly storage: TokenStorage,
    private readonly key: string,
  ) {}

  async load(): Promise<SessionState | undefined> {
    try {
      const raw = await this.storage.getItem(this.key);
      return raw ? asState(JSON.parse(raw)) : undefined;
    } catch {
      return undefined;
    }
  }

  async save(state: SessionState): Promise<void> {
    try {
      await this.storage.setItem(this.key, JSON.stringify(state));
    } catch {
      // Full or unavailable storage.
    }
  }

  async clear(): Promise<void> {
    try {
      await this.storage.removeItem(this.key);
    } catch {
      // Nothing more to do.
    }
  }
}

export interface KeeperOptions {
  http: BffHttp;
  tabs: TabLink;
  storage: StorageSlot | undefined;
  emit: Emit;
  proactiveRefresh: boolean;
}

function tokensEvent(state: SessionState): TokensEvent {
  const event: TokensEvent = { sessionId: state.session.id, accessExpiresAt: state.accessExpiresAt };
  if (state.accessToken) event.accessToken = state.accessToken;
  if (state.refreshToken) event.refreshToken = state.refreshToken;
  return event;
}

function isMe(value: unknown): value is { user: User; session: { id: string; expiresAt: string } } {
  if (typeof value !== 'object' || value === null) return false;
  const { user, session } = value as Record<string, unknown>;
  return (
    typeof user === 'object' &&
    user !== null &&
    typeof session === 'object' &&
    session !== null &&
    typeof (session as Record<string, unknown>).id === 'string' &&
    typeof (session as Record<string, unknown>).expiresAt === 'string'
  );
}

/**
 * Keeps one session alive for this tab and in step with the others: refreshes once at a time
 * across tabs, hands the result around, retries what spent nothing, and ends the session
 * everywhere on a definitive answer.
 */
export class SessionKeeper {
  private state: SessionState | undefined;
  private inFlight: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private lastFailure: BffError | undefined;
  private lastAttemptAt = 0;
  private lastEnd: SessionEndedCode | undefined;
  private closed = false;
  private readonly waiters = new Set<() => void>();
  /** Sessions known to be over: a stale message from another tab must not bring one back. */
  private readonly ended = new Set<string>();

  constructor(private readonly options: KeeperOptions) {
    options.tabs.onMessage((message) => this.receive(message));
  }

  get current(): SessionState | undefined {
    return this.state;
  }

  /** A new session from a sign-in: every tab adopts it. */
  begin(response: TokenResponse | CookieTokenResponse, sentAt: number): Promise<SessionState> {
    return this.options.tabs.exclusive(async () => {
      const state = stateFrom(response, 0, sentAt);
      await this.options.tabs.writeMark(markOf(state));
      this.adopt(state, 'signed_in', true);
      return state;
    });
  }

  /** New tokens for the same session outside a refresh (a password change). Call it holding the lock. */
  async reissue(response: TokenResponse | CookieTokenResponse, sentAt: number): Promise<SessionState> {
    const mark = await this.options.tabs.readMark();
    const known = Math.max(this.state?.epoch ?? 0, mark?.sessionId === response.session.id ? mark.epoch : 0);
    const state = stateFrom(response, known + 1, sentAt);
    await this.options.tabs.writeMark(markOf(state));
    this.adopt(state, 'refreshed', true);
    return state;
  }

  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.options.tabs.exclusive(work);
  }

  /** Ends the session here and, unless the news came from another tab, everywhere. */
  end(code: SessionEndedCode, tellOthers = true): void {
    const state = this.state;
    if (!state) return;
    this.state = undefined;
    this.ended.add(state.session.id);
    this.lastEnd = code;
    this.clearTimer();
    this.failures = 0;
    this.lastFailure = undefined;
    if (tellOthers) this.options.tabs.post({ kind: 'ended', sessionId: state.session.id, code });
    void this.options.storage?.clear();
    this.wake();
    this.options.emit('sessionEnded', { code });
  }

  /** The session, refreshed first when its access token is (nearly) expired; undefined when signed out. */
  async ensureFresh(): Promise<SessionState | undefined> {
    const state = this.state;
    if (!state || Date.now() < state.accessExpiresAt - EXPIRY_MARGIN_MS) return state;
    try {
      await this.refreshFrom(state.epoch);
    } catch (error) {
      // Nothing was spent; a token that is still valid is still worth sending.
      const still = this.state;
      if (error instanceof BffError && error.transient && still && Date.now() < still.accessExpiresAt) return still;
      throw error;
    }
    return this.requireState();
  }

  /**
   * Makes sure the session has moved past `epoch` (the tokens a caller used). Joins a refresh
   * already running in this tab; resolves at once if another refresh already got there.
   */
  refreshFrom(epoch: number, background = false): Promise<void> {
    const state = this.state;
    if (!state) return Promise.reject(this.over());
    if (state.epoch > epoch) return Promise.resolve();
    if (this.inFlight) return this.inFlight;
    if (!background && this.lastFailure && Date.now() - this.lastAttemptAt < MIN_ATTEMPT_GAP_MS) return Promise.reject(this.lastFailure);
    const run: Promise<void> = this.refreshAcrossTabs(state).finally(() => {
      if (this.inFlight === run) this.inFlight = undefined;
    });
    this.inFlight = run;
    return run;
  }

  /** True when the BFF refused the access token itself, so a refresh and one replay can help. */
  async accessRefused(response: Response): Promise<boolean> {
    if (response.status !== 401) return false;
    const code = (await peekEnvelope(response))?.code;
    // In cookie mode a lapsed access cookie is simply not sent: the BFF sees no credential at all.
    return code === 'invalid_access_token' || (code === 'unauthorized' && this.options.http.transport === 'cookie');
  }

  /** Any call can be the one that learns the session is over (revoked, expired, account blocked). */
  async noticeEnding(response: Response, sent: SessionState): Promise<void> {
    if (response.status !== 401 && response.status !== 403) return;
    const envelope = await peekEnvelope(response);
    if (envelope && isTerminalCode(envelope.code) && this.state?.session.id === sent.session.id) this.end(envelope.code);
  }

  /** Picks up a session that exists already: from storage, from another tab, or (cookie mode) from the cookies. */
  async restore(): Promise<SessionState | undefined> {
    if (this.state) return this.state;
    if (this.options.http.transport === 'token') {
      const stored = await this.options.storage?.load();
      if (stored && !this.state) this.adopt(stored, 'snapshot', false);
      if (!this.state) await this.askOtherTabs();
      return this.state;
    }
    await this.askOtherTabs();
    return this.state ?? this.restoreFromCookies();
  }

  close(): void {
    this.closed = true;
    this.clearTimer();
    this.wake();
  }

  private over(): BffError {
    if (!this.lastEnd) return notSignedIn();
    return new BffError({ code: this.lastEnd, statusCode: 401, message: `The session ended (${this.lastEnd})` });
  }

  private requireState(): SessionState {
    if (!this.state) throw this.over();
    return this.state;
  }

  private async refreshAcrossTabs(seen: SessionState): Promise<void> {
    await this.options.tabs.exclusive(async () => {
      const current = this.requireState();
      if (current.session.id !== seen.session.id || current.epoch > seen.epoch) return;
      // The lock's previous holder may have refreshed, and its message may not be here yet.
      const mark = await this.options.tabs.readMark();
      const shared = mark?.sessionId === current.session.id ? mark.epoch : -1;
      if (mark && shared > current.epoch && (await this.catchUp(current, mark))) return;
      await this.callRefresh(current, Math.max(current.epoch, shared) + 1);
    });
    this.requireState();
  }

  /** Takes over a refresh another tab recorded. False when its tokens never arrived (then refresh here). */
  private async catchUp(current: SessionState, mark: SessionMark): Promise<boolean> {
    if (this.options.http.transport === 'cookie') {
      // The cookies are the browser's, shared by every tab: only the expiry needs to be known.
      this.adopt({ ...current, epoch: mark.epoch, accessExpiresAt: mark.accessExpiresAt }, 'refreshed', false);
      return true;
    }
    const reached = (): boolean => this.state === undefined || this.state.session.id !== current.session.id || this.state.epoch >= mark.epoch;
    if (!reached()) {
      const stored = await this.options.storage?.load();
      if (stored && stored.session.id === current.session.id && stored.epoch >= mark.epoch && !reached()) this.adopt(stored, 'refreshed', false);
    }
    if (!reached()) await this.waitFor(reached, CATCH_UP_WAIT_MS);
    return reached();
  }

  private async callRefresh(current: SessionState, epoch: number): Promise<void> {
    const body = this.options.http.transport === 'token' ? { refreshToken: current.refreshToken } : {};
    const sentAt = Date.now();
    this.lastAttemptAt = sentAt;
    let response: Response;
    try {
      response = await this.options.http.auth('/auth/refresh', body);
    } catch (error) {
      throw this.failed(networkError(error));
    }
    if (response.ok) {
      const data: unknown = await response.json().catch(() => undefined);
      if (!isTokenResponse(data)) {
        throw this.failed(new BffError({ code: 'unexpected_response', statusCode: response.status, message: 'The refresh answer held no session' }));
      }
      const next = stateFrom(data, epoch, sentAt);
      await this.options.tabs.writeMark(markOf(next));
      this.adopt(next, 'refreshed', true);
      return;
    }
    const error = await errorFrom(response);
    if (error.transient) throw this.failed(error);
    // A refused refresh can't be retried into success, whatever the code: the session is over.
    this.end(error.code);
    throw error;
  }

  /** A failure that spent nothing: keep the session and try again later, backing off. */
  private failed(error: BffError): BffError {
    this.failures += 1;
    this.lastFailure = error;
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (this.failures - 1)) * (0.5 + Math.random() / 2);
    this.setTimer(delay, () => this.backgroundRefresh());
    return error;
  }

  private backgroundRefresh(): void {
    const state = this.state;
    if (!state || this.closed) return;
    // Failures are handled inside: transient ones schedule the next try, definitive ones end the session.
    this.refreshFrom(state.epoch, true).catch(() => undefined);
  }

  private adopt(next: SessionState, reason: Reason, tellOthers: boolean): void {
    const previous = this.state;
    this.state = next;
    // Whatever failed before, this state is newer: a pending retry would only refresh it again.
    this.failures = 0;
    this.lastFailure = undefined;
    if (tellOthers) {
      this.options.tabs.post({ kind: 'session', reason, state: next });
      void this.options.storage?.save(next);
    }
    this.schedule();
    this.wake();
    if (!previous || previous.session.id !== next.session.id) this.options.emit('signedIn', { user: next.user, session: next.session });
    this.options.emit('tokens', tokensEvent(next));
  }

  private receive(message: TabMessage): void {
    if (this.closed) return;
    switch (message.kind) {
      case 'hello':
        if (this.state) this.options.tabs.post({ kind: 'session', reason: 'snapshot', state: this.state });
        return;
      case 'ended':
        this.ended.add(message.sessionId);
        if (this.state?.session.id === message.sessionId) this.end(message.code, false);
        return;
      case 'session': {
        const mine = this.state;
        const incoming = message.state;
        if (this.ended.has(incoming.session.id)) return;
        const otherSession = !mine || mine.session.id !== incoming.session.id;
        // Another tab's sign-in replaces this tab's session (in cookie mode the browser already did).
        if ((otherSession && (message.reason === 'signed_in' || !mine)) || (!otherSession && incoming.epoch > mine.epoch)) {
          this.adopt(incoming, message.reason, false);
        }
        return;
      }
    }
  }

  private async askOtherTabs(): Promise<void> {
    if (!this.options.tabs.sharesWithOtherTabs) return;
    this.options.tabs.post({ kind: 'hello' });
    await this.waitFor(() => this.state !== undefined, PEER_WAIT_MS);
  }

  private async restoreFromCookies(): Promise<SessionState | undefined> {
    const before = await this.options.tabs.readMark();
    const fromMe = await this.sessionFromCookies(before);
    if (fromMe !== 'refused') return fromMe;
    // The access cookie may have lapsed while the refresh cookie lives on: one tab refreshes for all.
    return this.options.tabs.exclusive(async () => {
      if (this.state) return this.state;
      const mark = await this.options.tabs.readMark();
      if (mark && (mark.sessionId !== before?.sessionId || mark.epoch !== before.epoch)) {
        const again = await this.sessionFromCookies(mark);
        if (again !== 'refused') return again;
      }
      const sentAt = Date.now();
      let response: Response;
      try {
        response = await this.options.http.auth('/auth/refresh', {});
      } catch (error) {
        throw networkError(error);
      }
      if (!response.ok) {
        const error = await errorFrom(response);
        if (error.transient) throw error;
        return undefined;
      }
      const data: unknown = await response.json().catch(() => undefined);
      if (!isTokenResponse(data)) throw new BffError({ code: 'unexpected_response', statusCode: response.status, message: 'The refresh answer held no session' });
      const epoch = (mark?.sessionId === data.session.id ? mark.epoch : 0) + 1;
      const state = stateFrom(data, epoch, sentAt);
      await this.options.tabs.writeMark(markOf(state));
      if (!this.state) this.adopt(state, 'refreshed', true);
      return this.state;
    });
  }

  /** `GET /auth/me` with the cookies: the session they hold, 'refused' on a 401, undefined on another refusal. */
  private async sessionFromCookies(mark: SessionMark | undefined): Promise<SessionState | undefined | 'refused'> {
    const sentAt = Date.now();
    let response: Response;
    try {
      response = await this.options.http.auth('/auth/me', undefined, undefined, 'GET');
    } catch (error) {
      throw networkError(error);
    }
    if (!response.ok) {
      const error = await errorFrom(response);
      if (error.transient) throw error;
      return error.statusCode === 401 ? 'refused' : undefined;
    }
    const me: unknown = await response.json().catch(() => undefined);
    if (!isMe(me)) throw new BffError({ code: 'unexpected_response', statusCode: response.status, message: 'GET /auth/me held no session' });
    if (this.state) return this.state;
    const known = mark?.sessionId === me.session.id ? mark : undefined;
    this.adopt(
      {
        session: { id: me.session.id, expiresAt: me.session.expiresAt },
        user: me.user,
        epoch: known?.epoch ?? 0,
        // Without a mark nothing tells how long the access cookie lasts: treat it as due, so it is renewed first.
        accessExpiresAt: known?.accessExpiresAt ?? sentAt,
      },
      'snapshot',
      false,
    );
    return this.state;
  }

  private schedule(): void {
    this.clearTimer();
    const state = this.state;
    if (!state || !this.options.proactiveRefresh || this.closed) return;
    const remaining = state.accessExpiresAt - Date.now();
    // Each tab picks its own moment, so one of them refreshes and the others hear of it.
    const lead = EXPIRY_MARGIN_MS + Math.min(MAX_PROACTIVE_LEAD_MS, Math.max(0, remaining) * 0.2) * (0.5 + Math.random() / 2);
    this.setTimer(Math.max(0, remaining - lead), () => this.backgroundRefresh());
  }

  private setTimer(delayMs: number, callback: () => void): void {
    this.clearTimer();
    if (this.closed) return;
    const timer = setTimeout(callback, delayMs);
    // In Node a pending refresh must not keep the process alive.
    (timer as { unref?: () => void }).unref?.();
    this.timer = timer;
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => {
        if (!predicate() && !this.closed) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        resolve();
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
