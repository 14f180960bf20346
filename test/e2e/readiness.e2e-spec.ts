import { createServer } from 'node:net';
import { startBff, strapiFixtureUrl, type RunningBff } from '../support/bff';
import { expectEnvelope, login } from '../support/flows';
import { seedUsers } from '../support/strapi';
import { startTcpRelay, type TcpRelay } from '../support/tcp-relay';

interface LogLine {
  level: string;
  msg: string;
  event?: string;
  context?: string;
}

const parsed = (bff: RunningBff): LogLine[] => bff.logs.map((line) => JSON.parse(line) as LogLine);

async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A loopback port nobody listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  await new Promise((resolve) => server.close(resolve));
  return address.port;
}

describe('readiness follows what the service can still do', () => {
  describe('Strapi goes away and comes back', () => {
    let relay: TcpRelay;
    let lenient: RunningBff;
    let strict: RunningBff;

    beforeAll(async () => {
      relay = await startTcpRelay(Number(new URL(strapiFixtureUrl()).port));
      const strapiUrl = `http://127.0.0.1:${relay.port}`;
      lenient = await startBff({ STRAPI_URL: strapiUrl, STRAPI_TIMEOUT: '2s' });
      strict = await startBff({ STRAPI_URL: strapiUrl, STRAPI_TIMEOUT: '2s', READY_REQUIRES_STRAPI: 'true' });
    });
    afterAll(async () => {
      await lenient.close();
      await strict.close();
      await relay.close();
    });

    it('stays ready (200, degraded) while Postgres answers, reports Strapi in checks, and is strict only with READY_REQUIRES_STRAPI', async () => {
      const tokens = await login(lenient, seedUsers.alice);
      for (const bff of [lenient, strict]) {
        const ready = await bff.request('GET', '/health/ready');
        expect({ status: ready.status, body: ready.body }).toEqual({ status: 200, body: { status: 'ok', checks: { database: 'up', strapi: 'up' } } });
      }

      relay.cut();
      const degraded = await lenient.request('GET', '/health/ready');
      expect({ status: degraded.status, body: degraded.body }).toEqual({ status: 200, body: { status: 'degraded', checks: { database: 'up', strapi: 'down' } } });
      // What readiness promises: the session side still works without Strapi.
      expect((await lenient.request('GET', '/auth/me', { token: tokens.accessToken })).status).toBe(200);

      const refused = expectEnvelope(await strict.request('GET', '/health/ready'), 503, 'not_ready');
      expect(refused.details).toEqual({ checks: { database: 'up', strapi: 'down' } });

      relay.restore();
      for (const bff of [lenient, strict]) {
        const ready = await bff.request('GET', '/health/ready');
        expect({ status: ready.status, body: ready.body }).toEqual({ status: 200, body: { status: 'ok', checks: { database: 'up', strapi: 'up' } } });
      }
    });
  });

  describe('Strapi is unreachable from the start', () => {
    let bff: RunningBff;
    let strapiUrl: string;

    beforeAll(async () => {
      strapiUrl = `http://127.0.0.1:${await closedPort()}`;
      bff = await startBff({ STRAPI_URL: strapiUrl });
    });
    afterAll(() => bff.close());

    it('warns once at boot, and readiness probes log nothing more', async () => {
      const unreachable = () => parsed(bff).filter((line) => line.event === 'strapi_unreachable');
      await until('the boot warning', () => unreachable().length > 0);
      expect(unreachable()).toEqual([expect.objectContaining({ level: 'warn', context: 'StrapiWatch' })]);
      expect(unreachable()[0].msg).toContain(`Strapi at ${strapiUrl} can't be reached`);

      const warnings = () => parsed(bff).filter((line) => line.level === 'warn');
      const before = warnings().length;
      for (let probe = 0; probe < 5; probe += 1) {
        const ready = await bff.request('GET', '/health/ready');
        expect({ status: ready.status, body: ready.body }).toEqual({ status: 200, body: { status: 'degraded', checks: { database: 'up', strapi: 'down' } } });
      }
      expect(warnings()).toHaveLength(before);
      expect(unreachable()).toHaveLength(1);
    });
  });

  describe('boot log', () => {
    it("keeps Nest's route mappings out of the info level, and shows them at debug", async () => {
      const atInfo = await startBff({ LOG_LEVEL: 'info' });
      const atDebug = await startBff({ LOG_LEVEL: 'debug' });
      try {
        const mappings = (bff: RunningBff) => parsed(bff).filter((line) => line.context === 'RouterExplorer' || line.context === 'RoutesResolver');
        expect(mappings(atInfo)).toEqual([]);
        expect(mappings(atDebug).length).toBeGreaterThan(20);
        expect(new Set(mappings(atDebug).map((line) => line.level))).toEqual(new Set(['debug']));
      } finally {
        await atInfo.close();
        await atDebug.close();
      }
    });
  });
});
