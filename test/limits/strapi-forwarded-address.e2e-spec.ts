import { startBff, type RunningBff } from '../support/bff';
import { expectEnvelope } from '../support/flows';
import { seedUsers, startStrapi, type StrapiFixture } from '../support/strapi';

/**
 * Strapi's own limiter (users-permissions, on in production: 10 per minute per path and client
 * address) must see each client, not the BFF. The BFF sends the address it believes as
 * X-Forwarded-For on every call, and Strapi trusts it with `proxy: { koa: true }` (the fixture).
 */
describe('Strapi’s own rate limiter sees each client’s address', () => {
  let strapi: StrapiFixture;
  let bff: RunningBff;
  beforeAll(async () => {
    strapi = await startStrapi({ rateLimit: true });
    // TRUST_PROXY: the test plays the load balancer in front of the BFF, naming each client.
    bff = await startBff({ STRAPI_URL: strapi.url, TRUST_PROXY: 'loopback', LOGIN_FAILURE_FLOOR: '0' });
  }, 120_000);
  afterAll(async () => {
    await bff.close();
    await strapi.stop();
  });

  const signIn = (from: string, password: string) =>
    bff.request('POST', '/auth/login', { json: { identifier: seedUsers.bob.email, password }, headers: { 'x-forwarded-for': from } });

  it('keeps alice signing in from her address while bob’s attacker trips Strapi’s limit from another', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) answers.push((await signIn('203.0.113.66', `wrong-${i}`)).status);
    // Strapi's limiter tripped for the attacker's address (the BFF's own limits are far above this).
    expect(answers.slice(-1)).toEqual([429]);
    expectEnvelope(await signIn('203.0.113.66', 'wrong-again'), 429, 'rate_limited');

    const alice = await bff.request('POST', '/auth/login', { json: { identifier: seedUsers.alice.email, password: seedUsers.alice.password }, headers: { 'x-forwarded-for': '198.51.100.7' } });
    expect(alice.status).toBe(200);
  });
});
