import { MFA_DEFAULTS, startBff } from '../support/bff';
import { expectEnvelope } from '../support/flows';
import { challengeFor, enrolTotp, registerUser, totpCode, verify, wrongCode } from '../support/mfa';
import type { TwoInstances } from '../support/instances';
import { Client } from 'pg';
import { testDatabaseUrl } from '../support/database';

describe('second-factor limits, counted across two BFF instances', () => {
  const two = {} as TwoInstances;
  beforeAll(async () => {
    [two.a, two.b] = await Promise.all([startBff(MFA_DEFAULTS), startBff(MFA_DEFAULTS)]);
    two.db = new Client({ connectionString: testDatabaseUrl() });
    await two.db.connect();
  });
  afterAll(async () => {
    await Promise.all([two.a.close(), two.b.close(), two.db.end()]);
  });

  const auditCount = async (userId: number, type: string): Promise<number> =>
    Number(((await two.db.query('SELECT count(*) AS n FROM bff_audit_events WHERE user_id = $1 AND type = $2', [userId, type])).rows[0] as { n: string }).n);

  it('ends a challenge after 5 wrong codes and locks the factors after 10 per user, on every instance', async () => {
    const user = await registerUser(two.a);
    const userId = user.tokens.user.id;
    const enrolled = await enrolTotp(two.a, user.tokens.accessToken);
    const wrong = wrongCode(enrolled.secret);

    // One challenge, answered wrongly on both instances in turn: the fifth miss ends it.
    const first = await challengeFor(two.a, user);
    const misses = [];
    for (let i = 0; i < 5; i++) misses.push(expectEnvelope(await verify(i % 2 === 0 ? two.a : two.b, first, 'totp', wrong), 401, 'invalid_mfa_code').details);
    expect(misses).toEqual([4, 3, 2, 1, 0].map((attemptsLeft) => ({ attemptsLeft })));
    expectEnvelope(await verify(two.b, first, 'totp', wrong), 401, 'invalid_mfa_token');
    expect(await auditCount(userId, 'mfa_challenge_ended')).toBe(1);

    // Five more, all at once over both instances: with the five before, the user is at 10 and locked.
    const second = await challengeFor(two.b, user);
    const parallel = await Promise.all(Array.from({ length: 5 }, (_, i) => verify(i % 2 === 0 ? two.a : two.b, second, 'totp', wrong)));
    expect(parallel.map((answer) => answer.body.code)).toEqual(Array(5).fill('invalid_mfa_code'));
    expect(await auditCount(userId, 'mfa_locked')).toBe(1);
    expect(await auditCount(userId, 'mfa_failed')).toBe(10);

    // Now even the right code is refused, on either instance, with a Retry-After of about 15 minutes.
    for (const instance of [two.a, two.b]) {
      // The next step's code, never used: right, and refused all the same.
      const locked = await verify(instance, await challengeFor(instance, user), 'totp', totpCode(enrolled.secret, 1));
      expectEnvelope(locked, 429, 'mfa_locked');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    }
    expectEnvelope(await verify(two.a, await challengeFor(two.a, user), 'recovery_code', enrolled.recoveryCodes[0]), 429, 'mfa_locked');
  });

  it('lets 12 parallel wrong guesses over both instances past the limit not once', async () => {
    const user = await registerUser(two.b);
    const enrolled = await enrolTotp(two.b, user.tokens.accessToken);
    const tokens = await Promise.all(Array.from({ length: 4 }, (_, i) => challengeFor(i % 2 === 0 ? two.a : two.b, user)));
    // 4 challenges × 3 guesses = 12 attempts against a limit of 10 per user.
    const answers = await Promise.all(tokens.flatMap((token, i) => [0, 1, 2].map(() => verify(i % 2 === 0 ? two.b : two.a, token, 'totp', wrongCode(enrolled.secret)))));
    const codes = answers.map((answer) => answer.body.code);
    expect(codes.filter((code) => code === 'invalid_mfa_code')).toHaveLength(10);
    expect(codes.filter((code) => code === 'mfa_locked')).toHaveLength(2);
    expect(await auditCount(user.tokens.user.id, 'mfa_failed')).toBe(10);
  });

  it('gives one session for one mfaToken, however many valid answers race for it over both instances', async () => {
    const user = await registerUser(two.a);
    const enrolled = await enrolTotp(two.a, user.tokens.accessToken);
    const mfaToken = await challengeFor(two.b, user);
    // Six different valid recovery codes, all at once, half on each instance.
    const answers = await Promise.all(enrolled.recoveryCodes.slice(0, 6).map((code, i) => verify(i % 2 === 0 ? two.a : two.b, mfaToken, 'recovery_code', code)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    for (const answer of answers.filter((answer) => answer.status !== 200)) expectEnvelope(answer, 401, 'invalid_mfa_token');
    // The token isn't accepted in another spelling either.
    for (const variant of [mfaToken.toUpperCase(), ` ${mfaToken}`, encodeURIComponent(mfaToken).replace(/_/g, '%5F')]) {
      expect((await verify(two.a, variant, 'recovery_code', enrolled.recoveryCodes[9])).status).toBeGreaterThanOrEqual(400);
    }
  });
});
