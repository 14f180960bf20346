import { randomUUID } from 'node:crypto';
import { startBff, type RunningBff } from '../support/bff';
import { expectEnvelope } from '../support/flows';
import { seedUsers } from '../support/strapi';

const APP_ORIGIN = 'https://app.example.test';

/** Cookie jar of one: name=value pairs from Set-Cookie, as a browser would send them back. */
function cookiesFrom(headers: Headers): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const line of headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    jar[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return jar;
}
const cookieHeader = (jar: Record<string, string>): string =>
  Object.entries(jar)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');

describe('browser mode: cookie transport, CSRF header, CORS allowlist', () => {
  let bff: RunningBff;

  beforeAll(async () => {
    bff = await startBff({ CORS_ORIGINS: APP_ORIGIN });
  });
  afterAll(() => bff.close());

  async function cookieLogin(): Promise<{ jar: Record<string, string>; setCookie: string[]; body: Record<string, unknown>; cacheControl: string | null }> {
    const response = await bff.request('POST', '/auth/login', {
      json: { identifier: seedUsers.alice.email, password: seedUsers.alice.password },
      headers: { 'x-bff-transport': 'cookie' },
    });
    expect(response.status).toBe(200);
    return { jar: cookiesFrom(response.headers), setCookie: response.headers.getSetCookie(), body: response.body, cacheControl: response.headers.get('cache-control') };
  }

  it('puts the tokens only in __Host- cookies (HttpOnly, Secure, SameSite=Strict, Path=/), never in the JSON', async () => {
    const { jar, setCookie, body, cacheControl } = await cookieLogin();
    // The device token (brute-force protection) travels the same way.
    expect(Object.keys(jar).sort()).toEqual(['__Host-bff-device', '__Host-bff_access', '__Host-bff_refresh']);
    for (const line of setCookie) {
      expect(line).toMatch(/; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
      expect(line).not.toMatch(/Domain=/i);
    }
    expect(body).not.toHaveProperty('accessToken');
    expect(body).not.toHaveProperty('refreshToken');
    expect(body).not.toHaveProperty('deviceToken');
    expect(body).toMatchObject({ tokenType: 'Bearer', user: { username: 'alice' } });
    expect(JSON.stringify(body)).not.toContain(jar['__Host-bff_refresh']);
    expect(cacheControl).toBe('no-store');
  });

  it('authenticates by cookie, and demands X-CSRF: 1 on anything that changes state, the proxy included', async () => {
    const { jar } = await cookieLogin();
    const cookie = cookieHeader(jar);
    expect((await bff.request('GET', '/auth/me', { headers: { cookie } })).status).toBe(200);
    expect((await bff.request('GET', '/api/users/me', { headers: { cookie } })).status).toBe(200);

    const title = `cookie-${randomUUID()}`;
    expectEnvelope(await bff.request('POST', '/api/articles', { headers: { cookie }, json: { data: { title } } }), 403, 'csrf_required');
    expectEnvelope(await bff.request('DELETE', '/sessions?scope=others', { headers: { cookie } }), 403, 'csrf_required');
    const created = await bff.request<{ data: { title: string } }>('POST', '/api/articles', { headers: { cookie, 'x-csrf': '1' }, json: { data: { title } } });
    expect(created.status).toBe(201);
    expect(created.body.data.title).toBe(title);
  });

  it('refreshes from the refresh cookie (with X-CSRF) and rotates both cookies', async () => {
    const { jar } = await cookieLogin();
    const cookie = cookieHeader(jar);
    const refreshHeaders = { cookie, 'x-bff-transport': 'cookie' };
    expectEnvelope(await bff.request('POST', '/auth/refresh', { headers: refreshHeaders, json: {} }), 403, 'csrf_required');
    const rotated = await bff.request('POST', '/auth/refresh', { headers: { ...refreshHeaders, 'x-csrf': '1' }, json: {} });
    expect(rotated.status).toBe(200);
    const next = cookiesFrom(rotated.headers);
    expect(next['__Host-bff_refresh']).not.toBe(jar['__Host-bff_refresh']);
    expect(rotated.body).not.toHaveProperty('refreshToken');
    expect((await bff.request('GET', '/auth/me', { headers: { cookie: cookieHeader(next) } })).status).toBe(200);
  });

  it('logs out by cookie and clears the cookies', async () => {
    const { jar } = await cookieLogin();
    const cookie = cookieHeader(jar);
    expectEnvelope(await bff.request('POST', '/auth/logout', { headers: { cookie } }), 403, 'csrf_required');
    const out = await bff.request('POST', '/auth/logout', { headers: { cookie, 'x-csrf': '1' } });
    expect(out.status).toBe(204);
    for (const line of out.headers.getSetCookie()) expect(line).toMatch(/^__Host-bff_(access|refresh)=; Max-Age=0;/);
    expectEnvelope(await bff.request('GET', '/auth/me', { headers: { cookie } }), 401, 'session_revoked');
  });

  it('grants CORS with credentials to the allowlisted origin only, never *', async () => {
    for (const path of ['/auth/login', '/api/articles']) {
      const preflight = await bff.request('OPTIONS', path, {
        headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-csrf' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('x-csrf');

      const stranger = await bff.request('OPTIONS', path, { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    }
    const simple = await bff.request('GET', '/api/articles', { headers: { origin: APP_ORIGIN } });
    expect(simple.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect((await bff.request('GET', '/api/articles', { headers: { origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('leaves JSON clients as they were: no cookies unless asked', async () => {
    const response = await bff.request('POST', '/auth/login', { json: { identifier: seedUsers.bob.email, password: seedUsers.bob.password } });
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(response.body).toHaveProperty('refreshToken');
  });
});
