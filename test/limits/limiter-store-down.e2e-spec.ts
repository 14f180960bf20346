import { createServer } from 'node:net';
import { withBff } from '../support/bff';
import { expectEnvelope } from '../support/flows';
import { seedUsers } from '../support/strapi';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the limiter store is away', () => {
  it('fails open for the limits alone: sign-ins go on, and a warning says the limits are off', async () => {
    const port = await closedPort();
    await withBff({ REDIS_URL: `redis://127.0.0.1:${port}`, LOGIN_LIMIT_ACCOUNT: '2/15m', LOGIN_LIMIT_ACCOUNT_IP: '2/15m', LOGIN_FAILURE_FLOOR: '0' }, async (bff) => {
      for (let i = 0; i < 5; i++) {
        expectEnvelope(await bff.request('POST', '/auth/login', { json: { identifier: seedUsers.bob.email, password: `wrong-${i}` } }), 401, 'invalid_credentials');
      }
      const signedIn = await bff.request('POST', '/auth/login', { json: { identifier: seedUsers.bob.email, password: seedUsers.bob.password } });
      expect(signedIn.status).toBe(200);
      expect(bff.logs.some((line) => line.includes('rate_limit_store_unavailable'))).toBe(true);
    });
  });
});
