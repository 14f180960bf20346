import { withBff } from '../support/bff';
import { expectEnvelope, login } from '../support/flows';
import { seedUsers } from '../support/strapi';

describe('PROXY_RATE_LIMIT', () => {
  it('is off by default', async () => {
    await withBff({}, async (bff) => {
      const statuses = await Promise.all(Array.from({ length: 60 }, () => bff.request('GET', '/api/articles').then((response) => response.status)));
      expect(new Set(statuses)).toEqual(new Set([200]));
    });
  });

  it('limits each session and each client address, with the 429 envelope and headers', async () => {
    await withBff({ PROXY_RATE_LIMIT: '20/1m' }, async (bff) => {
      const alice = await login(bff, seedUsers.alice);
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) statuses.push((await bff.request('GET', '/api/articles', { token: alice.accessToken })).status);
      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
      expect(statuses.slice(20)).toEqual(Array(5).fill(429));
      const limited = await bff.request('GET', '/api/articles');
      expectEnvelope(limited, 429, 'rate_limited');
      expect(limited.headers.get('ratelimit-policy')).toBe('"proxy";q=20;w=60');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
});
