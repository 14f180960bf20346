import { createPublicKey, verify } from 'node:crypto';
import { startBff, withBff, type RunningBff } from '../support/bff';
import { decodeJwtPart, expectEnvelope, login, refresh, type TokenBody } from '../support/flows';
import { seedUsers } from '../support/strapi';

describe('sign-in and the session lifecycle against real Strapi', () => {
  let bff: RunningBff;

  beforeAll(async () => {
    bff = await startBff();
  });
  afterAll(() => bff.close());

  it('walks login → me → refresh → reuse detected → logout', async () => {
    const first = await login(bff, seedUsers.alice, 'Alice’s laptop');
    expect(first).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { username: 'alice', email: 'alice@example.com', role: 'authenticated' },
    });
    expect(first.refreshExpiresIn).toBe(7 * 86_400);
    // deviceToken: the brute-force protection's "known device" (README, Brute-force protection).
    expect(Object.keys(first).sort()).toEqual(['accessToken', 'deviceToken', 'expiresIn', 'refreshExpiresIn', 'refreshToken', 'session', 'tokenType', 'user']);
    expect(first.user.documentId).toEqual(expect.any(String));

    const me = await bff.request('GET', '/auth/me', { token: first.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      user: { id: first.user.id, username: 'alice', role: 'authenticated' },
      session: { id: first.session.id, deviceName: 'Alice’s laptop', ip: '127.0.0.1' },
    });

    const second = await refresh(bff, first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(second.body.session.id).toBe(first.session.id);
    expect(second.headers.get('cache-control')).toBe('no-store');

    // The default grace window is 10 s; this BFF's reuse check is proven with grace 0 below.
    const withinGrace = await refresh(bff, first.refreshToken);
    expect(withinGrace.status).toBe(200);
    expect(withinGrace.body.refreshToken).toBe(second.body.refreshToken);

    const logout = await bff.request('POST', '/auth/logout', { token: second.body.accessToken });
    expect(logout.status).toBe(204);
    expectEnvelope(await bff.request('GET', '/auth/me', { token: second.body.accessToken }), 401, 'session_revoked');
    expectEnvelope(await refresh(bff, second.body.refreshToken), 401, 'session_revoked');
  });

  it('revokes the whole session when a rotated token is replayed after the grace window', async () => {
    await withBff({ REFRESH_REUSE_GRACE: '0' }, async (strict) => {
      const t0 = await login(strict, seedUsers.bob);
      const t1 = (await refresh(strict, t0.refreshToken)).body;
      const t2 = (await refresh(strict, t1.refreshToken)).body;
      expectEnvelope(await refresh(strict, t0.refreshToken), 401, 'refresh_token_reused');
      expectEnvelope(await refresh(strict, t2.refreshToken), 401, 'session_revoked');
      expectEnvelope(await strict.request('GET', '/auth/me', { token: t2.accessToken }), 401, 'session_revoked');
    });
  });

  it('logs out with a refresh token instead of the access token', async () => {
    const tokens = await login(bff, seedUsers.bob);
    expect((await bff.request('POST', '/auth/logout', { json: { refreshToken: tokens.refreshToken } })).status).toBe(204);
    expectEnvelope(await bff.request('GET', '/auth/me', { token: tokens.accessToken }), 401, 'session_revoked');
    expect((await bff.request('POST', '/auth/logout', { json: { refreshToken: tokens.refreshToken } })).status).toBe(204);
  });

  it('issues ES256 access tokens with the required claims, verifiable through the JWKS', async () => {
    const tokens = await login(bff, seedUsers.admin);
    const header = decodeJwtPart(tokens.accessToken, 0);
    const claims = decodeJwtPart(tokens.accessToken, 1);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'at+jwt', kid: expect.any(String) });
    expect(claims).toMatchObject({ sub: String(tokens.user.id), sid: tokens.session.id, role: 'bff-admin', iss: 'strapi-auth-bff', aud: 'strapi-auth-bff' });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);

    const jwks = await bff.request<{ keys: { kid: string; kty: string; crv: string; x: string; y: string }[] }>('GET', '/.well-known/jwks.json');
    const jwk = jwks.body.keys.find((candidate) => candidate.kid === header.kid);
    expect(jwk).toBeDefined();
    const [h, p, s] = tokens.accessToken.split('.');
    const key = createPublicKey({ key: { kty: jwk!.kty, crv: jwk!.crv, x: jwk!.x, y: jwk!.y }, format: 'jwk' });
    expect(verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))).toBe(true);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const wrong = await bff.request('POST', '/auth/login', { json: { identifier: 'alice@example.com', password: 'not-her-password' } });
    const unknown = await bff.request('POST', '/auth/login', { json: { identifier: 'nobody@example.com', password: 'whatever' } });
    expectEnvelope(wrong, 401, 'invalid_credentials');
    expectEnvelope(unknown, 401, 'invalid_credentials');
    expect((wrong.body as { message: string }).message).toBe((unknown.body as { message: string }).message);
  });

  it('refuses a blocked account with 403 account_blocked', async () => {
    const response = await bff.request('POST', '/auth/login', { json: { identifier: seedUsers.carol.email, password: seedUsers.carol.password } });
    expectEnvelope(response, 403, 'account_blocked');
  });

  it('registers a new account and signs it in, and refuses a duplicate with 409', async () => {
    const username = `newbie${Date.now()}`;
    const body = { username, email: `${username}@example.com`, password: 'Passw0rd!' };
    const created = await bff.request<TokenBody>('POST', '/auth/register', { json: body });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ username, role: 'authenticated' });
    expect((await bff.request('GET', '/auth/me', { token: created.body.accessToken })).status).toBe(200);

    expectEnvelope(await bff.request('POST', '/auth/register', { json: body }), 409, 'account_exists');
  });

  it('refuses a provider Strapi has not enabled, and odd provider names', async () => {
    expectEnvelope(await bff.request('GET', '/auth/providers/github/callback?access_token=not-a-real-token'), 403, 'provider_disabled');
    expectEnvelope(await bff.request('GET', '/auth/providers/Git..Hub/callback?access_token=x'), 400, 'validation_failed');
  });

  it('echoes a caller-supplied request id and generates one otherwise', async () => {
    const given = await bff.request('GET', '/health/live', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-abc-123');
    const generated = await bff.request('GET', '/health/live', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports ready when both Postgres and Strapi answer', async () => {
    const ready = await bff.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'up', strapi: 'up' } });
  });
});
