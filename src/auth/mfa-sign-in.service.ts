import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { ClientContext, Principal } from '../common/principal';
import type { MfaChallengeEntity } from '../mfa/mfa.entities';
import type { MfaSubject } from '../mfa/mfa-subject';
import { SecondFactors, type FactorProof, type SecondFactorAmr } from '../mfa/second-factors';
import { PasskeyFactor } from '../mfa/passkeys';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { SignInGate } from '../mfa/sign-in-gate';
import { amrOf, withMethod, type AuthMethodRef } from '../sessions/assurance';
import { RefreshService } from '../sessions/refresh.service';
import { SessionCache } from '../sessions/session-cache';
import { SessionIssuer, type TokenResponse } from '../sessions/session-issuer';
import { SessionsRepository } from '../sessions/sessions.repository';
import { DeviceTokenService } from '../tokens/device-token.service';
import type { MfaEnrolmentConfirmDto, MfaVerifyDto, TotpEnrolmentDto } from './dto/mfa.dto';
import { MfaEnrolmentService } from './mfa-enrolment.service';

export type VerifiedSignIn = TokenResponse & { deviceToken?: string; recoveryCodesLeft?: number };

/** The second step of a sign-in: an mfaToken and a second factor (or a first enrolment) in, the session out. */
@Injectable()
export class MfaSignInService {
  constructor(
    private readonly gate: SignInGate,
    private readonly secondFactors: SecondFactors,
    private readonly enrolment: MfaEnrolmentService,
    private readonly issuer: SessionIssuer,
    private readonly refresher: RefreshService,
    private readonly sessions: SessionsRepository,
    private readonly cache: SessionCache,
    private readonly audit: AuditService,
    private readonly devices: DeviceTokenService,
    private readonly passkeys: PasskeyFactor,
  ) {}

  async verify(dto: MfaVerifyDto, client: ClientContext): Promise<VerifiedSignIn> {
    const challenge = await this.gate.open(dto.mfaToken, 'verify');
    const verified = await this.secondFactors.verify(subjectOf(challenge), proofOf(dto, challenge.id), client, challenge.id);
    const response = await this.finish(challenge, verified.amr, dto.method, client);
    return verified.recoveryCodesLeft === undefined ? response : { ...response, recoveryCodesLeft: verified.recoveryCodesLeft };
  }

  /** WebAuthn options for answering this sign-in with a passkey. */
  async passkeyOptions(mfaToken: string): Promise<{ options: object; state: string }> {
    const challenge = await this.gate.open(mfaToken, 'verify');
    return this.passkeys.authenticationOptions(subjectOf(challenge), challenge.id);
  }

  /** Enrolment for a user whose role requires a factor they don't have yet: the mfaToken allows only this. */
  async beginEnrolment(mfaToken: string): Promise<TotpEnrolmentDto> {
    const challenge = await this.gate.open(mfaToken, 'enroll');
    const pending = this.gate.read(challenge);
    return this.enrolment.beginTotp(subjectOf(challenge), pending.user.email);
  }

  /** The first code turns TOTP on and completes the waiting sign-in. */
  async confirmEnrolment(dto: MfaEnrolmentConfirmDto, client: ClientContext): Promise<VerifiedSignIn & { recoveryCodes: string[] }> {
    const challenge = await this.gate.open(dto.mfaToken, 'enroll');
    await this.secondFactors.requireUnlocked(subjectOf(challenge));
    const { recoveryCodes } = await this.enrolment.confirmTotp(subjectOf(challenge), dto.code, client);
    return { ...(await this.finish(challenge, 'otp', 'totp', client)), recoveryCodes };
  }

  /** TOTP confirmed from a signed-in session: the code just proved the factor, so this session is aal2 from now. */
  async confirmForSession(principal: Principal, code: string, client: ClientContext): Promise<{ recoveryCodes: string[] }> {
    const subject = { userId: principal.userId, documentId: principal.session.userDocumentId };
    const result = await this.enrolment.confirmTotp(subject, code, client);
    const session = (await this.sessions.getById(principal.sessionId)) ?? principal.session;
    await this.sessions.updateAssurance(session.id, { aal: 2, amr: withMethod(amrOf(session), 'otp'), authTime: new Date() });
    this.cache.evict(session.id);
    return result;
  }

  /** Ends the challenge (exactly once) and gives the waiting sign-in its session, at aal2. */
  private async finish(challenge: MfaChallengeEntity, amr: SecondFactorAmr, method: string, client: ClientContext): Promise<VerifiedSignIn> {
    const pending = await this.gate.complete(challenge);
    const now = new Date();
    const userId = pending.user.id;
    await this.audit.record({ type: 'mfa_verified', userId, sessionId: challenge.sessionId, details: { method, challengeId: challenge.id, flow: challenge.flow }, context: client });
    if (challenge.flow === 'reissue' && challenge.sessionId) {
      const issued = await this.refresher.reissue(challenge.sessionId, pending.credential, now);
      const assurance = { aal: 2, amr: withMethod(amrOf(issued.session), amr), authTime: now };
      await this.sessions.updateAssurance(challenge.sessionId, assurance);
      this.cache.evict(challenge.sessionId);
      return this.issuer.respond({ ...issued, session: Object.assign(issued.session, assurance) });
    }
    const amrs: AuthMethodRef[] = [pending.firstFactor, amr];
    const response = await this.issuer.start(pending, { aal: 2, amr: amrs, authTime: now }, client, now);
    const sessionId = response.session.id;
    switch (challenge.flow) {
      case 'login':
        await this.audit.record({ type: 'login_succeeded', userId, sessionId, details: { mfa: method }, context: client });
        return { ...response, deviceToken: this.devices.issue({ userId, email: pending.user.email, username: pending.user.username }) };
      case 'provider':
        await this.audit.record({ type: 'login_succeeded', userId, sessionId, details: { provider: true, mfa: method }, context: client });
        return response;
      case 'register':
        await this.audit.record({ type: 'registered', userId, sessionId, details: { mfa: method }, context: client });
        return response;
      case 'reset':
      case 'reissue':
        await this.audit.record({ type: 'password_reset', userId, sessionId, details: { mfa: method }, context: client });
        return response;
    }
  }
}

function proofOf(dto: MfaVerifyDto, challengeId: string): FactorProof {
  if (dto.method === 'passkey') {
    if (!dto.passkey || !dto.passkeyState) throw invalid('passkey', 'passkey and passkeyState are required for this method');
    return { method: 'passkey', response: dto.passkey as unknown as AuthenticationResponseJSON, state: dto.passkeyState, challengeId };
  }
  if (!dto.code) throw invalid('code', 'code is required for this method');
  return { method: dto.method, code: dto.code };
}

function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', 'The request is invalid', [{ field, errors: [message] }]);
}

function subjectOf(challenge: MfaChallengeEntity): MfaSubject {
  return { userId: challenge.userId, documentId: challenge.userDocumentId };
}
