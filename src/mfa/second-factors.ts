import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LimiterStore } from '../limits/limiter-store';
import { isOver, type LimitState, type SharedLimiter } from '../limits/shared-limiter';
import { SecretBox } from '../tokens/secret-box';
import { ChallengesRepository } from './challenges.repository';
import { FactorsRepository } from './factors.repository';
import { subjectKey, type MfaMethod, type MfaSubject } from './mfa-subject';
import { hashRecoveryCode } from './recovery-codes';
import { checkTotp } from './totp';
import { PasskeyFactor } from './passkeys';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';

/** The RFC 8176 `amr` value a method adds to a session. A recovery code is a one-time password too. */
export type SecondFactorAmr = 'otp' | 'hwk';

export type FactorProof =
  | { method: Exclude<MfaMethod, 'passkey'>; code: string }
  /** A WebAuthn assertion, for the sign-in challenge whose options (and sealed state) it answers. */
  | { method: 'passkey'; response: AuthenticationResponseJSON; state: string; challengeId: string };

export interface Verified {
  amr: SecondFactorAmr;
  /** After a recovery code: how many are left. */
  recoveryCodesLeft?: number;
}

export function totpAssociatedData(id: string, subject: MfaSubject): string {
  return `totp:${id}:${subjectKey(subject)}`;
}

/**
 * Checks a second factor, with the limits around it: 5 wrong codes end a challenge, 10 per user
 * lock the factors for 15 minutes (MFA_CHALLENGE_ATTEMPTS, MFA_LIMIT_USER). Each attempt is
 * counted before the code is looked at, in one atomic step of the shared limiter store, so
 * parallel guesses over any number of instances can't get past the limits; a right code gives
 * its point back. Every miss, ended challenge and lock is audited.
 */
@Injectable()
export class SecondFactors {
  private readonly perUser: SharedLimiter;
  private readonly perChallenge: SharedLimiter;

  constructor(
    private readonly factors: FactorsRepository,
    private readonly challenges: ChallengesRepository,
    private readonly box: SecretBox,
    private readonly passkeys: PasskeyFactor,
    private readonly audit: AuditService,
    store: LimiterStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.perUser = store.limiter('mfa-user', config.mfa.user);
    this.perChallenge = store.limiter('mfa-challenge', { points: config.mfa.challengeAttempts, windowMs: config.mfa.challengeTtlMs });
  }

  /** Throws `mfa_locked` while the user's factors are locked, without counting anything. */
  async requireUnlocked(subject: MfaSubject): Promise<void> {
    const state = await this.perUser.peek(subjectKey(subject));
    if (state && state.consumed > state.rate.points) throw locked(state);
  }

  async verify(subject: MfaSubject, proof: FactorProof, context: RequestContext, challengeId?: string, now = new Date()): Promise<Verified> {
    const userKey = subjectKey(subject);
    const byUser = await this.perUser.consume(userKey);
    if (byUser && isOver(byUser)) throw locked(byUser);
    const byChallenge = challengeId ? await this.perChallenge.consume(challengeId) : undefined;
    if (byChallenge && isOver(byChallenge)) {
      await this.perUser.refund(userKey);
      throw new AppError('invalid_mfa_token', 'This sign-in has ended; sign in again');
    }
    const outcome = await this.check(subject, proof, now);
    if (outcome.kind === 'ok' || outcome.kind === 'not_enrolled') await this.perUser.refund(userKey);
    if (outcome.kind === 'ok') return outcome.verified;
    // Asking for a method the user doesn't have is a client mistake, not a guess.
    if (outcome.kind === 'not_enrolled') throw new AppError('mfa_not_enrolled', `No ${proof.method === 'totp' ? 'authenticator app' : proof.method === 'passkey' ? 'passkey' : 'recovery codes'} set up for this account`);
    await this.recordMiss(subject, proof.method, context, byUser, byChallenge, challengeId, now);
    if (outcome.kind === 'clone') {
      await this.audit.recordQuietly({ type: 'passkey_clone_detected', userId: subject.userId, details: { credentialId: outcome.credentialId.slice(0, 64) }, context });
      throw new AppError('passkey_rejected', 'This passkey’s signature counter went backwards, as a copied authenticator’s does; it was refused');
    }
    if (outcome.kind === 'passkey_invalid') throw new AppError('passkey_rejected', 'The passkey answer could not be verified');
    if (outcome.kind === 'reused') throw new AppError('mfa_code_reused', 'This code was already used; wait for the next one');
    const attemptsLeft = byChallenge ? Math.max(0, byChallenge.rate.points - byChallenge.consumed) : undefined;
    throw new AppError('invalid_mfa_code', attemptsLeft === 0 ? 'Wrong code; this sign-in has ended, sign in again' : 'Wrong code', attemptsLeft === undefined ? undefined : { attemptsLeft });
  }

