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

  it('confirms an address through the BFF with the emailed token, after which the account signs in', async () => {
    const username = `confirm${Date.now()}`;
    const email = `${username}@example.com`;
    expect((await bff.request('POST', '/auth/register', { json: { username, email, password: 'Passw0rd!' } })).status).toBe(202);
    expectEnvelope(await bff.request('POST', '/auth/login', { json: { identifier: email, password: 'Passw0rd!' } }), 403, 'email_not_confirmed');

    // Resending answers alike for known and unknown addresses.
    expect((await bff.request('POST', '/auth/send-email-confirmation', { json: { email } })).status).toBe(204);
    expect((await bff.request('POST', '/auth/send-email-confirmation', { json: { email: `nobody${Date.now()}@example.com` } })).status).toBe(204);

    const mail = (await readMailbox(strapi.url)).filter((candidate) => candidate.to === email).pop();
    const token = /confirmation=([A-Za-z0-9]+)/.exec(`${mail?.text ?? ''} ${mail?.html ?? ''}`)?.[1];
    expect(token).toBeDefined();
    expectEnvelope(await bff.request('GET', '/auth/email-confirmation?confirmation=wrong-token'), 400, 'invalid_confirmation_token');
    expect((await bff.request('GET', `/auth/email-confirmation?confirmation=${token}`)).status).toBe(204);
    expect((await bff.request('POST', '/auth/login', { json: { identifier: email, password: 'Passw0rd!' } })).status).toBe(200);
  });

  it('refuses an unconfirmed account with 403 email_not_confirmed', async () => {
    const response = await bff.request('POST', '/auth/login', { json: { identifier: seedUsers.dave.email, password: seedUsers.dave.password } });
    expectEnvelope(response, 403, 'email_not_confirmed');
  });
});
