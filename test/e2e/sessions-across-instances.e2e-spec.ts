import { twoInstancesWithDatabase } from '../support/instances';
import { expectEnvelope, login, refresh, sleep } from '../support/flows';
import { seedUsers } from '../support/strapi';

describe('two BFF instances sharing one database', () => {
  const two = twoInstancesWithDatabase();

  it('lets 12 parallel refreshes of one token all succeed without forking the chain', async () => {
    const tokens = await login(two.a, seedUsers.alice, 'many tabs');
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => refresh(i % 2 === 0 ? two.a : two.b, tokens.refreshToken)));

    expect(results.map((result) => result.status)).toEqual(Array(12).fill(200));
    const successors = new Set(results.map((result) => result.body.refreshToken));
    expect(successors.size).toBe(1);

    const chain = await two.db.query('SELECT generation, rotated_at IS NOT NULL AS rotated FROM bff_refresh_tokens WHERE session_id = $1 ORDER BY generation', [
      tokens.session.id,
    ]);
    expect(chain.rows).toEqual([
      { generation: 0, rotated: true },
      { generation: 1, rotated: false },
    ]);
    const session = await two.db.query('SELECT refresh_generation, revoked_at FROM bff_sessions WHERE id = $1', [tokens.session.id]);
    expect(session.rows[0]).toEqual({ refresh_generation: 1, revoked_at: null });

    // The session goes on with exactly one valid token.
    const [successor] = successors;
    const next = await refresh(two.b, successor);
    expect(next.status).toBe(200);
    expect((await two.a.request('GET', '/auth/me', { token: next.body.accessToken })).status).toBe(200);
  });

  it('refuses a session revoked on one instance on the other within 1 s', async () => {
    const tokens = await login(two.a, seedUsers.bob);
    // Warm instance B's cache so the test covers a cached "active" answer going stale.
    expect((await two.b.request('GET', '/auth/me', { token: tokens.accessToken })).status).toBe(200);

    expect((await two.a.request('POST', '/auth/logout', { token: tokens.accessToken })).status).toBe(204);
    const revokedAt = Date.now();
    expectEnvelope(await two.a.request('GET', '/auth/me', { token: tokens.accessToken }), 401, 'session_revoked');

    await sleep(Math.max(0, 1000 - (Date.now() - revokedAt)));
    expectEnvelope(await two.b.request('GET', '/auth/me', { token: tokens.accessToken }), 401, 'session_revoked');
    expectEnvelope(await refresh(two.b, tokens.refreshToken), 401, 'session_revoked');
  });
});
