import type { SessionState } from './state.js';
import type { Transport } from './types.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A refresh that hangs would hold the cross-tab lock; past this it counts as a network failure. */
const AUTH_CALL_TIMEOUT_MS = 20_000;

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

function isRequest(input: RequestInfo | URL): input is Request {
  return typeof input === 'object' && !(input instanceof URL) && 'url' in input && 'method' in input;
}

/** How requests reach the BFF: its URL, and how each transport carries the session. */
export class BffHttp {
  private readonly base: URL;
  private readonly basePath: string;

  constructor(
    baseUrl: string,
    readonly transport: Transport,
    private readonly fetchImpl: FetchLike,
  ) {
    this.base = new URL(baseUrl);
    this.basePath = this.base.pathname.replace(/\/+$/, '');
  }

  /** `/api/articles` is taken relative to the BFF's URL (its path included); absolute URLs stay as they are. */
  resolve(input: RequestInfo | URL): URL {
    if (input instanceof URL) return input;
    const raw = isRequest(input) ? input.url : input;
    if (raw.startsWith('/') && !raw.startsWith('//')) return new URL(this.basePath + raw, this.base.origin);
    return new URL(raw, this.base);
  }

  /** Only requests to the BFF itself ever carry the session: never a token to another origin. */
  isBff(url: URL): boolean {
    return url.origin === this.base.origin && (this.basePath === '' || url.pathname === this.basePath || url.pathname.startsWith(`${this.basePath}/`));
  }

  /**
   * Sends a request with the session's credential: the Bearer token, or (cookie mode) the
   * browser's cookies plus `X-CSRF: 1` on anything that changes state.
   */
  send(input: RequestInfo | URL, url: URL, init: RequestInit | undefined, state: SessionState | undefined): Promise<Response> {
    const request = isRequest(input) ? input : undefined;
    const headers = new Headers(init?.headers ?? request?.headers);
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const merged: RequestInit = { ...init, headers };
    if (this.transport === 'token') {
      if (state?.accessToken) headers.set('authorization', `Bearer ${state.accessToken}`);
    } else {
      merged.credentials = 'include';
      if (!SAFE_METHODS.has(method)) headers.set('x-csrf', '1');
    }
    return request ? this.fetchImpl(new Request(request, merged)) : this.fetchImpl(url, merged);
  }

  /** The BFF's own /auth routes: JSON in, the transport's header, and a bounded wait. */
  auth(path: string, body: unknown, state?: SessionState, method = 'POST'): Promise<Response> {
    const headers = new Headers({ accept: 'application/json' });
    if (body !== undefined) headers.set('content-type', 'application/json');
    if (this.transport === 'cookie') headers.set('x-bff-transport', 'cookie');
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    const timeout = (AbortSignal as { timeout?: (ms: number) => AbortSignal }).timeout;
    if (timeout) init.signal = timeout.call(AbortSignal, AUTH_CALL_TIMEOUT_MS);
    return this.send(this.resolve(path), this.resolve(path), init, state);
  }
}
