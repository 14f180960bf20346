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

  const timesOf = async (sessionId: string): Promise<{ created_at: Date; last_used_at: Date; expires_at: Date; revoked_at: Date | null; revoked_reason: string | null }> =>
    (
      await db.query<{ created_at: Date; last_used_at: Date; expires_at: Date; revoked_at: Date | null; revoked_reason: string | null }>(
        'SELECT created_at, last_used_at, expires_at, revoked_at, revoked_reason FROM bff_sessions WHERE id = $1',
        [sessionId],
      )
    ).rows[0];

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
    // Idle 2 s, absolute 4 s, refreshed every ~100 ms: refreshing has to carry the session past its
    // first idle end, and only the absolute end can stop it. Every answer is judged against the
    // session's own timestamps and the moment it was asked, so a slow machine can't flip it.
    await withBff({ REFRESH_TOKEN_IDLE_TTL: '2s', REFRESH_TOKEN_TTL: '4s' }, async (bff) => {
      const tokens = await login(bff, seedUsers.bob);
      const born = await timesOf(tokens.session.id);
      const absoluteEnd = born.expires_at.getTime();
      expect(absoluteEnd - born.created_at.getTime()).toBe(4_000);

      let refreshToken = tokens.refreshToken;
      for (;;) {
        if (Date.now() > absoluteEnd + 30_000) throw new Error('the session was still refreshing 30 s after its absolute end');
        await sleep(100);
        const askedAt = Date.now();
        const response = await refresh(bff, refreshToken);
        const answeredAt = Date.now();
        if (response.status !== 200) {
          expectEnvelope(response, 401, 'session_expired');
          // Not before its end: the refusal was decided after the absolute end had passed.
          expect(answeredAt).toBeGreaterThanOrEqual(absoluteEnd);
          break;
        }
        // Never after its end: the refresh was decided once it was asked, so the end was still ahead then.
        expect(askedAt).toBeLessThan(absoluteEnd);
        expect(response.body.refreshExpiresIn).toBeLessThanOrEqual(2);
        refreshToken = response.body.refreshToken;
      }

      const ended = await timesOf(tokens.session.id);
      expect(ended.revoked_reason).toBe('expired');
      // Refreshing kept it alive past the idle end it was born with…
      expect(ended.last_used_at.getTime()).toBeGreaterThanOrEqual(born.created_at.getTime() + 2_000);
      // …and it was ended at its absolute end, while its idle end was still ahead.
      expect(ended.revoked_at!.getTime()).toBeGreaterThanOrEqual(absoluteEnd);
      expect(ended.revoked_at!.getTime()).toBeLessThan(ended.last_used_at.getTime() + 2_000);
    });
  });

  it('accepts a replay of the previous token inside a short grace window and detects reuse after it', async () => {
    await withBff({ REFRESH_REUSE_GRACE: '3s' }, async (bff) => {
      const t0 = await login(bff, seedUsers.alice);
      const t1 = await refresh(bff, t0.refreshToken);
      const replay = await refresh(bff, t0.refreshToken);
      expect(replay.body.refreshToken).toBe(t1.body.refreshToken);
      // Past the window, counted from when t0 was rotated away (the session row keeps that time).
      const { previous_rotated_at: rotatedAt } = (
        await db.query<{ previous_rotated_at: Date }>('SELECT previous_rotated_at FROM bff_sessions WHERE id = $1', [t0.session.id])
      ).rows[0];
      await sleep(rotatedAt.getTime() + 3_000 - Date.now() + 100);
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
