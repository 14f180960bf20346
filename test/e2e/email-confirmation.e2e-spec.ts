import { startBff, type RunningBff } from '../support/bff';
import { expectEnvelope } from '../support/flows';
import { readMailbox, seedUsers, startStrapi, type StrapiFixture } from '../support/strapi';

describe('when Strapi requires email confirmation', () => {
  let strapi: StrapiFixture;
  let bff: RunningBff;

  beforeAll(async () => {
    strapi = await startStrapi({ emailConfirmation: true });
    bff = await startBff({ STRAPI_URL: strapi.url });
  });
  afterAll(async () => {
    await bff.close();
    await strapi.stop();
  });

  it('answers a registration with 202 confirmationRequired and starts no session', async () => {
    const username = `pending${Date.now()}`;
    const response = await bff.request('POST', '/auth/register', { json: { username, email: `${username}@example.com`, password: 'Passw0rd!' } });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ confirmationRequired: true });
    const mails = await readMailbox(strapi.url);
    expect(mails.some((mail) => mail.to === `${username}@example.com`)).toBe(true);
  });

  it('refuses an unconfirmed account with 403 email_not_confirmed', async () => {
    const response = await bff.request('POST', '/auth/login', { json: { identifier: seedUsers.dave.email, password: seedUsers.dave.password } });
    expectEnvelope(response, 403, 'email_not_confirmed');
  });
});
