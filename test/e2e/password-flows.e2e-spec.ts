import { randomUUID } from 'node:crypto';
import { startBff, strapiFixtureUrl, type RunningBff } from '../support/bff';
import { expectEnvelope, refresh, type TokenBody } from '../support/flows';
import { clearMailbox, readMailbox } from '../support/strapi';

describe('password flows', () => {
  let bff: RunningBff;

  beforeAll(async () => {
    bff = await startBff();
  });
  afterAll(() => bff.close());

  /** A user of its own, so changing passwords never disturbs the seeded ones. */
  async function newUser(): Promise<{ email: string; password: string; first: TokenBody }> {
    const username = `pw${randomUUID().slice(0, 8)}`;
    const email = `${username}@example.com`;
    const password = 'Passw0rd!';
    const created = await bff.request<TokenBody>('POST', '/auth/register', { json: { username, email, password, deviceName: 'first' } });
    expect(created.status).toBe(201);
    return { email, password, first: created.body };
  }

  const signIn = (identifier: string, password: string, deviceName?: string) =>
    bff.request<TokenBody>('POST', '/auth/login', { json: { identifier, password, deviceName } });

  it('changing the password signs out the other devices and keeps this one with fresh tokens', async () => {
    const { email, password, first } = await newUser();
    const second = (await signIn(email, password, 'second')).body;

    const changed = await bff.request<TokenBody>('POST', '/auth/change-password', {
      token: first.accessToken,
      json: { currentPassword: password, password: 'N3w-Passw0rd!', passwordConfirmation: 'N3w-Passw0rd!' },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('cache-control')).toBe('no-store');
    expect(changed.body.session.id).toBe(first.session.id);
    expect(changed.body.refreshToken).not.toBe(first.refreshToken);

    // The other device is out, everywhere.
    expectEnvelope(await bff.request('GET', '/auth/me', { token: second.accessToken }), 401, 'session_revoked');
    expectEnvelope(await refresh(bff, second.refreshToken), 401, 'session_revoked');
    // This one goes on, and its Strapi JWT is the new one: Strapi accepts it through the proxy.
    expect((await bff.request('GET', '/api/users/me', { token: changed.body.accessToken })).status).toBe(200);
    expect((await refresh(bff, changed.body.refreshToken)).status).toBe(200);

    expectEnvelope(await signIn(email, password), 401, 'invalid_credentials');
    expect((await signIn(email, 'N3w-Passw0rd!')).status).toBe(200);
  });

  it('maps Strapi’s password errors to clear codes', async () => {
    const { password, first } = await newUser();
    const attempt = (json: Record<string, string>) => bff.request('POST', '/auth/change-password', { token: first.accessToken, json });
    expectEnvelope(await attempt({ currentPassword: 'wrong', password: 'A-new-1!', passwordConfirmation: 'A-new-1!' }), 400, 'invalid_current_password');
    expectEnvelope(await attempt({ currentPassword: password, password: 'A-new-1!', passwordConfirmation: 'Another-1!' }), 400, 'passwords_do_not_match');
    expectEnvelope(await attempt({ currentPassword: password, password, passwordConfirmation: password }), 400, 'password_unchanged');
    expectEnvelope(await bff.request('POST', '/auth/change-password', { json: { currentPassword: 'a', password: 'b', passwordConfirmation: 'b' } }), 401, 'unauthorized');
  });

  it('answers forgot-password the same way for known and unknown addresses', async () => {
    const { email } = await newUser();
    const known = await bff.request('POST', '/auth/forgot-password', { json: { email } });
    const unknown = await bff.request('POST', '/auth/forgot-password', { json: { email: `nobody-${randomUUID()}@example.com` } });
    expect([known.status, unknown.status]).toEqual([204, 204]);
    expect(known.text).toBe(unknown.text);
    expectEnvelope(await bff.request('POST', '/auth/forgot-password', { json: { email: 'not-an-email' } }), 400, 'validation_failed');
  });

  it('resetting the password with the emailed code ends every session and starts a new one', async () => {
    const { email, first } = await newUser();
    const strapi = strapiFixtureUrl();
    await clearMailbox(strapi);
    expect((await bff.request('POST', '/auth/forgot-password', { json: { email } })).status).toBe(204);
    const mail = (await readMailbox(strapi)).find((candidate) => candidate.to === email);
    const code = /code=([A-Za-z0-9]+)/.exec(`${mail?.text ?? ''} ${mail?.html ?? ''}`)?.[1];
    expect(code).toBeDefined();

    expectEnvelope(await bff.request('POST', '/auth/reset-password', { json: { code: 'not-the-code', password: 'R3set-Passw0rd!', passwordConfirmation: 'R3set-Passw0rd!' } }), 400, 'invalid_reset_code');
    const reset = await bff.request<TokenBody>('POST', '/auth/reset-password', { json: { code, password: 'R3set-Passw0rd!', passwordConfirmation: 'R3set-Passw0rd!' } });
    expect(reset.status).toBe(200);
    expect(reset.body.session.id).not.toBe(first.session.id);
    expectEnvelope(await bff.request('GET', '/auth/me', { token: first.accessToken }), 401, 'session_revoked');
    expect((await bff.request('GET', '/auth/me', { token: reset.body.accessToken })).status).toBe(200);
    expect((await signIn(email, 'R3set-Passw0rd!')).status).toBe(200);
  });
});
