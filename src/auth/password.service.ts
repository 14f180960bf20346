import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { SessionService } from '../sessions/session.service';
import { StrapiCredentials } from '../sessions/strapi-credentials';
import { StrapiClient } from '../strapi/strapi.client';
import { AuthService } from './auth.service';
import type { ChangePasswordDto, ResetPasswordDto } from './dto/auth-requests.dto';
import type { TokenResponseDto } from './dto/auth-responses.dto';
import type { ClientContext, Principal } from './principal';

/** Strapi's password and email-confirmation flows, with what they mean for BFF sessions. */
@Injectable()
export class PasswordService {
  constructor(
    private readonly strapi: StrapiClient,
    private readonly sessions: SessionService,
    private readonly credentials: StrapiCredentials,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /** Every other session of the user ends; this one continues with Strapi's new JWT and fresh tokens. */
  async changePassword(principal: Principal, dto: ChangePasswordDto, client: ClientContext): Promise<TokenResponseDto> {
    const current = await this.sessions.getById(principal.sessionId);
    const changed = await this.strapi.changePassword(await this.credentials.jwtFor(current ?? principal.session), dto);
    await this.sessions.revoke({ userId: principal.userId, exceptSessionId: principal.sessionId }, { reason: 'password_changed', actor: 'self', context: client });
    await this.audit.record({ type: 'password_changed', userId: principal.userId, sessionId: principal.sessionId, context: client });
    return this.auth.tokenResponse(await this.sessions.reissue(principal.sessionId, { jwt: changed.jwt, refreshToken: changed.refreshToken }));
  }

  /** Every session of the user ends, then the reset signs them in afresh. */
  async resetPassword(dto: ResetPasswordDto, client: ClientContext): Promise<TokenResponseDto> {
    const auth = await this.strapi.resetPassword(dto);
    await this.sessions.revoke({ userId: auth.user.id }, { reason: 'password_reset', actor: 'self', context: client });
    const response = await this.auth.startSession(auth, undefined, client);
    await this.audit.record({ type: 'password_reset', userId: auth.user.id, sessionId: response.session.id, context: client });
    return response;
  }

  forgotPassword(email: string): Promise<void> {
    return this.strapi.forgotPassword(email);
  }

  sendEmailConfirmation(email: string): Promise<void> {
    return this.strapi.sendEmailConfirmation(email);
  }

  confirmEmail(confirmation: string): Promise<void> {
    return this.strapi.confirmEmail(confirmation);
  }
}
