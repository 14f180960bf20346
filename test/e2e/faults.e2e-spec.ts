import { createServer, type Server, type Socket } from 'node:net';
import { startBff, type RunningBff } from '../support/bff';
import { testDatabaseUrl } from '../support/database';
import { expectEnvelope, login, refresh, until } from '../support/flows';
import { ownStrapiWithBff } from '../support/own-strapi';
import { seedUsers } from '../support/strapi';
import { startTcpRelay, type TcpRelay } from '../support/tcp-relay';

describe('faults answer 503/504 and leave sessions intact', () => {
  describe('Strapi is down', () => {
    const own = ownStrapiWithBff();

    it('answers 503 upstream_unavailable while Strapi is down, spends no refresh token, and recovers', async () => {
      const tokens = await login(own.bff, seedUsers.alice);
      await own.strapi.kill();

      expectEnvelope(
        await own.bff.request('POST', '/auth/login', { json: { identifier: 'alice', password: seedUsers.alice.password } }),
        503,
        'upstream_unavailable',
      );
      // Readiness follows Postgres alone by default (test/e2e/readiness.e2e-spec.ts).
      const ready = await own.bff.request('GET', '/health/ready');
      expect({ status: ready.status, body: ready.body }).toEqual({ status: 200, body: { status: 'degraded', checks: { database: 'up', strapi: 'down' } } });

      // Session checks need only the BFF's own database.
      expect((await own.bff.request('GET', '/auth/me', { token: tokens.accessToken })).status).toBe(200);
      // A refresh re-reads the user from Strapi: it fails softly, and the refresh token stays unspent.
      expectEnvelope(await refresh(own.bff, tokens.refreshToken), 503, 'upstream_unavailable');

      await own.strapi.start();
      expect((await own.bff.request('GET', '/health/ready')).status).toBe(200);
      const rotated = await refresh(own.bff, tokens.refreshToken);
      expect(rotated.status).toBe(200);
      expect(rotated.body.session.id).toBe(tokens.session.id);
      await login(own.bff, seedUsers.alice);
    });
  });

  describe('Strapi does not answer in time', () => {
    let silent: Server;
    const held = new Set<Socket>();
    let bff: RunningBff;

    beforeAll(async () => {
      // Accepts connections and never replies.
      silent = createServer((socket) => void held.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const address = silent.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      bff = await startBff({ STRAPI_URL: `http://127.0.0.1:${address.port}`, STRAPI_TIMEOUT: '300ms' });
    });
    afterAll(async () => {
      await bff.close();
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('answers 504 upstream_timeout', async () => {
      expectEnvelope(await bff.request('POST', '/auth/login', { json: { identifier: 'alice', password: 'x' } }), 504, 'upstream_timeout');
    });
  });

  describe('the database blips', () => {
    let relay: TcpRelay;
    let bff: RunningBff;

    beforeAll(async () => {
      const direct = new URL(testDatabaseUrl());
      relay = await startTcpRelay(Number(direct.port || 5432));
      direct.port = String(relay.port);
      bff = await startBff({ DATABASE_URL: direct.toString(), SESSION_CACHE_TTL: '0' });
    });
    afterAll(async () => {
      await bff.close();
      await relay.close();
    });

    it('answers 503 during the outage without consuming the refresh token or ending the session', async () => {
      const tokens = await login(bff, seedUsers.bob);
      relay.cut();

      expectEnvelope(await bff.request('GET', '/auth/me', { token: tokens.accessToken }), 503, 'service_unavailable');
      expectEnvelope(await refresh(bff, tokens.refreshToken), 503, 'service_unavailable');
      expectEnvelope(await bff.request('POST', '/auth/login', { json: { identifier: 'bob', password: seedUsers.bob.password } }), 503, 'service_unavailable');
      const ready = await bff.request('GET', '/health/ready');
      expect((ready.body as { details: unknown }).details).toEqual({ checks: { database: 'down', strapi: 'up' } });

      relay.restore();
      // The pool reconnects at its own pace: until it has, the answer stays the same 503, and
      // then the session is there, untouched.
      await until('the BFF to reach Postgres again', async () => {
        const me = await bff.request('GET', '/auth/me', { token: tokens.accessToken });
        if (me.status !== 200) expectEnvelope(me, 503, 'service_unavailable');
        return me.status === 200;
      });
      const rotated = await refresh(bff, tokens.refreshToken);
      expect(rotated.status).toBe(200);
      expect(rotated.body.session.id).toBe(tokens.session.id);
    });
  });
});
