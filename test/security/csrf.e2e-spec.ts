import { startBff, type RunningBff } from '../support/bff';
import { expectEnvelope, login } from '../support/flows';
import { rawRequest } from '../support/raw-http';
import { seedUsers } from '../support/strapi';

const ACCESS_COOKIE = '__Host-bff_access';

/**
 * One source for the access token (SECURITY.md #24): a Bearer header or the cookie, never both,
 * and the CSRF rule follows the cookie whatever else a request carries. The first release skipped
 * the X-CSRF check whenever any Authorization header was present, and then used the cookie.
 */
describe('CSRF can’t be sidestepped with another Authorization header', () => {
  let bff: RunningBff;
  let cookie: string;
  let cookieSession: string;

  beforeAll(async () => {
    bff = await startBff();
    const signIn = await bff.request<{ session: { id: string } }>('POST', '/auth/login', {
      json: { identifier: seedUsers.bob.email, password: seedUsers.bob.password },
      headers: { 'x-bff-transport': 'cookie' },
    });
    const access = signIn.headers.getSetCookie().find((line) => line.startsWith(`${ACCESS_COOKIE}=`));
    cookie = (access ?? '').split(';')[0];
    cookieSession = signIn.body.session.id;
    expect(cookie).toMatch(/^__Host-bff_access=ey/);
  });
  afterAll(() => bff.close());

  async function bobsOtherSessions(): Promise<number> {
    const listed = await bff.request<{ id: string }[]>('GET', '/sessions', { headers: { cookie } });
    return listed.body.filter((session) => session.id !== cookieSession).length;
  }

  it.each([
    ['Basic', 'Basic dXNlcjpwYXNz'],
    ['Negotiate', 'Negotiate YIIBhgYGKwYBBQUCoIIBejCCAXag'],
    ['Digest', 'Digest username="bob"'],
    ['an empty header', ''],
    ['a Bearer without a token', 'Bearer'],
  ])('refuses cookie + %s without X-CSRF with 401, and ends no session', async (_name, authorization) => {
    await login(bff, seedUsers.bob, 'another device');
    const before = await bobsOtherSessions();
    expect(before).toBeGreaterThan(0);
    const response = await rawRequest(bff.url, 'DELETE', '/sessions?scope=others', { headers: { cookie, authorization } });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'invalid_access_token' });
    expect(await bobsOtherSessions()).toBe(before);
  });

  it('refuses cookie + Basic on the proxy too, and forwards nothing', async () => {
    const response = await rawRequest(bff.url, 'POST', '/api/test-echo', { headers: { cookie, authorization: 'Basic dXNlcjpwYXNz', 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
    expect(response.headers['x-fixture-path']).toBeUndefined();
  });

  it('never falls back to the cookie when the Bearer token is bad', async () => {
    expectEnvelope(await bff.request('GET', '/auth/me', { headers: { cookie, authorization: 'Bearer not.a.token' } }), 401, 'invalid_access_token');
    expectEnvelope(await bff.request('GET', '/api/users/me', { headers: { cookie, authorization: 'Bearer not.a.token' } }), 401, 'invalid_access_token');
  });

  it('asks for X-CSRF on every cookie-authenticated write, whatever other headers come along', async () => {
    const headers = { cookie, 'x-requested-with': 'XMLHttpRequest', origin: 'http://evil.example', 'x-csrf': '0' };
    expectEnvelope(await bff.request('DELETE', '/sessions?scope=others', { headers }), 403, 'csrf_required');
    expectEnvelope(await bff.request('POST', '/api/articles', { headers, json: { data: { title: 'csrf' } } }), 403, 'csrf_required');
    expectEnvelope(await bff.request('POST', '/auth/change-password', { headers, json: { currentPassword: 'x', password: 'y', passwordConfirmation: 'y' } }), 403, 'csrf_required');
  });

  it('uses the Bearer token alone when both are sent: it is the credential, and it needs no X-CSRF', async () => {
    const alice = await login(bff, seedUsers.alice);
    const me = await bff.request<{ user: { username: string }; session: { id: string } }>('GET', '/auth/me', { headers: { cookie, authorization: `Bearer ${alice.accessToken}` } });
    expect(me.body).toMatchObject({ user: { username: 'alice' }, session: { id: alice.session.id } });
    const revoked = await bff.request<{ revoked: number }>('DELETE', '/sessions?scope=others', { headers: { cookie, authorization: `Bearer ${alice.accessToken}` } });
    expect(revoked.status).toBe(200);
    // Bob's cookie session is untouched: the request acted as alice.
    expect((await bff.request('GET', '/auth/me', { headers: { cookie } })).status).toBe(200);
  });

  it('still serves the cookie with X-CSRF: 1 (the positive control)', async () => {
    const response = await bff.request<{ revoked: number }>('DELETE', '/sessions?scope=others', { headers: { cookie, 'x-csrf': '1' } });
    expect(response.status).toBe(200);
    expect(await bobsOtherSessions()).toBe(0);
  });
});
