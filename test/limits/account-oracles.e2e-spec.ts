import { randomUUID } from 'node:crypto';
import { startBff, withBff, type RunningBff } from '../support/bff';
import { expectEnvelope, login } from '../support/flows';
import { seedUsers, startStrapi, type StrapiFixture } from '../support/strapi';

const median = (values: number[]): number => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

/** The answers must not tell which accounts exist (SECURITY.md #21, #25). */
describe('answers that don’t reveal accounts', () => {
  describe('when Strapi can’t send mail', () => {
    let strapi: StrapiFixture;
    let bff: RunningBff;
    beforeAll(async () => {
      strapi = await startStrapi({ emailFails: true });
      bff = await startBff({ STRAPI_URL: strapi.url });
    }, 120_000);
    afterAll(async () => {
      await bff.close();
      await strapi.stop();
    });

    it.each(['/auth/forgot-password', '/auth/send-email-confirmation'])('%s answers a known and an unknown address alike, logs and audits the failure', async (path) => {
      const known = await bff.request('POST', path, { json: { email: seedUsers.dave.email } });
      const unknown = await bff.request('POST', path, { json: { email: `nobody-${randomUUID()}@example.com` } });
      expect({ status: known.status, body: known.text }).toEqual({ status: 204, body: '' });
      expect({ status: unknown.status, body: unknown.text }).toEqual({ status: 204, body: '' });
      const requestId = known.headers.get('x-request-id');
      expect(bff.logs.some((line) => line.includes('"event":"email_delivery_failed"') && line.includes(`"requestId":"${requestId}"`) && line.includes('"level":"error"'))).toBe(true);
      const admin = await login(bff, seedUsers.admin);
      const events = await bff.request<{ data: { requestId: string; details: { flow: string } }[] }>('GET', '/admin/audit-events?type=email_delivery_failed&pageSize=50', { token: admin.accessToken });
      expect(events.body.data.find((event) => event.requestId === requestId)?.details.flow).toBe(path.slice('/auth/'.length));
    });

    it('answers 503 only when Strapi can’t be reached at all', async () => {
      await strapi.kill();
      try {
        expectEnvelope(await bff.request('POST', '/auth/forgot-password', { json: { email: seedUsers.alice.email } }), 503, 'upstream_unavailable');
      } finally {
        await strapi.start();
      }
    });
  });

  it('answers an unknown user and a wrong password in the same time (medians of 80 each within 5 ms)', async () => {
    await withBff({}, async (bff) => {
      const unknown: number[] = [];
      const wrong: number[] = [];
      const timed = async (identifier: string): Promise<number> => {
        const started = performance.now();
        const response = await bff.request('POST', '/auth/login', { json: { identifier, password: 'not-the-password' } });
        expect(response.status).toBe(401);
        return performance.now() - started;
      };
      // Interleaved, so drift on a shared machine hits both alike.
      for (let i = 0; i < 80; i++) {
        unknown.push(await timed(`nobody-${i}-${randomUUID()}@example.com`));
        wrong.push(await timed(seedUsers.alice.email));
      }
      expect(Math.abs(median(unknown) - median(wrong))).toBeLessThan(5);
    });
  }, 180_000);
});
