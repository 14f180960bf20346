import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { AlternativeAnswer } from '../common/alternative-answer';
import { AppError } from '../common/app-error';
import type { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SecretBox } from '../tokens/secret-box';
import { ChallengesRepository } from './challenges.repository';
import { FactorsRepository } from './factors.repository';
import { MfaChallengeEntity, type ChallengeFlow, type ChallengePurpose } from './mfa.entities';
import { availableMethods, type MfaMethod, type MfaSubject } from './mfa-subject';
import { decideSignIn, type SignInDecision } from './sign-in-policy';

const TOKEN_PREFIX = 'bffmfa_';

/** A first step that Strapi accepted, waiting (sealed) for the second. */
export interface PendingSignIn {
  credential: { jwt: string; refreshToken?: string };
  user: { id: number; documentId: string | null; username: string; email: string };
  role: string | null;
  deviceName: string | null;
  /** RFC 8176: `pwd` for a password, `fed` for a provider (federated) sign-in. */
  firstFactor: 'pwd' | 'fed';
}

/** What the client gets instead of tokens. */
export type ChallengeAnswer =
  | { mfaRequired: true; mfaToken: string; methods: MfaMethod[]; expiresIn: number }
  | { mfaEnrollmentRequired: true; mfaToken: string; methods: MfaMethod[]; expiresIn: number };

/**
 * The shell around decideSignIn(): loads what the user has set up, and when a second factor is
 * needed, parks the sign-in in a challenge and answers its mfaToken instead of a session.
 *
 * The mfaToken is opaque (256 random bits), stored only as its SHA-256, single use and short-lived
 * (MFA_CHALLENGE_TTL); Strapi's credentials wait sealed with AES-256-GCM, bound to the challenge.
 */
@Injectable()
export class SignInGate {
  constructor(
    private readonly factors: FactorsRepository,
    private readonly challenges: ChallengesRepository,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async decide(subject: MfaSubject, role: string | null, currentAal?: number): Promise<SignInDecision> {
    if (currentAal !== undefined && currentAal >= 2) return { kind: 'issue' };
    const methods = availableMethods(await this.factors.summary(subject));
    return decideSignIn({ methods, role, requiredRoles: this.config.mfa.requiredRoles, currentAal });
  }

  /** Parks the sign-in and returns the answer to throw (see AlternativeAnswer). */
  async challenge(
    decision: Exclude<SignInDecision, { kind: 'issue' }>,
    pending: PendingSignIn,
    flow: ChallengeFlow,
    context: RequestContext,
    sessionId: string | null = null,
    now = new Date(),
  ): Promise<AlternativeAnswer> {
    const id = randomUUID();
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const purpose: ChallengePurpose = decision.kind === 'verify' ? 'verify' : 'enroll';
    const challenge: MfaChallengeEntity = {
      id,
      tokenHash: hashChallengeToken(token),
      purpose,
      flow,
      userId: pending.user.id,
      userDocumentId: pending.user.documentId,
      sessionId,
      pendingEncrypted: this.box.seal(JSON.stringify(pending), challengeAssociatedData(id)),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.mfa.challengeTtlMs),
      endedAt: null,
      endReason: null,
    };
    await this.challenges.insert(challenge);
    await this.audit.record({ type: 'mfa_challenge_started', userId: pending.user.id, sessionId, details: { challengeId: id, purpose, flow }, context });
    const expiresIn = Math.floor(this.config.mfa.challengeTtlMs / 1000);
    const answer: ChallengeAnswer =
      decision.kind === 'verify'
        ? { mfaRequired: true, mfaToken: token, methods: decision.methods, expiresIn }
        : { mfaEnrollmentRequired: true, mfaToken: token, methods: ['totp'], expiresIn };
    return new AlternativeAnswer(200, answer);
  }

  /** The open challenge behind an mfaToken, for the given purpose. */
  async open(mfaToken: string, purpose: ChallengePurpose, now = new Date()): Promise<MfaChallengeEntity> {
    const challenge = mfaToken.startsWith(TOKEN_PREFIX) ? await this.challenges.findOpen(hashChallengeToken(mfaToken), now) : null;
    if (!challenge) throw new AppError('invalid_mfa_token', 'The mfaToken is invalid, used or expired; sign in again');
    if (challenge.purpose !== purpose) {
      throw purpose === 'verify'
        ? new AppError('mfa_enrollment_required', 'Set up a second factor first: POST /auth/mfa/enrollment/totp with this mfaToken')
        : new AppError('invalid_mfa_token', 'This mfaToken is for verifying a second factor: POST /auth/mfa/verify');
    }
    return challenge;
  }

  /** The waiting sign-in, without ending the challenge (enrolment needs the account's name for the authenticator app). */
  read(challenge: MfaChallengeEntity): PendingSignIn {
    if (!challenge.pendingEncrypted) throw new AppError('invalid_mfa_token', 'The mfaToken is invalid, used or expired; sign in again');
    return JSON.parse(this.box.open(challenge.pendingEncrypted, challengeAssociatedData(challenge.id))) as PendingSignIn;
  }

  /** Ends the challenge and hands back its sign-in, exactly once. */
  async complete(challenge: MfaChallengeEntity, now = new Date()): Promise<PendingSignIn> {
    const sealed = await this.challenges.complete(challenge.id, now);
    if (!sealed) throw new AppError('invalid_mfa_token', 'The mfaToken is invalid, used or expired; sign in again');
    return JSON.parse(this.box.open(sealed, challengeAssociatedData(challenge.id))) as PendingSignIn;
  }
}

export function hashChallengeToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function challengeAssociatedData(id: string): string {
  return `mfa-challenge:${id}`;
}
