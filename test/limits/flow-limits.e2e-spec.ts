import { randomInt, randomUUID } from 'node:crypto';
import { withBff as withSharedBff, type RunningBff } from '../support/bff';
import { expectEnvelope, login, refresh } from '../support/flows';
import { seedUsers } from '../support/strapi';

/**
 * The counters are shared by every instance and outlive them (that is the point), so each test
 * comes from an address of its own: the test plays the load balancer (TRUST_PROXY) and names it.
 */
async function withBff(env: Record<string, string>, body: (bff: RunningBff) => Promise<void>): Promise<void> {
  const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  await withSharedBff({ TRUST_PROXY: 'loopback', ...env }, (bff) =>
    body({ ...bff, request: (method, path, options = {}) => bff.request(method, path, { ...options, headers: { 'x-forwarded-for': address, ...options.headers } }) }),
  );
}

describe('limits on the flows that send mail, try codes or guess refresh tokens', () => {
  it('counts forgot-password per email address and per client address', async () => {
    await withBff({ EMAIL_FLOW_LIMIT_ADDRESS: '2/1h', EMAIL_FLOW_LIMIT_IP: '4/1h' }, async (bff) => {
      const email = `someone-${randomUUID()}@example.com`;
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await bff.request('POST', '/auth/forgot-password', { json: { email } })).status);
      expect(statuses).toEqual([204, 204, 429]);
      // Another address from the same client: under the per-address limit, then over the client's.
      const other = `other-${randomUUID()}@example.com`;
      expect((await bff.request('POST', '/auth/forgot-password', { json: { email: other } })).status).toBe(204);
      const limited = await bff.request('POST', '/auth/forgot-password', { json: { email: `third-${randomUUID()}@example.com` } });
      expectEnvelope(limited, 429, 'rate_limited');
      expect(limited.headers.get('ratelimit-policy')).toBe('"forgot-password-ip";q=4;w=3600');
    });
  });

  it('counts registrations per email address', async () => {
    await withBff({ EMAIL_FLOW_LIMIT_ADDRESS: '1/1h' }, async (bff) => {
      const username = `limited${randomUUID().slice(0, 8)}`;
      const body = { username, email: `${username}@example.com`, password: 'Some-Passw0rd!' };
      expect((await bff.request('POST', '/auth/register', { json: body })).status).toBe(201);
      expectEnvelope(await bff.request('POST', '/auth/register', { json: { ...body, username: `${username}x` } }), 429, 'rate_limited');
    });
  });

  it('counts reset-password attempts per client address', async () => {
    await withBff({ CODE_FLOW_LIMIT_IP: '2/15m' }, async (bff) => {
      const attempt = () => bff.request('POST', '/auth/reset-password', { json: { code: `guess-${randomUUID()}`, password: 'Some-Passw0rd!', passwordConfirmation: 'Some-Passw0rd!' } });
      expectEnvelope(await attempt(), 400, 'invalid_reset_code');
      expectEnvelope(await attempt(), 400, 'invalid_reset_code');
      expectEnvelope(await attempt(), 429, 'rate_limited');
    });
  });

  it('refuses refreshes from an address that sent too many unknown refresh tokens', async () => {
    await withBff({ REFRESH_LIMIT_IP: '3/15m' }, async (bff) => {
      const alice = await login(bff, seedUsers.alice);
      // Valid refreshes don't count.
      const rotated = await refresh(bff, alice.refreshToken);
      expect(rotated.status).toBe(200);
      for (let i = 0; i < 3; i++) expectEnvelope(await refresh(bff, `bffrt_${'A'.repeat(43)}`), 401, 'invalid_refresh_token');
      expectEnvelope(await refresh(bff, rotated.body.refreshToken), 429, 'rate_limited');
    });
  });
});
