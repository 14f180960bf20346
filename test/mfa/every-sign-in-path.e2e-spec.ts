import { StrapiClient } from '../../src/strapi/strapi.client';
import type { StrapiAuthResult } from '../../src/strapi/strapi.types';
import { MFA_DEFAULTS, request as httpRequest, startBff, strapiFixtureUrl, type RunningBff } from '../support/bff';
import { decodeJwtPart, expectEnvelope, type TokenBody } from '../support/flows';
import { challengeFor, enrolTotp, registerUser, unusedCode, verify, type ChallengeBody } from '../support/mfa';
import { clearMailbox, readMailbox } from '../support/strapi';

type Answer = TokenBody & ChallengeBody;

/** The second factor holds on every path that can create a session, not only password login. */
describe('the second factor on every sign-in path', () => {
  let bff: RunningBff;

  beforeAll(async () => {
    bff = await startBff(MFA_DEFAULTS);
  });
  afterAll(() => bff.close());

  it('password reset: every session ends, and the new one waits for the second factor', async () => {
    const user = await registerUser(bff, 'reset');
    const enrolled = await enrolTotp(bff, user.tokens.accessToken);
    const strapi = strapiFixtureUrl();
    await clearMailbox(strapi);
    expect((await bff.request('POST', '/auth/forgot-password', { json: { email: user.email } })).status).toBe(204);
    const mail = (await readMailbox(strapi)).find((candidate) => candidate.to === user.email);
    const code = /code=([A-Za-z0-9]+)/.exec(`${mail?.text ?? ''} ${mail?.html ?? ''}`)?.[1];

    const reset = await bff.request<Answer>('POST', '/auth/reset-password', { json: { code, password: 'R3set-Passw0rd!', passwordConfirmation: 'R3set-Passw0rd!' } });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ mfaRequired: true, methods: ['totp', 'recovery_code'] });
    expect(reset.body).not.toHaveProperty('accessToken');
    expectEnvelope(await bff.request('GET', '/auth/me', { token: user.tokens.accessToken }), 401, 'session_revoked');

    const verified = await verify(bff, reset.body.mfaToken, 'totp', await unusedCode(enrolled));
    expect(verified.status).toBe(200);
    expect(decodeJwtPart(verified.body.accessToken, 1)).toMatchObject({ amr: ['pwd', 'otp'], acr: 'aal2' });
    expect((await bff.request('GET', '/auth/me', { token: verified.body.accessToken })).status).toBe(200);
  });

  it('provider callback: Strapi’s answer waits sealed until the second factor', async () => {
    const user = await registerUser(bff, 'prov');
    const enrolled = await enrolTotp(bff, user.tokens.accessToken);
    // No outside provider exists here, so only the provider's redirect is stood in for (at our
    // Strapi adapter); the JWT is a real one from the real Strapi, which /users/me then checks.
    const direct = await httpRequest<StrapiAuthResult>(strapiFixtureUrl(), 'POST', '/api/auth/local', { json: { identifier: user.email, password: user.password } });
    const strapiClient = bff.app.get(StrapiClient, { strict: false });
    const original = strapiClient.providerCallback.bind(strapiClient);
    strapiClient.providerCallback = () => Promise.resolve(direct.body);
    try {
      const answer = await bff.request<Answer>('GET', '/auth/providers/github/callback?access_token=from-github');
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ mfaRequired: true, mfaToken: expect.stringMatching(/^bffmfa_/) });
      expect(answer.text).not.toContain(direct.body.jwt);
      const verified = await verify(bff, answer.body.mfaToken, 'totp', await unusedCode(enrolled));
      expect(verified.status).toBe(200);
      expect(decodeJwtPart(verified.body.accessToken, 1)).toMatchObject({ amr: ['fed', 'otp'], acr: 'aal2' });
      // The session holds the real Strapi JWT: the proxy gets through to Strapi as the user.
      expect((await bff.request('GET', '/api/users/me', { token: verified.body.accessToken })).status).toBe(200);
    } finally {
      strapiClient.providerCallback = original;
    }
  });

  it('register: a role that requires a factor gets enrolment instead of a session', async () => {
    await withRequiredAuthenticatedRole(async (strict) => {
      const username = `reg${Date.now().toString(36)}`;
      const answer = await strict.request<Answer>('POST', '/auth/register', { json: { username, email: `${username}@example.com`, password: 'Passw0rd!' } });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ mfaEnrollmentRequired: true, methods: ['totp'] });
      expect(answer.body).not.toHaveProperty('accessToken');
    });
  });

  it('change-password’s re-issue: an aal1 session of a user who needs a factor waits for it', async () => {
    await withRequiredAuthenticatedRole(async (strict) => {
      // Signed in before the role required anything (the lenient instance), so the session is aal1.
      const user = await registerUser(bff, 'chg');
      const changed = await strict.request<Answer>('POST', '/auth/change-password', {
        token: user.tokens.accessToken,
        json: { currentPassword: user.password, password: 'N3w-Passw0rd!', passwordConfirmation: 'N3w-Passw0rd!' },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ mfaEnrollmentRequired: true });
      expect(changed.body).not.toHaveProperty('accessToken');
      expectEnvelope(await verify(strict, changed.body.mfaToken, 'totp', '123456'), 403, 'mfa_enrollment_required');
    });
  });

  /** A second instance on which the ordinary `authenticated` role requires a second factor. */
  async function withRequiredAuthenticatedRole(body: (strict: RunningBff) => Promise<void>): Promise<void> {
    const strict = await startBff({ MFA_REQUIRED_ROLES: 'authenticated' });
    try {
      await body(strict);
    } finally {
      await strict.close();
    }
  }

  it('still asks for the code when the first step came from another instance’s challenge', async () => {
    const user = await registerUser(bff, 'xi');
    const enrolled = await enrolTotp(bff, user.tokens.accessToken);
    const other = await startBff(MFA_DEFAULTS);
    try {
      const mfaToken = await challengeFor(bff, user);
      expect((await verify(other, mfaToken, 'totp', await unusedCode(enrolled))).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
