import { Client } from 'pg';
import { MFA_DEFAULTS, startBff, type RunningBff } from '../support/bff';
import { testDatabaseUrl } from '../support/database';
import { decodeJwtPart, expectEnvelope, refresh } from '../support/flows';
import { challengeFor, enrolTotp, loginFor, registerUser, unusedCode, verify, wrongCode, type ChallengeBody } from '../support/mfa';

describe('TOTP second factor at sign-in, against the real Strapi', () => {
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

  const sessionsOf = async (userId: number): Promise<number> =>
    Number(((await db.query('SELECT count(*) AS n FROM bff_sessions WHERE user_id = $1', [userId])).rows[0] as { n: string }).n);

  it('enrols an authenticator app, then signs in with password and code; the token says how (amr, acr, auth_time)', async () => {
    const user = await registerUser(bff);
    const status = await bff.request<{ totp: boolean; methods: string[] }>('GET', '/auth/mfa', { token: user.tokens.accessToken });
    expect(status.body).toMatchObject({ totp: false, methods: [], required: false });

    const started = await bff.request<{ secret: string; otpauthUrl: string; qrSvg: string }>('POST', '/auth/mfa/totp', { token: user.tokens.accessToken });
    expect(started.status).toBe(200);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUrl).toMatch(new RegExp(`^otpauth://totp/.+${encodeURIComponent(user.email)}\\?.*secret=${started.body.secret}`));
    expect(started.body.qrSvg).toMatch(/^<svg /);
    expectEnvelope(await bff.request('POST', '/auth/mfa/totp/confirm', { token: user.tokens.accessToken, json: { code: wrongCode(started.body.secret) } }), 401, 'invalid_mfa_code');
    const enrolled = await enrolTotp(bff, user.tokens.accessToken);
    expect(enrolled.recoveryCodes).toHaveLength(10);
    // ≥ 50 bits each: 12 symbols of a 32-symbol alphabet.
    for (const code of enrolled.recoveryCodes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
    expect(new Set(enrolled.recoveryCodes).size).toBe(10);
    expectEnvelope(await bff.request('POST', '/auth/mfa/totp', { token: user.tokens.accessToken }), 409, 'mfa_already_enabled');
    // Confirming proved the factor on this session.
    const me = await bff.request<{ totp: boolean; recoveryCodesLeft: number; methods: string[] }>('GET', '/auth/mfa', { token: user.tokens.accessToken });
    expect(me.body).toMatchObject({ totp: true, recoveryCodesLeft: 10, methods: ['totp', 'recovery_code'] });

    const before = await sessionsOf(user.tokens.user.id);
    const challenge = await loginFor(bff, user, 'second device');
    expect(challenge.status).toBe(200);
    expect(challenge.headers.get('cache-control')).toBe('no-store');
    expect(challenge.body).toEqual({ mfaRequired: true, mfaToken: expect.stringMatching(/^bffmfa_/), methods: ['totp', 'recovery_code'], expiresIn: 300 });
    expect(challenge.body).not.toHaveProperty('accessToken');
    expect(await sessionsOf(user.tokens.user.id)).toBe(before);
    // The mfaToken is not an access token.
    expect((await bff.request('GET', '/auth/me', { token: challenge.body.mfaToken })).status).toBe(401);

    const wrong = expectEnvelope(await verify(bff, challenge.body.mfaToken, 'totp', wrongCode(enrolled.secret)), 401, 'invalid_mfa_code');
    expect(wrong.details).toEqual({ attemptsLeft: 4 });
    const signedIn = await verify(bff, challenge.body.mfaToken, 'totp', await unusedCode(enrolled));
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ tokenType: 'Bearer', user: { id: user.tokens.user.id } });
    const claims = decodeJwtPart(signedIn.body.accessToken, 1);
    expect(claims).toMatchObject({ amr: ['pwd', 'otp'], acr: 'aal2' });
    expect(Math.abs(Number(claims.auth_time) - Date.now() / 1000)).toBeLessThan(30);
    expect(await sessionsOf(user.tokens.user.id)).toBe(before + 1);
    expect((await refresh(bff, signedIn.body.refreshToken)).status).toBe(200);

    // Single use: the challenge is over.
    expectEnvelope(await verify(bff, challenge.body.mfaToken, 'totp', wrongCode(enrolled.secret)), 401, 'invalid_mfa_token');
    const audit = await db.query('SELECT type FROM bff_audit_events WHERE user_id = $1 ORDER BY id', [user.tokens.user.id]);
    expect(audit.rows.map((row: { type: string }) => row.type)).toEqual(
      expect.arrayContaining(['mfa_enabled', 'mfa_challenge_started', 'mfa_failed', 'mfa_verified', 'login_succeeded']),
    );
  });

  it('refuses a code that was already used in its time step', async () => {
    const user = await registerUser(bff);
    const enrolled = await enrolTotp(bff, user.tokens.accessToken);
    const code = await unusedCode(enrolled);
    expect((await verify(bff, await challengeFor(bff, user), 'totp', code)).status).toBe(200);
    expectEnvelope(await verify(bff, await challengeFor(bff, user), 'totp', code), 401, 'mfa_code_reused');
    // The same code twice at the same moment: exactly one of them gets in.
    const next = await unusedCode(enrolled);
    const [first, second] = await Promise.all([challengeFor(bff, user), challengeFor(bff, user)]);
    const answers = await Promise.all([verify(bff, first, 'totp', next), verify(bff, second, 'totp', next)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
    expect(answers.find((answer) => answer.status === 401)?.body.code).toBe('mfa_code_reused');
  });

  it('takes each recovery code once, says how many are left, and a new set replaces the old', async () => {
    const user = await registerUser(bff);
    const enrolled = await enrolTotp(bff, user.tokens.accessToken);
    const [firstCode, secondCode] = enrolled.recoveryCodes;

    const first = await verify(bff, await challengeFor(bff, user), 'recovery_code', firstCode.toUpperCase());
    expect(first.status).toBe(200);
    expect(first.body.recoveryCodesLeft).toBe(9);
    expect(decodeJwtPart(first.body.accessToken, 1)).toMatchObject({ amr: ['pwd', 'otp'], acr: 'aal2' });
    expectEnvelope(await verify(bff, await challengeFor(bff, user), 'recovery_code', firstCode), 401, 'invalid_mfa_code');
    const second = await verify(bff, await challengeFor(bff, user), 'recovery_code', secondCode.replace(/-/g, ''));
    expect(second.body.recoveryCodesLeft).toBe(8);
    const used = await db.query("SELECT count(*) AS n FROM bff_audit_events WHERE user_id = $1 AND type = 'mfa_verified' AND details->>'method' = 'recovery_code'", [user.tokens.user.id]);
    expect(Number((used.rows[0] as { n: string }).n)).toBe(2);

    const regenerated = await bff.request<{ recoveryCodes: string[] }>('POST', '/auth/mfa/recovery-codes', { token: second.body.accessToken });
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.recoveryCodes).toHaveLength(10);
    expectEnvelope(await verify(bff, await challengeFor(bff, user), 'recovery_code', enrolled.recoveryCodes[2]), 401, 'invalid_mfa_code');
    const fresh = await verify(bff, await challengeFor(bff, user), 'recovery_code', regenerated.body.recoveryCodes[0]);
    expect(fresh.body.recoveryCodesLeft).toBe(9);
  });

  it('in cookie mode, answers the challenge as JSON and sets the session cookies only once the code is in', async () => {
    const user = await registerUser(bff);
    const enrolled = await enrolTotp(bff, user.tokens.accessToken);
    const browser = { 'x-bff-transport': 'cookie' };
    const challenge = await bff.request<ChallengeBody>('POST', '/auth/login', { json: { identifier: user.email, password: user.password }, headers: browser });
    expect(challenge.status).toBe(200);
    expect(challenge.headers.get('set-cookie')).toBeNull();
    const verified = await bff.request('POST', '/auth/mfa/verify', {
      json: { mfaToken: challenge.body.mfaToken, method: 'totp', code: await unusedCode(enrolled) },
      headers: browser,
    });
    expect(verified.status).toBe(200);
    const cookies = verified.headers.getSetCookie().map((cookie) => cookie.split('=')[0]);
    expect(cookies).toEqual(expect.arrayContaining(['__Host-bff_access', '__Host-bff_refresh', '__Host-bff-device']));
    expect(verified.body).not.toHaveProperty('accessToken');
    expect(verified.body).not.toHaveProperty('refreshToken');
  });

  it('answers bad input with clear 4xx codes, never 500', async () => {
    const user = await registerUser(bff);
    await enrolTotp(bff, user.tokens.accessToken);
    const mfaToken = await challengeFor(bff, user);
    expectEnvelope(await bff.request('POST', '/auth/mfa/verify', { json: { mfaToken, method: 'sms', code: '123456' } }), 400, 'validation_failed');
    expectEnvelope(await bff.request('POST', '/auth/mfa/verify', { json: { mfaToken, method: 'totp' } }), 400, 'validation_failed');
    expectEnvelope(await bff.request('POST', '/auth/mfa/verify', { json: { method: 'totp', code: '123456' } }), 400, 'validation_failed');
    expectEnvelope(await verify(bff, 'bffmfa_not-a-real-token', 'totp', '123456'), 401, 'invalid_mfa_token');
    expectEnvelope(await verify(bff, 'garbage', 'totp', '123456'), 401, 'invalid_mfa_token');
    expectEnvelope(await verify(bff, mfaToken, 'totp', 'abcdef'), 401, 'invalid_mfa_code');
    expectEnvelope(await bff.request('POST', '/auth/mfa/totp/confirm', { token: user.tokens.accessToken, json: { code: 42 } }), 400, 'validation_failed');
  });

  it('lets users without a factor, in roles that need none, sign in as before', async () => {
    const user = await registerUser(bff);
    const answer = await loginFor(bff, user);
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveProperty('accessToken');
    expect(decodeJwtPart(answer.body.accessToken, 1)).toMatchObject({ amr: ['pwd'], acr: 'aal1' });
  });
});
