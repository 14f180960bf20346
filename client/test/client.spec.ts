import { BffError, TERMINAL_CODES, type SessionEndedEvent, type TokensEvent } from '../src/index.js';
import { envelope, FakeBff } from './fake-bff.js';
import { clientFor, eventually, fakeClockAndTimers, fakeClockOnly, memoryStorage, moveClock, signedIn } from './support.js';

const API = '/api/articles';

async function statusesOf(responses: Promise<Response>[]): Promise<number[]> {
  return (await Promise.all(responses)).map((response) => response.status);
}

describe('the client in token mode', () => {
  let bff: FakeBff;
  beforeEach(() => {
    bff = new FakeBff();
    fakeClockOnly();
  });

  it('sends the access token as a Bearer header to the BFF, and never to another origin', async () => {
    const client = await signedIn(bff);
    expect((await client.fetch(API)).status).toBe(200);
    expect((await client.fetch('https://elsewhere.test/api/articles')).status).toBe(200);

    const [toBff, elsewhere] = bff.calls.filter((call) => call.path === API);
    expect(toBff.headers.get('authorization')).toMatch(/^Bearer at-s1-1$/);
    expect(elsewhere.headers.get('authorization')).toBeNull();
  });

  it('resolves paths against a base URL with a path of its own, and treats only that path as the BFF', async () => {
    bff = new FakeBff('https://example.test', '/bff');
    const client = await signedIn(bff, { baseUrl: 'https://example.test/bff/' });
    await client.fetch('/api/articles');
    await client.fetch('https://example.test/other/api');
    const sent = bff.calls.slice(-2);
    expect(sent.map((call) => [call.path, call.headers.get('authorization') !== null])).toEqual([
      ['/bff/api/articles', true],
      ['/other/api', false],
    ]);
  });

  it('refreshes once for many calls made together once the access token has expired (single flight within a tab)', async () => {
    const client = await signedIn(bff);
    bff.refreshDelayMs = 20;
    moveClock(900_000);

    const statuses = await statusesOf(Array.from({ length: 20 }, () => client.fetch(API)));

    expect(statuses).toEqual(Array.from({ length: 20 }, () => 200));
    expect(bff.count('POST', '/auth/refresh')).toBe(1);
    expect(bff.calls.filter((call) => call.path === API).map((call) => call.headers.get('authorization'))).toEqual(Array.from({ length: 20 }, () => 'Bearer at-s1-2'));
  });

  it('refreshes and replays once on 401 invalid_access_token, with the same body', async () => {
    const client = await signedIn(bff);
    bff.revokeAccessTokens();

    const response = await client.fetch(API, { method: 'POST', body: JSON.stringify({ data: { title: 'Hello' } }), headers: { 'content-type': 'application/json' } });

    expect(response.status).toBe(200);
    expect(((await response.json()) as { body: string }).body).toBe('{"data":{"title":"Hello"}}');
    expect(bff.count('POST', API)).toBe(2);
    expect(bff.count('POST', '/auth/refresh')).toBe(1);
  });

  it('replays only once: a second 401 goes back to the caller', async () => {
    const client = await signedIn(bff);
    bff.refuseEveryAccessToken = true;

    const response = await client.fetch(API);

    expect(response.status).toBe(401);
    expect(((await response.json()) as { code: string }).code).toBe('invalid_access_token');
    expect(bff.count('GET', API)).toBe(2);
    expect(bff.count('POST', '/auth/refresh')).toBe(1);
    expect(client.signedIn).toBe(true);
  });

  it('does not replay a request whose body was a stream, but refreshes so that sending again works', async () => {
    const client = await signedIn(bff);
    bff.revokeAccessTokens();
    const tokens: TokensEvent[] = [];
    client.on('tokens', (event) => tokens.push(event));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"data":{"title":"streamed"}}'));
        controller.close();
      },
    });

    const response = await client.fetch(API, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);

    expect(response.status).toBe(401);
    expect(bff.count('POST', API)).toBe(1);
    await eventually(() => tokens.length === 1);
    expect(bff.count('POST', '/auth/refresh')).toBe(1);
    expect((await client.fetch(API, { method: 'POST', body: 'again' })).status).toBe(200);
  });

  it('does not replay a Request object that carries a body', async () => {
    const client = await signedIn(bff);
    bff.revokeAccessTokens();

    const response = await client.fetch(new Request(`${bff.origin}${API}`, { method: 'PUT', body: 'x' }));

    expect(response.status).toBe(401);
    expect(bff.count('PUT', API)).toBe(1);
  });

  it.each(TERMINAL_CODES)('ends the session when the refresh answers %s, and says why', async (code) => {
    const storage = memoryStorage();
    const ended: SessionEndedEvent[] = [];
    const client = await signedIn(bff, { storage, onSessionEnded: (event) => ended.push(event) });
    expect(storage.entries.size).toBe(1);
    const status = code === 'account_blocked' ? 403 : 401;
    bff.refreshOverride = envelope(status, code);
    moveClock(900_000);

    const failure = await client.fetch(API).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(BffError);
    expect(failure).toMatchObject({ code, statusCode: status, requestId: `req-${code}` });
    expect(ended).toEqual([{ code }]);
    expect(client.signedIn).toBe(false);
    expect(client.user).toBeNull();
    expect(storage.entries.size).toBe(0);
    // No request went out after the verdict, and the next one goes out without a token.
    expect(bff.count('GET', API)).toBe(0);
    await client.fetch(API);
    expect(bff.calls.at(-1)?.headers.get('authorization')).toBeNull();
  });

  it.each([
    ['session_revoked', 401],
    ['session_expired', 401],
    ['account_deleted', 401],
    ['account_blocked', 403],
  ])('ends the session when any call answers %s', async (code, status) => {
    const ended: SessionEndedEvent[] = [];
    const client = await signedIn(bff, { onSessionEnded: (event) => ended.push(event) });
    bff.endSession(bff.sessionIds()[0], code, status);

    const response = await client.fetch(API);

    expect(response.status).toBe(status);
    expect(((await response.json()) as { code: string }).code).toBe(code);
    expect(ended).toEqual([{ code }]);
    expect(client.signedIn).toBe(false);
  });

  it('turns a refused sign-in into a BffError with the server’s code, status and request id', async () => {
    bff.loginOverride = envelope(401, 'invalid_credentials');
    const failure = await clientFor(bff)
      .login({ identifier: 'alice', password: 'wrong' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BffError);
    expect(failure).toMatchObject({ name: 'BffError', code: 'invalid_credentials', statusCode: 401, requestId: 'req-invalid_credentials' });
  });

  it('reports a BFF it can’t reach as network_error', async () => {
    const client = clientFor(bff, { fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(client.login({ identifier: 'alice', password: 'secret' })).rejects.toMatchObject({ code: 'network_error', statusCode: 0 });
  });

  it('answers a login that needs a second factor with the challenge, and signs in with verifyMfa', async () => {
    bff.loginOverride = { status: 200, body: { mfaRequired: true, mfaToken: 'mfa-token-1', methods: ['totp', 'recovery_code'] } };
    const client = clientFor(bff);

    const first = await client.login({ identifier: 'alice', password: 'secret' });
    expect(first).toEqual({ status: 'mfa_required', mfaToken: 'mfa-token-1', methods: ['totp', 'recovery_code'] });
    expect(client.signedIn).toBe(false);

    await expect(client.verifyMfa({ mfaToken: 'mfa-token-1', method: 'totp', code: '000000' })).rejects.toMatchObject({ code: 'invalid_mfa_code' });
    const verified = await client.verifyMfa({ mfaToken: 'mfa-token-1', method: 'totp', code: '123456' });

    expect(verified).toMatchObject({ status: 'signed_in', user: { username: 'alice' } });
    expect(JSON.parse(bff.calls.find((call) => call.path === '/auth/mfa/verify' && call.body?.includes('123456'))?.body ?? '{}')).toEqual({ mfaToken: 'mfa-token-1', method: 'totp', code: '123456' });
    expect((await client.fetch(API)).status).toBe(200);
  });

  it('re-authenticates the current session for sensitive actions', async () => {
    const client = await signedIn(bff);
    await expect(client.reauthenticate({ password: 'wrong' })).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(await client.reauthenticate({ password: 'secret' })).toEqual({ aal: 1, amr: ['pwd'], authTime: '2026-11-30T10:00:00.000Z', freshUntil: '2026-11-30T10:05:00.000Z' });
    expect(client.signedIn).toBe(true);
  });

  it('tells a register that needs MFA enrolment, or an email confirmation, from a sign-in', async () => {
    bff.loginOverride = { status: 200, body: { mfaEnrollmentRequired: true, mfaToken: 'enrol-1' } };
    const client = clientFor(bff);
    expect(await client.register({ username: 'new', email: 'new@example.com', password: 'Passw0rd!' })).toEqual({ status: 'mfa_enrollment_required', mfaToken: 'enrol-1', methods: [] });

    bff.loginOverride = { status: 202, body: { confirmationRequired: true } };
    expect(await client.register({ username: 'new', email: 'new@example.com', password: 'Passw0rd!' })).toEqual({ status: 'confirmation_required' });
    expect(client.signedIn).toBe(false);
  });

  it('keeps the refresh token in memory by default, and in the given storage when asked', async () => {
    const inMemory = await signedIn(bff);
    expect(inMemory.signedIn).toBe(true);
    expect(clientFor(bff).signedIn).toBe(false);
    expect(await clientFor(bff).restore()).toBeNull();

    const storage = memoryStorage();
    await signedIn(bff, { storage });
    const stored = JSON.parse([...storage.entries.values()][0]) as { refreshToken: string };
    expect(stored.refreshToken).toBe('rt-s2-1');
    expect(await clientFor(bff, { storage }).restore()).toMatchObject({ username: 'alice' });
  });

  it('logs out on the server and forgets the session', async () => {
    const storage = memoryStorage();
    const ended: SessionEndedEvent[] = [];
    const client = await signedIn(bff, { storage, onSessionEnded: (event) => ended.push(event) });

    await client.logout();

    expect(JSON.parse(bff.calls.find((call) => call.path === '/auth/logout')?.body ?? '{}')).toEqual({ refreshToken: 'rt-s1-1' });
    expect(ended).toEqual([{ code: 'logout' }]);
    expect(storage.entries.size).toBe(0);
    expect(client.signedIn).toBe(false);
  });

  it('lists sessions, signs out everywhere with revoke("all"), and changes the password into new tokens', async () => {
    const client = await signedIn(bff);
    expect(await client.sessions.list()).toEqual([{ id: 's1', current: true }]);

    const changed = await client.changePassword({ currentPassword: 'secret', password: 'n3w-Secret', passwordConfirmation: 'n3w-Secret' });
    expect(changed.session.id).toBe('s1');
    expect(await client.getAccessToken()).toBe('at-s1-2');

    expect(await client.sessions.revoke('all')).toEqual({ revoked: 1 });
    expect(client.signedIn).toBe(false);
  });
});

describe('the client in cookie mode', () => {
  let bff: FakeBff;
  beforeEach(() => {
    bff = new FakeBff();
    fakeClockOnly();
  });

  it('asks for cookies at sign-in, sends credentials, and adds X-CSRF to state-changing calls only', async () => {
    const client = await signedIn(bff, { transport: 'cookie' });
    await client.fetch(API);
    await client.fetch(API, { method: 'POST', body: '{}' });

    const [login, get, post] = bff.calls;
    expect(login.headers.get('x-bff-transport')).toBe('cookie');
    expect(await client.getAccessToken()).toBeNull();
    expect([get, post].map((call) => [call.credentials, call.headers.get('x-csrf'), call.headers.get('authorization')])).toEqual([
      ['include', null, null],
      ['include', '1', null],
    ]);
  });

  it('refreshes with the cookie, the transport header and X-CSRF', async () => {
    const client = await signedIn(bff, { transport: 'cookie' });
    moveClock(900_000);
    expect((await client.fetch(API)).status).toBe(200);
    const refresh = bff.calls.find((call) => call.path === '/auth/refresh');
    expect(refresh && [refresh.body, refresh.credentials, refresh.headers.get('x-csrf'), refresh.headers.get('x-bff-transport')]).toEqual(['{}', 'include', '1', 'cookie']);
  });

  it('restores the session the cookies hold, and refreshes first when only the refresh cookie is left', async () => {
    await signedIn(bff, { transport: 'cookie' });
    expect(await clientFor(bff, { transport: 'cookie' }).restore()).toMatchObject({ username: 'alice' });
    expect(bff.count('POST', '/auth/refresh')).toBe(0);

    moveClock(900_000);
    const later = clientFor(bff, { transport: 'cookie' });
    expect(await later.restore()).toMatchObject({ username: 'alice' });
    expect(bff.count('POST', '/auth/refresh')).toBe(1);
    expect(later.accessExpiresAt).toBeGreaterThan(Date.now());
  });

  it('ends the session on a terminal refresh answer in cookie mode too', async () => {
    const ended: SessionEndedEvent[] = [];
    const client = await signedIn(bff, { transport: 'cookie', onSessionEnded: (event) => ended.push(event) });
    bff.refreshOverride = envelope(401, 'session_expired');
    moveClock(900_000);
    await expect(client.fetch(API)).rejects.toMatchObject({ code: 'session_expired' });
    expect(ended).toEqual([{ code: 'session_expired' }]);
  });
});

describe('the client’s timers', () => {
  let bff: FakeBff;
  beforeEach(() => {
    bff = new FakeBff();
    fakeClockAndTimers();
  });

  it('refreshes shortly before the access token expires, and again for the next one', async () => {
    const client = await signedIn(bff, { proactiveRefresh: true });
    const expiresAt = client.accessExpiresAt ?? 0;

    await jest.advanceTimersByTimeAsync(900_000 - 62_000 - 1);
    expect(bff.count('POST', '/auth/refresh')).toBe(0);
    await jest.advanceTimersByTimeAsync(60_000);
    const [first] = bff.calls.filter((call) => call.path === '/auth/refresh');
    expect(first.at).toBeLessThan(expiresAt - 2_000);

    await jest.advanceTimersByTimeAsync(900_000);
    expect(bff.count('POST', '/auth/refresh')).toBe(2);
  });

  it('keeps the session through a 503 from refresh and gets through once the BFF answers again', async () => {
    const ended: SessionEndedEvent[] = [];
    const client = await signedIn(bff, { onSessionEnded: (event) => ended.push(event) });
    bff.refreshOverride = envelope(503, 'upstream_unavailable');
    moveClock(900_000);

    await expect(client.fetch(API)).rejects.toMatchObject({ code: 'upstream_unavailable', statusCode: 503 });
    expect(client.signedIn).toBe(true);
    // Calls right after a failure don't hammer the BFF: they get the same answer.
    await expect(client.fetch(API)).rejects.toMatchObject({ code: 'upstream_unavailable' });
    expect(bff.count('POST', '/auth/refresh')).toBe(1);

    bff.refreshOverride = undefined;
    moveClock(1_000);
    expect((await client.fetch(API)).status).toBe(200);
    expect(bff.count('POST', '/auth/refresh')).toBe(2);
    expect(ended).toEqual([]);
  });

  it('retries a refresh that met a 503 with growing delays, and keeps the session meanwhile', async () => {
    const ended: SessionEndedEvent[] = [];
    const client = await signedIn(bff, { proactiveRefresh: true, onSessionEnded: (event) => ended.push(event) });
    bff.refreshOverride = envelope(503, 'upstream_unavailable');

    const attempts = (): number[] => bff.calls.filter((call) => call.path === '/auth/refresh').map((call) => call.at);
    while (attempts().length < 4) await jest.advanceTimersByTimeAsync(100);
    const [a, b, c, d] = attempts();
    expect(b - a).toBeLessThanOrEqual(c - b);
    expect(c - b).toBeLessThanOrEqual(d - c);
    expect(d - c).toBeGreaterThanOrEqual(2_000);
    expect(client.signedIn).toBe(true);

    bff.refreshOverride = undefined;
    await jest.advanceTimersByTimeAsync(30_000);
    expect(client.accessExpiresAt).toBeGreaterThan(Date.now() + 800_000);
    expect(ended).toEqual([]);
  });
});
