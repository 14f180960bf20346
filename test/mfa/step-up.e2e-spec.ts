import { MFA_DEFAULTS, startBff, type RunningBff } from '../support/bff';
import { expectEnvelope, until, type ErrorBody } from '../support/flows';
import { enrolTotp, registerUser, unusedCode } from '../support/mfa';

/** REAUTH_MAX_AGE is 2 s here, so a sign-in stops counting as recent within the test. */
describe('step-up: recent authentication for sensitive actions', () => {
  let bff: RunningBff;

  beforeAll(async () => {
    bff = await startBff({ ...MFA_DEFAULTS, REAUTH_MAX_AGE: '2s' });
  });
  afterAll(() => bff.close());

  const signOutOthers = (token: string) => bff.request<ErrorBody & { revoked: number }>('DELETE', '/sessions?scope=others', { token });

  it('answers reauth_required with details.maxAge once REAUTH_MAX_AGE has passed, and allows the action again after re-authenticating', async () => {
    const user = await registerUser(bff, 'step');
    const token = user.tokens.accessToken;
    expect((await signOutOthers(token)).status).toBe(200);

    // The freshness runs out by itself: nothing but the clock moves.
    await until('the sign-in to stop counting as recent', async () => (await signOutOthers(token)).status === 403, 10_000);
    const refused = expectEnvelope(await signOutOthers(token), 403, 'reauth_required');
    expect(refused.details).toEqual({ maxAge: 2 });
    for (const [method, path] of [
      ['DELETE', '/sessions?scope=all'],
      ['POST', '/auth/change-password'],
    ] as const) {
      expectEnvelope(await bff.request(method, path, { token, json: method === 'POST' ? { currentPassword: user.password, password: 'N3w-Passw0rd!', passwordConfirmation: 'N3w-Passw0rd!' } : undefined }), 403, 'reauth_required');
    }

    expectEnvelope(await bff.request('POST', '/auth/reauthenticate', { token, json: { password: 'wrong-password' } }), 401, 'invalid_credentials');
    expectEnvelope(await bff.request('POST', '/auth/reauthenticate', { token, json: {} }), 400, 'validation_failed');
    const again = await bff.request<{ aal: number; amr: string[]; authTime: string; freshUntil: string }>('POST', '/auth/reauthenticate', { token, json: { password: user.password } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ aal: 1, amr: ['pwd'] });
    expect(Date.parse(again.body.freshUntil) - Date.parse(again.body.authTime)).toBe(2000);
    expect((await signOutOthers(token)).status).toBe(200);
  });

  it('makes an account with a second factor step up with it, which raises the session to aal2', async () => {
    const user = await registerUser(bff, 'step');
    const token = user.tokens.accessToken;
    const enrolled = await enrolTotp(bff, token);
    await until('the sign-in to stop counting as recent', async () => (await bff.request('POST', '/auth/mfa/recovery-codes', { token })).status === 403, 10_000);
    expectEnvelope(await bff.request('DELETE', '/auth/mfa/totp', { token }), 403, 'reauth_required');

    const withPassword = expectEnvelope(await bff.request('POST', '/auth/reauthenticate', { token, json: { password: user.password } }), 403, 'mfa_required');
    expect(withPassword.details).toEqual({ methods: ['totp', 'recovery_code'] });
    const stepped = await bff.request<{ aal: number; amr: string[] }>('POST', '/auth/reauthenticate', { token, json: { method: 'totp', code: await unusedCode(enrolled) } });
    expect(stepped.body).toMatchObject({ aal: 2, amr: ['pwd', 'otp'] });

    expect((await bff.request('DELETE', '/auth/mfa/totp', { token })).status).toBe(204);
    const status = await bff.request<{ totp: boolean; recoveryCodesLeft: number }>('GET', '/auth/mfa', { token });
    expect(status.body).toMatchObject({ totp: false, recoveryCodesLeft: 0 });
  });
});
