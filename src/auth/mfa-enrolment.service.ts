import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FactorsRepository } from '../mfa/factors.repository';
import { availableMethods, type MfaSubject } from '../mfa/mfa-subject';
import { generateRecoveryCodes, hashRecoveryCode } from '../mfa/recovery-codes';
import { totpAssociatedData } from '../mfa/second-factors';
import { checkTotp, newTotpSecret, otpauthUrl, qrSvg } from '../mfa/totp';
import { SecretBox } from '../tokens/secret-box';
import { PasskeyFactor } from '../mfa/passkeys';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { MfaStatusDto, TotpEnrolmentDto } from './dto/mfa.dto';

/** Setting factors up and taking them down: TOTP enrolment, recovery codes, and what a user has. */
@Injectable()
export class MfaEnrolmentService {
  constructor(
    private readonly factors: FactorsRepository,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    private readonly passkeys: PasskeyFactor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(subject: MfaSubject, role: string | null): Promise<MfaStatusDto> {
    const summary = await this.factors.summary(subject);
    return { ...summary, required: role !== null && this.config.mfa.requiredRoles.includes(role), methods: availableMethods(summary) };
  }

  /** A new secret, pending until its first code is confirmed; an earlier unconfirmed one is replaced. */
  async beginTotp(subject: MfaSubject, account: string, now = new Date()): Promise<TotpEnrolmentDto> {
    if (await this.factors.activeTotp(subject)) throw new AppError('mfa_already_enabled', 'An authenticator app is already set up; turn it off first to replace it');
    const secret = newTotpSecret();
    await this.factors.startTotp(subject, (id) => this.box.seal(secret, totpAssociatedData(id, subject)), now);
    const url = otpauthUrl(secret, this.config.mfa.totpIssuer, account);
    return { secret, otpauthUrl: url, qrSvg: await qrSvg(url) };
  }

  /** The first code turns TOTP on; the answer carries the ten recovery codes, the only time they are shown. */
  async confirmTotp(subject: MfaSubject, code: string, context: RequestContext, now = new Date()): Promise<{ recoveryCodes: string[] }> {
    const pending = await this.factors.pendingTotp(subject);
    if (!pending) throw new AppError('mfa_not_enrolled', 'No enrolment is waiting: start with POST /auth/mfa/totp');
    const check = checkTotp(this.box.open(pending.secretEncrypted, totpAssociatedData(pending.id, subject)), code, now.getTime(), null);
    if (check.kind !== 'valid') throw new AppError('invalid_mfa_code', 'Wrong code: check the authenticator app’s clock and try the current code');
    if (!(await this.factors.confirmTotp(pending.id, check.step, now))) throw new AppError('mfa_already_enabled', 'An authenticator app is already set up');
    const recoveryCodes = await this.newRecoveryCodes(subject, now);
    await this.audit.record({ type: 'mfa_enabled', userId: subject.userId, details: { method: 'totp' }, context });
    return { recoveryCodes };
  }

  async disableTotp(subject: MfaSubject, context: RequestContext): Promise<void> {
    if ((await this.factors.deleteTotp(subject)) === 0) throw new AppError('mfa_not_enrolled', 'No authenticator app is set up');
    const left = await this.factors.summary(subject);
    // Recovery codes stand in for a factor; with none left they would be a password of their own.
    if (!left.totp && left.passkeys === 0) await this.factors.deleteRecoveryCodes(subject);
    await this.audit.record({ type: 'mfa_disabled', userId: subject.userId, details: { method: 'totp' }, context });
  }

  async regenerateRecoveryCodes(subject: MfaSubject, context: RequestContext, now = new Date()): Promise<{ recoveryCodes: string[] }> {
    const summary = await this.factors.summary(subject);
    if (!summary.totp && summary.passkeys === 0) throw new AppError('mfa_not_enrolled', 'Set up a second factor first; recovery codes come with it');
    const recoveryCodes = await this.newRecoveryCodes(subject, now);
    await this.audit.record({ type: 'recovery_codes_regenerated', userId: subject.userId, context });
    return { recoveryCodes };
  }

  async passkeyOptions(subject: MfaSubject, userName: string): Promise<{ options: object; state: string }> {
    return this.passkeys.registrationOptions(subject, userName);
  }

  /** A new passkey; when it is the user's first factor, the recovery codes come with it (once). */
  async registerPasskey(subject: MfaSubject, state: string, response: RegistrationResponseJSON, context: RequestContext): Promise<{ id: string; recoveryCodes?: string[] }> {
    const before = await this.factors.summary(subject);
    const id = await this.passkeys.register(subject, state, response);
    await this.audit.record({ type: 'passkey_registered', userId: subject.userId, details: { passkeyId: id }, context });
    if (before.totp || before.passkeys > 0) return { id };
    return { id, recoveryCodes: await this.newRecoveryCodes(subject, new Date()) };
  }

  private async newRecoveryCodes(subject: MfaSubject, now: Date): Promise<string[]> {
    const codes = generateRecoveryCodes();
    await this.factors.replaceRecoveryCodes(
      subject,
      codes.map((code) => hashRecoveryCode(subject, code)),
      now,
    );
    return codes;
  }
}
