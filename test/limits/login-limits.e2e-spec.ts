import { randomUUID } from 'node:crypto';
import { startBff, strapiFixtureUrl, type ApiResponse, type RunningBff } from '../support/bff';
import { testDatabaseUrl } from '../support/database';
import { expectEnvelope, type TokenBody } from '../support/flows';
import { resetStrapiCounts, strapiRequestCount } from '../support/strapi';
import { Client } from 'pg';

const ATTACK = 200;
const LIMITS = { LOGIN_LIMIT_ACCOUNT: '10/15m', LOGIN_LIMIT_ACCOUNT_IP: '1000/15m', LOGIN_LIMIT_IP: '1000/15m', LOGIN_LIMIT_DEVICE: '10/15m', LOGIN_FAILURE_FLOOR: '0' };

type SignIn = TokenBody & { deviceToken: string };

async function registerVictim(bff: RunningBff): Promise<{ identifier: string; password: string }> {
  const username = `victim${randomUUID().slice(0, 8)}`;
  const password = 'Victim-Passw0rd!';
  const registered = await bff.request('POST', '/auth/register', { json: { username, email: `${username}@example.com`, password } });
  expect(registered.status).toBe(201);
  return { identifier: `${username}@example.com`, password };
}

/**
 * 200 parallel wrong passwords against one account, split over two BFF instances, through the
 * shared store; the owner, with the device token of an earlier sign-in, gets in meanwhile
 * (SECURITY.md #19, #26). Strapi counts what reaches its /api/auth/local (test/strapi-fixture).
 */
async function attack(store: Record<string, string>): Promise<{ reachedStrapi: number; answers: ApiResponse[]; owner: ApiResponse<SignIn>; ownerWithoutDevice: ApiResponse; victim: string }> {
  const [a, b] = await Promise.all([startBff({ ...LIMITS, ...store }), startBff({ ...LIMITS, ...store })]);
  try {
    const victim = await registerVictim(a);
    const earlier = await a.request<SignIn>('POST', '/auth/login', { json: { identifier: victim.identifier, password: victim.password } });
    expect(typeof earlier.body.deviceToken).toBe('string');
    await resetStrapiCounts(strapiFixtureUrl());

    const attempts = Array.from({ length: ATTACK }, (_, i) =>
      (i % 2 === 0 ? a : b).request('POST', '/auth/login', { json: { identifier: victim.identifier, password: `wrong-${i}` } }),
    );
    const owner = b.request<SignIn>('POST', '/auth/login', { json: { identifier: victim.identifier, password: victim.password, deviceToken: earlier.body.deviceToken } });
    const answers = await Promise.all(attempts);
    const ownerAnswer = await owner;
    const ownerWithoutDevice = await a.request('POST', '/auth/login', { json: { identifier: victim.identifier, password: victim.password } });
    // The owner's sign-in reached Strapi too; the one without a device token did not.
    const reachedStrapi = (await strapiRequestCount(strapiFixtureUrl(), '/api/auth/local')) - (ownerAnswer.status === 200 ? 1 : 0);
    return { reachedStrapi, answers, owner: ownerAnswer, ownerWithoutDevice, victim: victim.identifier };
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

describe('sign-in limits shared across instances', () => {
  describe.each([
    ['Postgres (the default store)', { RATE_LIMIT_STORE: 'postgres' }],
    ['Redis', { REDIS_URL: 'redis://127.0.0.1:6379/0' }],
  ])('on %s', (_name, store) => {
    let result: Awaited<ReturnType<typeof attack>>;
    beforeAll(async () => {
      result = await attack(store);
    }, 120_000);

    it(`lets at most 10 of ${ATTACK} parallel wrong passwords over two instances reach Strapi`, () => {
      expect(result.reachedStrapi).toBeLessThanOrEqual(10);
      expect(result.reachedStrapi).toBeGreaterThanOrEqual(1);
      const statuses = result.answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401).length).toBe(result.reachedStrapi);
      expect(statuses.filter((status) => status === 429).length).toBe(ATTACK - result.reachedStrapi);
    });

    it('answers the rest 429 rate_limited with Retry-After and the RateLimit fields', () => {
      const limited = result.answers.find((answer) => answer.status === 429);
      expect(limited).toBeDefined();
      if (!limited) return;
      expectEnvelope(limited, 429, 'rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('ratelimit-policy')).toBe('"login-account";q=10;w=900');
      expect(limited.headers.get('ratelimit')).toMatch(/^"login-account";r=0;t=\d+$/);
    });

    it('lets the owner in during the attack with the device token of an earlier sign-in', () => {
      expect(result.owner.status).toBe(200);
      expect(result.owner.body.user.email).toBe(result.victim);
    });

    it('refuses the right password without a device token while the account is under attack', () => {
      expectEnvelope(result.ownerWithoutDevice, 429, 'rate_limited');
    });
  });

  it('records the lockout in the audit trail, with the address and a hash of the identifier', async () => {
    const db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    try {
      const rows = await db.query<{ ip: string; details: { limit: string; identifierHash: string } }>(
        `SELECT ip, details FROM bff_audit_events WHERE type = 'account_locked' ORDER BY occurred_at DESC LIMIT 2`,
      );
      expect(rows.rows.length).toBe(2);
      for (const row of rows.rows) {
        expect(row).toMatchObject({ ip: '127.0.0.1', details: { limit: 'login-account' } });
        expect(row.details.identifierHash).toMatch(/^[\w-]{32}$/);
        expect(JSON.stringify(row)).not.toContain('@example.com');
      }
    } finally {
      await db.end();
    }
  });

  it('can fail: with a per-instance memory store, the same attack gets past the limit', async () => {
    const result = await attack({ RATE_LIMIT_STORE: 'memory' });
    expect(result.reachedStrapi).toBeGreaterThan(10);
  }, 120_000);
});
