import { Client } from 'pg';
import { MFA_DEFAULTS, startBff, type RunningBff } from '../support/bff';
import { testDatabaseUrl } from '../support/database';
import { expectEnvelope, refresh, type TokenBody } from '../support/flows';
import { challengeFor, loginFor, registerUser, setRole, totpCode, unusedCode, verify, type ChallengeBody, type Enrolled } from '../support/mfa';

/** At the shipped default, MFA_REQUIRED_ROLES is ADMIN_ROLES (bff-admin). */
describe('a role that requires a second factor, and the admin reset', () => {
  let bff: RunningBff;
  let db: Client;

  beforeAll(async () => {
    bff = await startBff(MFA_DEFAULTS);
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([bff.close(), db.end()]);
  });

  /** A fresh admin who has just enrolled (the enrolment-required sign-in), with their aal2 tokens. */
  async function enrolledAdmin(): Promise<{ user: Awaited<ReturnType<typeof registerUser>>; tokens: TokenBody; enrolled: Enrolled }> {
    const user = await registerUser(bff, 'adm');
    await setRole(user.username, 'bff-admin');
    const mfaToken = await challengeFor(bff, user);
    const started = await bff.request<{ secret: string }>('POST', '/auth/mfa/enrollment/totp', { json: { mfaToken } });
    const step = Math.floor(Date.now() / 30_000);
    const done = await bff.request<TokenBody & { recoveryCodes: string[] }>('POST', '/auth/mfa/enrollment/totp/confirm', { json: { mfaToken, code: totpCode(started.body.secret) } });
    expect(done.status).toBe(200);
    return { user, tokens: done.body, enrolled: { secret: started.body.secret, recoveryCodes: done.body.recoveryCodes, lastStep: step } };
  }

  it('keeps a required-role user out of /admin/* until they enrol, then lets them in at aal2', async () => {
    const user = await registerUser(bff, 'adm');
    await setRole(user.username, 'bff-admin');
    // The session from before the role change: the role arrives at the next refresh, at aal1.
    const renewed = await refresh(bff, user.tokens.refreshToken);
    expect(renewed.body.user.role).toBe('bff-admin');
    expectEnvelope(await bff.request('GET', '/admin/sessions', { token: renewed.body.accessToken }), 403, 'mfa_required');

    const answer = await loginFor(bff, user);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ mfaEnrollmentRequired: true, mfaToken: expect.stringMatching(/^bffmfa_/), methods: ['totp'], expiresIn: 300 });
    const { mfaToken } = answer.body as ChallengeBody;
    // The token allows enrolment and nothing else.
    expectEnvelope(await verify(bff, mfaToken, 'totp', '123456'), 403, 'mfa_enrollment_required');
    expectEnvelope(await bff.request('GET', '/admin/sessions', { token: mfaToken }), 401, 'invalid_access_token');

    const started = await bff.request<{ secret: string; qrSvg: string }>('POST', '/auth/mfa/enrollment/totp', { json: { mfaToken } });
    expect(started.status).toBe(200);
    expect(started.body.qrSvg).toMatch(/^<svg /);
    const done = await bff.request<TokenBody & { recoveryCodes: string[] }>('POST', '/auth/mfa/enrollment/totp/confirm', { json: { mfaToken, code: totpCode(started.body.secret) } });
    expect(done.status).toBe(200);
    expect(done.body.recoveryCodes).toHaveLength(10);
    expect(done.body.user.role).toBe('bff-admin');
    // Used up by completing the sign-in.
    expectEnvelope(await bff.request('POST', '/auth/mfa/enrollment/totp', { json: { mfaToken } }), 401, 'invalid_mfa_token');

    const listed = await bff.request<{ data: { id: string; aal: number; amr: string[] }[] }>('GET', `/admin/sessions?userId=${done.body.user.id}`, { token: done.body.accessToken });
    expect(listed.status).toBe(200);
    expect(listed.body.data.find((session) => session.id === done.body.session.id)).toMatchObject({ aal: 2, amr: ['pwd', 'otp'] });
    expect(listed.body.data.find((session) => session.id === user.tokens.session.id)).toMatchObject({ aal: 1, amr: ['pwd'] });

    // The old aal1 session steps up with the new factor and is let in.
    const stepped = await bff.request<{ aal: number }>('POST', '/auth/reauthenticate', { token: renewed.body.accessToken, json: { method: 'recovery_code', code: done.body.recoveryCodes[0] } });
    expect(stepped.body).toMatchObject({ aal: 2, recoveryCodesLeft: 9 });
    expect((await bff.request('GET', '/admin/sessions', { token: renewed.body.accessToken })).status).toBe(200);
  });

  it('an admin resets a user’s factors: audited with the admin as actor, the user’s sessions end, the next sign-in needs no code', async () => {
    const admin = await enrolledAdmin();
    const user = await registerUser(bff, 'lost');
    const started = await bff.request<{ secret: string }>('POST', '/auth/mfa/totp', { token: user.tokens.accessToken });
    await bff.request('POST', '/auth/mfa/totp/confirm', { token: user.tokens.accessToken, json: { code: totpCode(started.body.secret) } });
    const pending = await challengeFor(bff, user);

    const reset = await bff.request<{ revoked: number }>('DELETE', `/admin/users/${user.tokens.user.id}/mfa`, { token: admin.tokens.accessToken });
    expect(reset.status).toBe(200);
    expect(reset.body.revoked).toBeGreaterThanOrEqual(1);
    expectEnvelope(await bff.request('GET', '/auth/me', { token: user.tokens.accessToken }), 401, 'session_revoked');
    // A sign-in that was waiting for the lost factor is over too.
    expectEnvelope(await verify(bff, pending, 'totp', totpCode(started.body.secret, 1)), 401, 'invalid_mfa_token');
    const again = await loginFor(bff, user);
    expect(again.status).toBe(200);
    expect(again.body).toHaveProperty('accessToken');

    const events = await db.query("SELECT actor, reason, details FROM bff_audit_events WHERE type = 'admin_mfa_reset' AND user_id = $1", [user.tokens.user.id]);
    expect(events.rows).toEqual([{ actor: `admin:${admin.tokens.user.id}`, reason: 'mfa_reset', details: { factors: 1, revoked: reset.body.revoked } }]);
    const session = await db.query('SELECT revoked_reason, revoked_by FROM bff_sessions WHERE id = $1', [user.tokens.session.id]);
    expect(session.rows[0]).toEqual({ revoked_reason: 'mfa_reset', revoked_by: `admin:${admin.tokens.user.id}` });

    // Non-admins can't, and admins need a recent authentication (see step-up.e2e-spec for expiry).
    expectEnvelope(await bff.request('DELETE', `/admin/users/${admin.tokens.user.id}/mfa`, { token: again.body.accessToken }), 403, 'forbidden');
    expectEnvelope(await bff.request('DELETE', '/admin/users/0/mfa', { token: admin.tokens.accessToken }), 400, 'validation_failed');
    // Users are named by id, email or username, as on the other admin user routes.
    expectEnvelope(await bff.request('DELETE', '/admin/users/nobody-by-this-name/mfa', { token: admin.tokens.accessToken }), 404, 'not_found');
    // A code-based sign-in for the admin still works after all this.
    expect((await verify(bff, await challengeFor(bff, admin.user), 'totp', await unusedCode(admin.enrolled))).status).toBe(200);
  });
});
