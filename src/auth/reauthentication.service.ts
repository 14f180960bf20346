import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { ClientContext, Principal } from '../common/principal';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FactorsRepository } from '../mfa/factors.repository';
import { availableMethods, type MfaSubject } from '../mfa/mfa-subject';
import { SecondFactors } from '../mfa/second-factors';
import { amrOf, withMethod, type AuthMethodRef } from '../sessions/assurance';
import { SessionCache } from '../sessions/session-cache';
import { SessionsRepository } from '../sessions/sessions.repository';
import { StrapiClient } from '../strapi/strapi.client';
import type { ReauthenticateDto, ReauthenticatedDto } from './dto/mfa.dto';

/**
 * Step-up on the current session, with no new sign-in: a fresh proof moves `authTime` to now (and
 * a second factor raises the session to aal2). An account with a second factor must use it, so
 * freshness always means the strongest proof the user has; the password alone is for accounts
 * without one. Wrong answers count against the same per-user limit as sign-in codes.
 */
@Injectable()
export class ReauthenticationService {
  constructor(
    private readonly factors: FactorsRepository,
    private readonly secondFactors: SecondFactors,
    private readonly sessions: SessionsRepository,
    private readonly cache: SessionCache,
    private readonly strapi: StrapiClient,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reauthenticate(principal: Principal, dto: ReauthenticateDto, client: ClientContext): Promise<ReauthenticatedDto> {
    const session = (await this.sessions.getById(principal.sessionId)) ?? principal.session;
    const subject: MfaSubject = { userId: session.userId, documentId: session.userDocumentId };
    const methods = availableMethods(await this.factors.summary(subject));
    let method: AuthMethodRef;
    let aal = session.aal;
    let recoveryCodesLeft: number | undefined;
    if (dto.method) {
      if (!dto.code) throw invalid('code', 'code is required with method');
      const verified = await this.secondFactors.verify(subject, { method: dto.method, code: dto.code }, client);
      method = verified.amr;
      aal = 2;
      recoveryCodesLeft = verified.recoveryCodesLeft;
    } else if (methods.length > 0) {
      throw new AppError('mfa_required', 'This account has a second factor: re-authenticate with it (method and code)', { methods });
    } else if (dto.password) {
      await this.checkPassword(session.email, dto.password, subject, client);
      method = 'pwd';
    } else {
      throw invalid('password', 'Send the password, or a second factor as method and code');
    }
    const now = new Date();
    const assurance = { aal, amr: withMethod(amrOf(session), method), authTime: now };
    await this.sessions.updateAssurance(session.id, assurance);
    this.cache.evict(session.id);
    await this.audit.record({ type: 'reauthenticated', userId: session.userId, sessionId: session.id, details: { method, aal }, context: client });
    return {
      aal,
      amr: assurance.amr.split(' '),
      authTime: now.toISOString(),
      freshUntil: new Date(now.getTime() + this.config.mfa.reauthMaxAgeMs).toISOString(),
      ...(recoveryCodesLeft === undefined ? {} : { recoveryCodesLeft }),
    };
  }

  private async checkPassword(email: string, password: string, subject: MfaSubject, client: ClientContext): Promise<void> {
    await this.secondFactors.requireUnlocked(subject);
    try {
      const auth = await this.strapi.login(email, password, client);
      // Strapi's refresh mode opened a Strapi session for this check; it is not needed.
      if (auth.refreshToken) void this.strapi.logout(auth.jwt, auth.refreshToken).catch(() => undefined);
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_credentials') await this.secondFactors.passwordMissed(subject, client);
      throw error;
    }
  }
}

function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', 'The request is invalid', [{ field, errors: [message] }]);
}
