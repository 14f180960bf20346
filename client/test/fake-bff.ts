/**
 * An in-memory stand-in for the BFF's HTTP contract, behind a fetch function: login, refresh with
 * strict rotation (presenting an older refresh token ends the session as refresh_token_reused,
 * so a second refresh of the same token shows up as a failure), logout, /auth/me, /sessions and
 * an `/api/*` route that needs a valid access token. Cookie mode keeps its own cookie jar, as a
 * browser would. The client's e2e and browser tests run against the real BFF; this is for unit tests.
 */

export interface Call {
  method: string;
  path: string;
  headers: Headers;
  credentials: RequestCredentials;
  body: string | undefined;
  /** Date.now() when the call arrived. */
  at: number;
}

interface FakeSession {
  id: string;
  userId: number;
  generation: number;
  refreshTokens: Map<string, number>;
  accessTokens: Map<string, number>;
  ended?: { code: string; status: number };
}

export interface Override {
  status: number;
  body?: unknown;
}

const users = { 1: { id: 1, documentId: 'doc-1', username: 'alice', email: 'alice@example.com', role: 'authenticated' } } as const;

export function envelope(status: number, code: string): Override {
  return { status, body: { statusCode: status, code, message: `fake ${code}`, requestId: `req-${code}` } };
}

export class FakeBff {
  readonly calls: Call[] = [];
  /** Seconds the access tokens live. */
  accessTtl = 900;
  /** Milliseconds every /auth/refresh takes, so concurrent callers overlap. */
  refreshDelayMs = 0;
  /** When set, /auth/refresh answers this instead (and spends nothing). */
  refreshOverride: Override | undefined;
  /** When set, login answers this instead (e.g. an MFA challenge). */
  loginOverride: Override | undefined;
  /** Every access token is refused as invalid_access_token, however new. */
  refuseEveryAccessToken = false;
  private readonly sessions = new Map<string, FakeSession>();
  private readonly jar = new Map<string, string>();
  private counter = 0;