  /**
   * A wrong password at a re-authentication counts against the same per-user limit: a stolen
   * session must not become a way to guess the password.
   */
  async passwordMissed(subject: MfaSubject, context: RequestContext): Promise<void> {
    const byUser = await this.perUser.consume(subjectKey(subject));
    await this.recordMiss(subject, 'password', context, byUser, undefined, undefined, new Date());
  }

  private async check(
    subject: MfaSubject,
    proof: FactorProof,
    now: Date,
  ): Promise<{ kind: 'ok'; verified: Verified } | { kind: 'invalid' | 'reused' | 'not_enrolled' | 'passkey_invalid' } | { kind: 'clone'; credentialId: string }> {
    if (proof.method === 'passkey') {
      const result = await this.passkeys.check(subject, proof.challengeId, proof.state, proof.response, now);
      if (result.kind === 'valid') return { kind: 'ok', verified: { amr: 'hwk' } };
      return result.kind === 'clone' ? result : { kind: 'passkey_invalid' };
    }
    if (proof.method === 'recovery_code') {
      if (!(await this.factors.spendRecoveryCode(subject, hashRecoveryCode(subject, proof.code), now))) {
        return { kind: (await this.factors.recoveryCodesLeft(subject)) > 0 ? 'invalid' : 'not_enrolled' };
      }
      return { kind: 'ok', verified: { amr: 'otp', recoveryCodesLeft: await this.factors.recoveryCodesLeft(subject) } };
    }
    const factor = await this.factors.activeTotp(subject);
    if (!factor) return { kind: 'not_enrolled' };
    const secret = this.box.open(factor.secretEncrypted, totpAssociatedData(factor.id, subject));
    const result = checkTotp(secret, proof.code, now.getTime(), factor.lastUsedStep === null ? null : Number(factor.lastUsedStep));
    if (result.kind !== 'valid') return result;
    // Two requests with one code: the step is claimed atomically, and the second is a replay.
    if (!(await this.factors.claimTotpStep(factor.id, result.step))) return { kind: 'reused' };
    return { kind: 'ok', verified: { amr: 'otp' } };
  }

  private async recordMiss(
    subject: MfaSubject,
    method: FactorProof['method'] | 'password',
    context: RequestContext,
    byUser: LimitState | undefined,
    byChallenge: LimitState | undefined,
    challengeId: string | undefined,
    now: Date,
  ): Promise<void> {
    const userId = subject.userId;
    await this.audit.recordQuietly({ type: 'mfa_failed', userId, details: { method, challengeId: challengeId ?? null }, context });
    if (byChallenge && challengeId && byChallenge.consumed >= byChallenge.rate.points) {
      await this.challenges.end(challengeId, 'attempts', now);
      await this.audit.recordQuietly({ type: 'mfa_challenge_ended', userId, reason: 'attempts', details: { challengeId }, context });
    }
    if (byUser && byUser.consumed === byUser.rate.points) {
      // The lock runs its full length from the miss that caused it, not from the window's start.
      await this.perUser.block(subjectKey(subject), this.config.mfa.user.windowMs);
      await this.audit.recordQuietly({ type: 'mfa_locked', userId, details: { misses: byUser.consumed, lockedForSeconds: Math.ceil(this.config.mfa.user.windowMs / 1000) }, context });
    }
  }
}

function locked(state: LimitState): AppError {
  const seconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  return new AppError('mfa_locked', 'Too many wrong codes: second factors are locked for this account; try again later', { retryAfter: seconds }, undefined, {
    'retry-after': String(seconds),
  });
}
