import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { keyId } from '../../src/config/keys';
import { startBff, strapiFixtureUrl, testKeys, withBff, type RunningBff } from '../support/bff';
import { expectEnvelope, login, refresh } from '../support/flows';
import { rawRequest } from '../support/raw-http';
import { seedUsers } from '../support/strapi';

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An access token signed with the suite's real signing key, with whatever claims the test wants. */
function signAccessToken(claims: Record<string, unknown>): string {
  const key = createPrivateKey(testKeys.JWT_PRIVATE_KEY);
  const header = b64({ alg: 'ES256', typ: 'at+jwt', kid: keyId(key) });
  const payload = b64(claims);
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

interface AuditEvent {
  type: string;
  sessionId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
}

describe('smaller hardening found while attacking the first release', () => {
  let bff: RunningBff;
  beforeAll(async () => {
    bff = await startBff();
  });
  afterAll(() => bff.close());

  it('refuses a correctly signed access token without exp, or without iat', async () => {
    const alice = await login(bff, seedUsers.alice);
    const now = Math.floor(Date.now() / 1000);
    const base = { sub: String(alice.user.id), sid: alice.session.id, role: 'authenticated', iss: 'strapi-auth-bff', aud: 'strapi-auth-bff' };
    // The positive control: the same construction with both claims is accepted.
    expect((await bff.request('GET', '/auth/me', { token: signAccessToken({ ...base, iat: now, exp: now + 60 }) })).status).toBe(200);
    for (const token of [signAccessToken({ ...base, iat: now }), signAccessToken({ ...base, exp: now + 60 })]) {
      expectEnvelope(await bff.request('GET', '/auth/me', { token }), 401, 'invalid_access_token');
      expectEnvelope(await bff.request('GET', '/api/users/me', { token }), 401, 'invalid_access_token');
    }
  });

  it('accepts a client’s x-request-id only when it is short and plain, and audits the id it used', async () => {
    const plain = 'trace-0123456789.abc_DEF';
    expect((await bff.request('GET', '/health/live', { headers: { 'x-request-id': plain } })).headers.get('x-request-id')).toBe(plain);
    for (const given of ['x'.repeat(65), 'has:colon', 'has space', 'new\\nline', '']) {
      expect((await bff.request('GET', '/health/live', { headers: { 'x-request-id': given } })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const admin = await login(bff, seedUsers.admin);
    const long = `audit-${'y'.repeat(80)}`;
    const failed = await bff.request('POST', '/auth/login', { json: { identifier: 'nobody@example.com', password: 'wrong' }, headers: { 'x-request-id': long } });
    const used = failed.headers.get('x-request-id');
    expect(used).not.toBe(long);
    const events = await bff.request<{ data: AuditEvent[] }>('GET', '/admin/audit-events?type=login_failed&pageSize=20', { token: admin.accessToken });
    const recorded = events.body.data.find((event) => (event.details as { identifier?: string } | null)?.identifier === 'nobody@example.com');
    expect(recorded?.requestId).toBe(used);
  });

  it('forwards no method-override or URL-rewrite headers, and strips Strapi’s X-Powered-By', async () => {
    const overrides = {
      'x-http-method-override': 'DELETE',
      'x-http-method': 'DELETE',
      'x-method-override': 'DELETE',
      'x-original-url': '/api/auth/local',
      'x-rewrite-url': '/api/auth/local',
      'x-original-method': 'DELETE',
      'x-forwarded-prefix': '/api/auth',
    };
    const echo = await bff.request<{ method: string; headers: Record<string, string> }>('POST', '/api/test-echo', { json: {}, headers: overrides });
    expect(echo.body.method).toBe('POST');
    for (const name of Object.keys(overrides)) expect(echo.body.headers[name]).toBeUndefined();
    // Strapi does send it; the BFF doesn't pass it on.
    expect((await fetch(`${strapiFixtureUrl()}/api/articles`)).headers.get('x-powered-by')).toMatch(/Strapi/);
    expect(echo.headers.get('x-powered-by')).toBeNull();
  });

  it.each(['TRACE', 'PROPFIND', 'SEARCH'])('answers %s on the proxy with 405, forwarding nothing', async (method) => {
    const response = await rawRequest(bff.url, method, '/api/test-echo');
    expect({ status: response.status, code: (JSON.parse(response.body) as { code: string }).code }).toEqual({ status: 405, code: 'method_not_allowed' });
    expect(response.headers['x-fixture-path']).toBeUndefined();
  });

  it('records a replay inside the grace window in the audit trail, with IP and user agent', async () => {
    await withBff({ REFRESH_REUSE_GRACE: '30s' }, async (graceful) => {
      const admin = await login(graceful, seedUsers.admin);
      const bob = await login(graceful, seedUsers.bob, `replay-${randomUUID()}`);
      const first = await refresh(graceful, bob.refreshToken);
      const replayed = await graceful.request<{ refreshToken: string }>('POST', '/auth/refresh', {
        json: { refreshToken: bob.refreshToken },
        headers: { 'user-agent': 'the-thief/1.0' },
      });
      expect(replayed.status).toBe(200);
      expect(replayed.body.refreshToken).toBe(first.body.refreshToken);
      const events = await graceful.request<{ data: AuditEvent[] }>('GET', `/admin/audit-events?sessionId=${bob.session.id}&type=refresh_token_replayed`, { token: admin.accessToken });
      expect(events.body.data).toEqual([expect.objectContaining({ type: 'refresh_token_replayed', ip: '127.0.0.1', userAgent: 'the-thief/1.0', details: { generation: 0 } })]);
    });
  });
});