  constructor(
    readonly origin = 'https://bff.test',
    private readonly basePath = '',
  ) {}

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.body ? await request.text() : undefined;
    const call: Call = { method: request.method, path: url.pathname + url.search, headers: request.headers, credentials: request.credentials, body, at: Date.now() };
    this.calls.push(call);
    if (url.origin !== this.origin) return this.json(200, { elsewhere: true });
    if (this.basePath && url.pathname.startsWith(`${this.basePath}/`)) url.pathname = url.pathname.slice(this.basePath.length);
    return this.route(call, url);
  };

  count(method: string, path: string): number {
    return this.calls.filter((call) => call.method === method && call.path === path).length;
  }

  /** Ends a session as an admin or the server would. */
  endSession(sessionId: string, code: string, status = 401): void {
    const session = this.sessions.get(sessionId);
    if (session) session.ended = { code, status };
  }

  /** The server stops accepting the access tokens issued so far (as if its clock ran ahead). */
  revokeAccessTokens(): void {
    for (const session of this.sessions.values()) session.accessTokens.clear();
  }

  sessionIds(): string[] {
    return [...this.sessions.keys()];
  }

  private json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
    if (status === 204) return new Response(null, { status, headers });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': `req-${++this.counter}`, ...headers } });
  }

  private answer(override: Override): Response {
    return this.json(override.status, override.body ?? {});
  }

  private cookieMode(call: Call): boolean {
    return call.headers.get('x-bff-transport') === 'cookie';
  }

  private issue(session: FakeSession, call: Call): Response {
    session.generation += 1;
    const refreshToken = `rt-${session.id}-${session.generation}`;
    const accessToken = `at-${session.id}-${session.generation}`;
    session.refreshTokens.set(refreshToken, session.generation);
    session.accessTokens.set(accessToken, Date.now() + this.accessTtl * 1000);
    const response = {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.accessTtl,
      refreshToken,
      refreshExpiresIn: 604800,
      session: { id: session.id, expiresAt: '2099-01-01T00:00:00.000Z' },
      user: users[1],
    };
    if (!this.cookieMode(call)) return this.json(200, response);
    this.jar.set('access', accessToken);
    this.jar.set('refresh', refreshToken);
    return this.json(200, { ...response, accessToken: undefined, refreshToken: undefined });
  }

  /** The access token of a call: the Bearer header, or the jar's cookie when the call sends credentials. */
  private accessTokenOf(call: Call): string | undefined {
    const bearer = /^Bearer (\S+)$/.exec(call.headers.get('authorization') ?? '')?.[1];
    if (bearer) return bearer;
    return call.credentials === 'include' ? this.jar.get('access') : undefined;
  }

  private authenticate(call: Call): { session: FakeSession } | Response {
    const token = this.accessTokenOf(call);
    if (!token) return this.answer(envelope(401, 'unauthorized'));
    if (call.credentials === 'include' && !call.headers.get('authorization') && !['GET', 'HEAD'].includes(call.method) && call.headers.get('x-csrf') !== '1') {
      return this.answer(envelope(403, 'csrf_required'));
    }
    const session = [...this.sessions.values()].find((candidate) => candidate.accessTokens.has(token));
    if (!session || this.refuseEveryAccessToken) return this.answer(envelope(401, 'invalid_access_token'));
    if (session.ended) return this.answer(envelope(session.ended.status, session.ended.code));
    if ((session.accessTokens.get(token) ?? 0) <= Date.now()) return this.answer(envelope(401, 'invalid_access_token'));
    return { session };
  }

  private async route(call: Call, url: URL): Promise<Response> {
    const key = `${call.method} ${url.pathname}`;
    switch (key) {
      case 'POST /auth/login':
      case 'POST /auth/register': {
        if (this.loginOverride) return this.answer(this.loginOverride);
        return this.startSession(call);
      }
      case 'POST /auth/mfa/verify': {
        const body = JSON.parse(call.body ?? '{}') as { mfaToken?: string; code?: string };
        if (body.mfaToken !== 'mfa-token-1' || body.code !== '123456') return this.answer(envelope(401, 'invalid_mfa_code'));
        return this.startSession(call);
      }
      case 'POST /auth/refresh':
        return this.refresh(call);
      case 'POST /auth/logout': {
        const body = JSON.parse(call.body ?? '{}') as { refreshToken?: string };
        const token = body.refreshToken ?? (call.credentials === 'include' ? this.jar.get('refresh') : undefined);
        const session = [...this.sessions.values()].find((candidate) => token !== undefined && candidate.refreshTokens.has(token));
        if (!session || session.ended) return this.answer(envelope(401, 'invalid_refresh_token'));
        session.ended = { code: 'session_revoked', status: 401 };
        this.jar.clear();
        return this.json(204, undefined);
      }
      case 'GET /auth/me': {
        const auth = this.authenticate(call);
        if (auth instanceof Response) return auth;
        return this.json(200, { user: users[1], session: { id: auth.session.id, expiresAt: '2099-01-01T00:00:00.000Z' } });
      }
      case 'POST /auth/change-password': {
        const auth = this.authenticate(call);
        if (auth instanceof Response) return auth;
        return this.issue(auth.session, call);
      }
      case 'POST /auth/reauthenticate': {
        const auth = this.authenticate(call);
        if (auth instanceof Response) return auth;
        const body = JSON.parse(call.body ?? '{}') as { password?: string };
        if (body.password !== 'secret') return this.answer(envelope(401, 'invalid_credentials'));
        return this.json(200, { aal: 1, amr: ['pwd'], authTime: '2026-11-30T10:00:00.000Z', freshUntil: '2026-11-30T10:05:00.000Z' });
      }
      case 'GET /sessions': {
        const auth = this.authenticate(call);
        if (auth instanceof Response) return auth;
        return this.json(200, [{ id: auth.session.id, current: true }]);
      }
      case 'DELETE /sessions': {
        const auth = this.authenticate(call);
        if (auth instanceof Response) return auth;
        if (url.searchParams.get('scope') === 'all') auth.session.ended = { code: 'session_revoked', status: 401 };
        return this.json(200, { revoked: 1 });
      }
      default:
        break;
    }
    if (url.pathname.startsWith('/api/')) {
      const auth = this.authenticate(call);
      if (auth instanceof Response) return auth;
      return this.json(200, { path: url.pathname, session: auth.session.id, body: call.body ?? null });
    }
    if (url.pathname.startsWith('/sessions/') && call.method === 'DELETE') {
      const auth = this.authenticate(call);
      if (auth instanceof Response) return auth;
      const target = this.sessions.get(decodeURIComponent(url.pathname.slice('/sessions/'.length)));
      if (!target) return this.answer(envelope(404, 'not_found'));
      target.ended = { code: 'session_revoked', status: 401 };
      return this.json(204, undefined);
    }
    return this.answer(envelope(404, 'not_found'));
  }

  private startSession(call: Call): Response {
    const session: FakeSession = { id: `s${this.sessions.size + 1}`, userId: 1, generation: 0, refreshTokens: new Map(), accessTokens: new Map() };
    this.sessions.set(session.id, session);
    return this.issue(session, call);
  }

  private async refresh(call: Call): Promise<Response> {
    if (this.refreshDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.refreshDelayMs));
    if (this.refreshOverride) return this.answer(this.refreshOverride);
    let token: string | undefined;
    if (this.cookieMode(call)) {
      token = call.credentials === 'include' ? this.jar.get('refresh') : undefined;
      if (token && call.headers.get('x-csrf') !== '1') return this.answer(envelope(403, 'csrf_required'));
    } else {
      token = (JSON.parse(call.body ?? '{}') as { refreshToken?: string }).refreshToken;
    }
    if (!token) return this.answer(envelope(400, 'validation_failed'));
    const session = [...this.sessions.values()].find((candidate) => candidate.refreshTokens.has(token));
    if (!session) return this.answer(envelope(401, 'invalid_refresh_token'));
    if (session.ended) return this.answer(envelope(session.ended.status, session.ended.code));
    if (session.refreshTokens.get(token) !== session.generation) {
      session.ended = { code: 'refresh_token_reused', status: 401 };
      return this.answer(envelope(401, 'refresh_token_reused'));
    }
    return this.issue(session, call);
  }
}
