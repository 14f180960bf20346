import { request, strapiFixtureUrl, type RunningBff } from '../support/bff';
import { twoInstancesWithDatabase } from '../support/instances';
import { expectEnvelope, login, refresh, sleep, until, type TokenBody } from '../support/flows';
import { ownStrapiWithBff } from '../support/own-strapi';
import { seedUsers } from '../support/strapi';
import { SessionsRepository } from '../../src/sessions/sessions.repository';
import { StrapiCredentials } from '../../src/sessions/strapi-credentials';

/**
 * Strapi's own refresh mode (`jwtManagement: 'refresh'`), with Strapi JWTs that live 4 s and a
 * BFF that renews them 2 s ahead (support/mode.ts). Only in the e2e-refresh jest project.
 */
interface Row {
  strapi_jwt_enc: string;
  strapi_refresh_enc: string | null;
  strapi_jwt_expires_at: Date;
  strapi_refresh_expires_at: Date | null;
  expires_at: Date;
  revoked_reason: string | null;
}

describe('Strapi refresh mode', () => {
  const two = twoInstancesWithDatabase();

  const row = async (sessionId: string): Promise<Row> =>
    ((await two.db.query<Row>('SELECT strapi_jwt_enc, strapi_refresh_enc, strapi_jwt_expires_at, strapi_refresh_expires_at, expires_at, revoked_reason FROM bff_sessions WHERE id = $1', [sessionId])).rows[0]);

  /** Strapi's refresh token as the BFF holds it (decrypted with the BFF's own key, as only the BFF can). */
  const strapiRefreshTokenOf = async (bff: RunningBff, sessionId: string): Promise<string> => {
    const sealed = await row(sessionId);
    const token = bff.app.get(StrapiCredentials).strapiRefreshToken({ id: sessionId, strapiRefreshEncrypted: sealed.strapi_refresh_enc });
    if (!token) throw new Error('the session holds no Strapi refresh token');
    return token;
  };

  const untilForgotten = async (sessionId: string): Promise<void> => {
    for (let i = 0; i < 50 && (await row(sessionId)).strapi_refresh_enc !== null; i++) await sleep(100);
    expect((await row(sessionId)).strapi_refresh_enc).toBeNull();
  };


  it('keeps Strapi’s refresh token sealed server-side, and does not end the session with Strapi’s 4 s JWT', async () => {
    const tokens = await login(two.a, seedUsers.alice);
    const stored = await row(tokens.session.id);
    const strapiRefresh = await strapiRefreshTokenOf(two.a, tokens.session.id);

    expect(strapiRefresh.split('.')).toHaveLength(3);
    expect(stored.strapi_refresh_enc).not.toContain(strapiRefresh);
    expect(JSON.stringify(tokens)).not.toContain(strapiRefresh);
    expect(two.a.logs.join('\n')).not.toContain(strapiRefresh);
    // Strapi's JWT lives seconds; the session lasts as long as Strapi's refresh token (14 days idle).
    expect(stored.strapi_jwt_expires_at.getTime() - Date.now()).toBeLessThanOrEqual(4_000);
    expect(stored.strapi_refresh_expires_at!.getTime() - Date.now()).toBeGreaterThan(13 * 86_400_000);
    expect(new Date(tokens.session.expiresAt).getTime()).toBe(stored.expires_at.getTime());
    expect(stored.expires_at.getTime()).toBe(stored.strapi_refresh_expires_at!.getTime());
  });

  it('renews Strapi’s JWT before it expires, so the proxy always forwards a valid one', async () => {
    const tokens = await login(two.a, seedUsers.alice);
    const first = await row(tokens.session.id);
    // Past the first Strapi JWT's end: only a renewed one can make these calls succeed.
    await sleep(first.strapi_jwt_expires_at.getTime() - Date.now() + 500);

    const me = await two.a.request<{ username: string }>('GET', '/api/users/me', { token: tokens.accessToken });
    expect({ status: me.status, username: me.body.username }).toEqual({ status: 200, username: 'alice' });
    const renewed = await row(tokens.session.id);
    expect(renewed.strapi_jwt_enc).not.toBe(first.strapi_jwt_enc);
    expect(renewed.strapi_refresh_enc).not.toBe(first.strapi_refresh_enc);
    expect(renewed.strapi_jwt_expires_at.getTime()).toBeGreaterThan(Date.now());
    expect(renewed.revoked_reason).toBeNull();

    // The BFF refresh re-reads the user with a valid Strapi JWT as well.
    await sleep(renewed.strapi_jwt_expires_at.getTime() - Date.now() + 500);
    const rotated = await refresh(two.a, tokens.refreshToken);
    expect(rotated.status).toBe(200);
    expect(rotated.body.user.role).toBe('authenticated');
  });

  it('spends Strapi’s refresh token once when two instances need a new JWT at the same moment', async () => {
    const tokens = await login(two.a, seedUsers.bob);
    for (let round = 0; round < 2; round++) {
      const before = await row(tokens.session.id);
      await sleep(before.strapi_jwt_expires_at.getTime() - Date.now() + 300);
      // 24 concurrent calls, half on each instance. Strapi refuses a refresh token that was already
      // rotated, so a second renewal would end the session (401) instead of answering 200.
      const calls = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? two.a : two.b).request('GET', '/api/users/me', { token: tokens.accessToken })));
      expect(calls.map((call) => call.status)).toEqual(Array(24).fill(200));
      const after = await row(tokens.session.id);
      expect(after.revoked_reason).toBeNull();
      expect(after.strapi_refresh_enc).not.toBe(before.strapi_refresh_enc);
    }
  });

  it('ends Strapi’s session too when the BFF session ends: logout, and an admin’s revocation', async () => {
    const admin = await login(two.a, seedUsers.admin);
    const ends: Record<string, (tokens: TokenBody) => Promise<number>> = {
      logout: async (tokens) => (await two.a.request('POST', '/auth/logout', { token: tokens.accessToken })).status,
      'admin revocation': async (tokens) => (await two.b.request('DELETE', `/admin/sessions/${tokens.session.id}`, { token: admin.accessToken })).status,
    };
    for (const [how, end] of Object.entries(ends)) {
      const tokens = await login(two.a, seedUsers.bob);
      const strapiRefresh = await strapiRefreshTokenOf(two.a, tokens.session.id);
      expect({ how, status: await end(tokens) }).toEqual({ how, status: 204 });
      await untilForgotten(tokens.session.id);
      const reuse = await request(strapiFixtureUrl(), 'POST', '/api/auth/refresh', { json: { refreshToken: strapiRefresh } });
      expect({ how, status: reuse.status }).toEqual({ how, status: 401 });
    }
  });

  it('answers 503 upstream_credential_expired, and keeps the session, when Strapi’s JWT expires while a slow body streams', async () => {
    const tokens = await login(two.a, seedUsers.alice);
    // Strapi reads the whole body before it checks the JWT: a body that takes 5 s to arrive
    // outlasts any 4 s JWT the BFF could have attached.
    const json = Buffer.from(JSON.stringify({ data: { title: 'slow', body: 'x'.repeat(1000) } }));
    const parts = [json.subarray(0, 10), json.subarray(10, 500), json.subarray(500)];
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const part = parts.shift();
        if (!part) return controller.close();
        await sleep(2_500);
        controller.enqueue(part);
      },
    });
    const response = await fetch(`${two.a.url}/api/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.accessToken}`, 'content-type': 'application/json', 'content-length': String(json.length) },
      body,
      duplex: 'half',
    });
    const text = await response.text();
    expectEnvelope({ status: response.status, headers: response.headers, text, body: JSON.parse(text) as unknown }, 503, 'upstream_credential_expired');

    expect((await row(tokens.session.id)).revoked_reason).toBeNull();
    expect((await two.a.request('GET', '/api/users/me', { token: tokens.accessToken })).status).toBe(200);
  });

  it('ends the session as upstream_rejected when Strapi stops honouring its refresh token', async () => {
    const tokens = await login(two.a, seedUsers.alice);
    const strapiRefresh = await strapiRefreshTokenOf(two.a, tokens.session.id);
    const session = (await two.a.app.get(SessionsRepository).getById(tokens.session.id))!;
    // Strapi ends the session on its side (as its own /auth/logout or an admin would).
    const ended = await request(strapiFixtureUrl(), 'POST', '/api/auth/logout', { token: two.a.app.get(StrapiCredentials).strapiJwt(session), json: { refreshToken: strapiRefresh } });
    expect(ended.status).toBe(200);

    await sleep((await row(tokens.session.id)).strapi_jwt_expires_at.getTime() - Date.now() + 300);
    expectEnvelope(await two.a.request('GET', '/api/users/me', { token: tokens.accessToken }), 401, 'session_expired');
    expect((await row(tokens.session.id)).revoked_reason).toBe('upstream_rejected');
    expectEnvelope(await refresh(two.a, tokens.refreshToken), 401, 'session_expired');
  });

  describe('while Strapi is down', () => {
    const own = ownStrapiWithBff();

    it('answers 503 when Strapi’s JWT has expired and can’t be renewed, keeps the session, and recovers', async () => {
      const tokens = await login(own.bff, seedUsers.alice);
      const before = await row(tokens.session.id);
      await own.strapi.kill();
      await sleep(before.strapi_jwt_expires_at.getTime() - Date.now() + 300);

      expectEnvelope(await own.bff.request('GET', '/api/users/me', { token: tokens.accessToken }), 503, 'upstream_unavailable');
      expectEnvelope(await refresh(own.bff, tokens.refreshToken), 503, 'upstream_unavailable');
      const during = await row(tokens.session.id);
      expect({ reason: during.revoked_reason, refresh: during.strapi_refresh_enc }).toEqual({ reason: null, refresh: before.strapi_refresh_enc });

      await own.strapi.start();
      expect((await own.bff.request('GET', '/api/users/me', { token: tokens.accessToken })).status).toBe(200);
      expect((await refresh(own.bff, tokens.refreshToken)).status).toBe(200);
    });

    it('logs out at once, and ends Strapi’s session when Strapi is back', async () => {
      const tokens = await login(own.bff, seedUsers.bob);
      const strapiRefresh = await strapiRefreshTokenOf(own.bff, tokens.session.id);
      await own.strapi.kill();
      expect((await own.bff.request('POST', '/auth/logout', { token: tokens.accessToken })).status).toBe(204);
      expectEnvelope(await own.bff.request('GET', '/auth/me', { token: tokens.accessToken }), 401, 'session_revoked');
      // Ending Strapi's session runs after the logout has answered; once the BFF reports that
      // attempt failed, its outcome is in the row: Strapi's refresh token is kept for the retry.
      await until('the BFF to defer ending Strapi’s session', () =>
        own.bff.logs.some((line) => line.includes('"strapi_logout_deferred"') && line.includes(tokens.session.id)),
      );
      expect((await row(tokens.session.id)).strapi_refresh_enc).not.toBeNull();

      await own.strapi.start();
      await own.bff.app.get(StrapiCredentials).retryPendingLogouts();
      await untilForgotten(tokens.session.id);
      expect((await request(own.strapi.url, 'POST', '/api/auth/refresh', { json: { refreshToken: strapiRefresh } })).status).toBe(401);
    });
  });
});
