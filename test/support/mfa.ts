import { randomUUID } from 'node:crypto';
import { generateSync } from 'otplib';
import { request as httpRequest, strapiFixtureUrl, type ApiResponse, type RunningBff } from './bff';
import { until, type ErrorBody, type TokenBody } from './flows';

/** A user of a test's own: factors set up on a seeded user would change every other spec's sign-ins. */
export interface MfaUser {
  username: string;
  email: string;
  password: string;
  tokens: TokenBody;
}

export interface ChallengeBody {
  mfaRequired?: true;
  mfaEnrollmentRequired?: true;
  mfaToken: string;
  methods: string[];
  expiresIn: number;
}

export interface Enrolled {
  secret: string;
  recoveryCodes: string[];
  /** The 30 s step of the last code used, so the next one can be from a later step (codes are single use). */
  lastStep: number;
}

const STEP_MS = 30_000;
const currentStep = (): number => Math.floor(Date.now() / STEP_MS);

/** Registers a fresh user through the BFF (roles that don't require MFA get tokens at once). */
export async function registerUser(bff: RunningBff, prefix = 'mfa'): Promise<MfaUser> {
  const username = `${prefix}${randomUUID().slice(0, 8)}`;
  const email = `${username}@example.com`;
  const password = 'Passw0rd!';
  const created = await bff.request<TokenBody>('POST', '/auth/register', { json: { username, email, password, deviceName: 'first' } });
  if (created.status !== 201) throw new Error(`register ${username}: ${created.status} ${created.text}`);
  return { username, email, password, tokens: created.body };
}

/** Gives a user another Strapi role, as an admin would in Strapi's panel (the fixture's test-only route). */
export async function setRole(username: string, type: 'bff-admin' | 'authenticated'): Promise<void> {
  const response = await httpRequest(strapiFixtureUrl(), 'PUT', `/api/test-admin/users/${username}/role`, { json: { type } });
  if (response.status !== 200) throw new Error(`set role of ${username}: ${response.status} ${response.text}`);
}

/** A TOTP code `stepsAhead` steps from now (the BFF accepts one step either side). */
export function totpCode(secret: string, stepsAhead = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

/**
 * A code that hasn't been used yet: from the step after the current one, once that step is later
 * than the last one used. Waits for the clock (at most one 30 s step) when it has to.
 */
export async function unusedCode(enrolled: Enrolled): Promise<string> {
  await until('a TOTP step after the last one used', () => currentStep() + 1 > enrolled.lastStep, 40_000);
  enrolled.lastStep = currentStep() + 1;
  return totpCode(enrolled.secret, 1);
}

/** Sets up TOTP from a signed-in session: start, confirm with the current code. */
export async function enrolTotp(bff: RunningBff, accessToken: string): Promise<Enrolled> {
  const started = await bff.request<{ secret: string; otpauthUrl: string; qrSvg: string }>('POST', '/auth/mfa/totp', { token: accessToken });
  if (started.status !== 200) throw new Error(`POST /auth/mfa/totp: ${started.status} ${started.text}`);
  const step = currentStep();
  const confirmed = await bff.request<{ recoveryCodes: string[] }>('POST', '/auth/mfa/totp/confirm', { token: accessToken, json: { code: totpCode(started.body.secret) } });
  if (confirmed.status !== 200) throw new Error(`POST /auth/mfa/totp/confirm: ${confirmed.status} ${confirmed.text}`);
  return { secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes, lastStep: step };
}

export function loginFor(bff: RunningBff, user: Pick<MfaUser, 'email' | 'password'>, deviceName?: string): Promise<ApiResponse<ChallengeBody & TokenBody & ErrorBody>> {
  return bff.request('POST', '/auth/login', { json: { identifier: user.email, password: user.password, deviceName } });
}

/** Signs in up to the challenge and returns its mfaToken. */
export async function challengeFor(bff: RunningBff, user: Pick<MfaUser, 'email' | 'password'>): Promise<string> {
  const answer = await loginFor(bff, user);
  if (answer.status !== 200 || !answer.body.mfaToken) throw new Error(`expected an MFA challenge: ${answer.status} ${answer.text}`);
  return answer.body.mfaToken;
}

export function verify(bff: RunningBff, mfaToken: string, method: string, code: string): Promise<ApiResponse<TokenBody & ErrorBody & { recoveryCodesLeft?: number }>> {
  return bff.request('POST', '/auth/mfa/verify', { json: { mfaToken, method, code } });
}

/** A code of six digits that is not the right one at any step near now. */
export function wrongCode(secret: string): string {
  const near = new Set([-1, 0, 1, 2].map((offset) => totpCode(secret, offset)));
  for (let candidate = 0; ; candidate++) {
    const code = String(candidate).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}
