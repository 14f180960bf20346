import { Client } from 'pg';
import { withBff } from '../support/bff';
import { testDatabaseUrl } from '../support/database';
import { decodeJwtPart, expectEnvelope, login, refresh, sleep } from '../support/flows';
import { seedUsers } from '../support/strapi';

describe('session lifetimes are enforced by the server', () => {
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
  });
  afterAll(() => db.end());

  const reasonOf = async (sessionId: string): Promise<string | null> =>
    ((await db.query('SELECT revoked_reason FROM bff_sessions WHERE id = $1', [sessionId])).rows[0] as { revoked_reason: string | null }).revoked_reason;

  it('ends a session that sat idle longer than REFRESH_TOKEN_IDLE_TTL', async () => {
    await withBff({ REFRESH_TOKEN_IDLE_TTL: '2s', REFRESH_TOKEN_TTL: '1h' }, async (bff) => {
      const tokens = await login(bff, seedUsers.alice);
      expect(tokens.refreshExpiresIn).toBe(2);
      await sleep(2_100);
      expectEnvelope(await refresh(bff, tokens.refreshToken), 401, 'session_expired');
      expectEnvelope(await bff.request('GET', '/auth/me', { token: tokens.accessToken }), 401, 'session_expired');
      expect(await reasonOf(tokens.session.id)).toBe('expired');
    });
  });

  it('ends a session at REFRESH_TOKEN_TTL even while it keeps refreshing', async () => {
    await withBff({ REFRESH_TOKEN_IDLE_TTL: '2s', REFRESH_TOKEN_TTL: '3s' }, async (bff) => {
      const tokens = await login(bff, seedUsers.bob);
      let refreshToken = tokens.refreshToken;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        await sleep(1_000);
        const response = await refresh(bff, refreshToken);
        statuses.push(response.status);
        if (response.status !== 200) {
          expectEnvelope(response, 401, 'session_expired');
          break;
        }
        refreshToken = response.body.refreshToken;
        expect(response.body.refreshExpiresIn).toBeLessThanOrEqual(2);
      }
      // Refreshes at ~1 s and ~2 s succeed; the one at ~3 s finds the absolute end reached.
      expect(statuses).toEqual([200, 200, 401]);
      expect(await reasonOf(tokens.session.id)).toBe('expired');
    });
  });

  it('accepts a replay of the previous token inside a short grace window and detects reuse after it', async () => {
    await withBff({ REFRESH_REUSE_GRACE: '1s' }, async (bff) => {
      const t0 = await login(bff, seedUsers.alice);
      const t1 = await refresh(bff, t0.refreshToken);
      const replay = await refresh(bff, t0.refreshToken);
      expect(replay.body.refreshToken).toBe(t1.body.refreshToken);
      await sleep(1_100);
      expectEnvelope(await refresh(bff, t0.refreshToken), 401, 'refresh_token_reused');
      expect(await reasonOf(t0.session.id)).toBe('reuse_detected');
    });
  });

  it('never lets a session outlive the Strapi JWT it holds', async () => {
    await withBff({ REFRESH_TOKEN_TTL: '90d', REFRESH_TOKEN_IDLE_TTL: '90d' }, async (bff) => {
      const tokens = await login(bff, seedUsers.alice);
      // The fixture's Strapi issues 30-day JWTs; the session's 90-day lifetime is capped to them.
      const row = (await db.query('SELECT expires_at, strapi_jwt_expires_at FROM bff_sessions WHERE id = $1', [tokens.session.id])).rows[0] as {
        expires_at: Date;
        strapi_jwt_expires_at: Date;
      };
      expect(row.expires_at.getTime()).toBe(row.strapi_jwt_expires_at.getTime());
      const thirtyDays = 30 * 86_400_000;
      expect(Math.abs(row.expires_at.getTime() - Date.now() - thirtyDays)).toBeLessThan(60_000);
      expect(new Date(tokens.session.expiresAt).getTime()).toBe(row.expires_at.getTime());
    });
  });

  it('expires access tokens at ACCESS_TOKEN_TTL', async () => {
    await withBff({ ACCESS_TOKEN_TTL: '10s' }, async (bff) => {
      const tokens = await login(bff, seedUsers.alice);
      const claims = decodeJwtPart(tokens.accessToken, 1);
      expect(Number(claims.exp) - Number(claims.iat)).toBe(10);
      expect(tokens.expiresIn).toBe(10);
    });
  });
});
