import { randomUUID } from 'node:crypto';
import { startBff, withBff, type RunningBff } from '../support/bff';
import { login, type TokenBody } from '../support/flows';
import { isRefreshMode } from '../support/mode';
import { rawRequest, type RawResponse } from '../support/raw-http';
import { seedUsers } from '../support/strapi';

const credentials = JSON.stringify({ identifier: seedUsers.alice.email, password: seedUsers.alice.password });

function expectRefusedBeforeStrapi(response: RawResponse, status: number, code: string): void {
  expect({ status: response.status, code: (JSON.parse(response.body) as { code?: string }).code }).toEqual({ status, code });
  expect(response.headers['x-fixture-path']).toBeUndefined();
  expect(response.body).not.toMatch(/"jwt"|"refreshToken"/);
}

/**
 * Each way the first release's proxy was tricked into forwarding to Strapi's own auth routes
 * (SECURITY.md #22), as a plain example. The generated search is path-parity.e2e-spec.ts.
 */
describe('known bypasses of the proxy stay closed', () => {
  let bff: RunningBff;
  beforeAll(async () => {
    bff = await startBff();
  });
  afterAll(() => bff.close());

  it.each([
    ['the fragment trick to Strapi’s login', '/api/auth/local#/../../articles'],
    ['the fragment trick to registration', '/api/auth/local/register#/../../../articles'],
    ['an encoded dot-dot after the auth route', '/api/auth/local/%2e%2e/%2e%2e/articles'],
    ['a double-encoded dot-dot', '/api/auth/local/%252e%252e/%252e%252e/articles'],
    ['a dot-dot into the auth routes', '/api/articles/../auth/local'],
    ['backslashes', '/api/articles\\..\\auth\\local'],
    ['an empty segment', '/api//auth/local'],
    ['a semicolon', '/api/auth;x=1/local'],
    ['an encoded slash', '/api/auth%2flocal'],
    ['an encoded NUL', '/api/auth/local%00'],
  ])('refuses %s with 400 invalid_path, and nothing reaches Strapi', async (_name, target) => {
    expectRefusedBeforeStrapi(await rawRequest(bff.url, 'POST', target, { headers: { 'content-type': 'application/json' }, body: credentials }), 400, 'invalid_path');
  });

  it.each([
    ['an upper-case auth route', '/api/Auth/Local'],
    ['a percent-encoded auth route', '/api/%61uth/local'],
    ['a double-percent-encoded auth route', '/api/%2561uth/local'],
  ])('answers %s with 404 not_proxied, and nothing reaches Strapi', async (_name, target) => {
    expectRefusedBeforeStrapi(await rawRequest(bff.url, 'POST', target, { headers: { 'content-type': 'application/json' }, body: credentials }), 404, 'not_proxied');
  });

  it('leaves a target that isn’t under /api/ to the app, which knows no such route', async () => {
    expectRefusedBeforeStrapi(await rawRequest(bff.url, 'POST', '/api\\auth\\local', { headers: { 'content-type': 'application/json' }, body: credentials }), 404, 'not_found');
    expectRefusedBeforeStrapi(await rawRequest(bff.url, 'POST', '/API/auth/local', { headers: { 'content-type': 'application/json' }, body: credentials }), 404, 'not_found');
  });

  it('refuses the fragment trick to /api/connect', async () => {
    expectRefusedBeforeStrapi(await rawRequest(bff.url, 'GET', '/api/connect/github#/../../articles'), 400, 'invalid_path');
  });

  it('refuses the fragment trick to change-password, and the password stays as it was', async () => {
    const username = `bypass${randomUUID().slice(0, 8)}`;
    const password = 'Original-Passw0rd!';
    const registered = await bff.request<TokenBody>('POST', '/auth/register', { json: { username, email: `${username}@example.com`, password } });
    expect(registered.status).toBe(201);
    const response = await rawRequest(bff.url, 'POST', '/api/auth/change-password#/../../articles', {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${registered.body.accessToken}` },
      body: JSON.stringify({ currentPassword: password, password: 'Changed-Passw0rd!', passwordConfirmation: 'Changed-Passw0rd!' }),
    });
    expectRefusedBeforeStrapi(response, 400, 'invalid_path');
    const again = await bff.request('POST', '/auth/login', { json: { identifier: username, password } });
    expect(again.status).toBe(200);
  });

  it('refuses the fragment trick past PROXY_ALLOW', async () => {
    await withBff({ PROXY_ALLOW: '/api/articles' }, async (narrow) => {
      expectRefusedBeforeStrapi(
        await rawRequest(narrow.url, 'POST', '/api/auth/local#/../../articles', { headers: { 'content-type': 'application/json' }, body: credentials }),
        400,
        'invalid_path',
      );
      expect((await rawRequest(narrow.url, 'GET', '/api/articles')).status).toBe(200);
    });
  });

  if (isRefreshMode()) {
    describe('Strapi’s refresh-mode routes', () => {
      let alice: TokenBody;
      beforeAll(async () => {
        alice = await login(bff, seedUsers.alice);
      });

      it.each([
        ['POST', '/api/auth/refresh#/../../articles'],
        ['POST', '/api/auth/logout#/../../articles'],
        ['GET', '/api/auth/sessions#/../../articles'],
      ])('refuses %s %s, and nothing reaches Strapi', async (method, target) => {
        const response = await rawRequest(bff.url, method, target, {
          headers: { 'content-type': 'application/json', authorization: `Bearer ${alice.accessToken}` },
          body: method === 'POST' ? JSON.stringify({ refreshToken: 'anything' }) : undefined,
        });
        expectRefusedBeforeStrapi(response, 400, 'invalid_path');
        expect((await bff.request('GET', '/auth/me', { token: alice.accessToken })).status).toBe(200);
      });
    });
  }
});
