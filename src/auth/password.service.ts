import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { RefreshService } from '../sessions/refresh.service';
import { SessionRevoker } from '../sessions/revocation';
import { SessionIssuer, type TokenResponse } from '../sessions/session-issuer';
import { SessionsRepository } from '../sessions/sessions.repository';
import { StrapiCredentials } from '../sessions/strapi-credentials';
import { StrapiClient } from '../strapi/strapi.client';
import type { ChangePasswordDto, ResetPasswordDto } from './dto/auth-requests.dto';
import type { ClientContext, Principal } from '../common/principal';

/** Strapi's password and email-confirmation flows, with what they mean for BFF sessions. */
@Injectable()
export class PasswordService {
  constructor(
    private readonly strapi: StrapiClient,
    private readonly credentials: StrapiCredentials,
    private readonly issuer: SessionIssuer,
    private readonly refresher: RefreshService,
    private readonly revoker: SessionRevoker,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Every other session of the user ends; this one continues with Strapi's new JWT and fresh tokens. */
  async changePassword(principal: Principal, dto: ChangePasswordDto, client: ClientContext): Promise<TokenResponse> {
    // The stored row, not the (≤ 1 s old) cached one: in Strapi's refresh mode its JWT may just have been renewed.
    const current = (await this.sessions.getById(principal.sessionId)) ?? principal.session;
    const changed = await this.strapi.changePassword(await this.credentials.jwtFor(current, client), dto);
    await this.revoker.revoke({ userId: principal.userId, exceptSessionId: principal.sessionId }, { reason: 'password_changed', actor: 'self', context: client });
    await this.audit.record({ type: 'password_changed', userId: principal.userId, sessionId: principal.sessionId, context: client });
    return this.issuer.respond(await this.refresher.reissue(principal.sessionId, { jwt: changed.jwt, refreshToken: changed.refreshToken }));
  }

  /** Every session of the user ends, then the reset signs them in afresh. */
  async resetPassword(dto: ResetPasswordDto, client: ClientContext): Promise<TokenResponse> {
    const auth = await this.strapi.resetPassword(dto);
    await this.revoker.revoke({ userId: auth.user.id }, { reason: 'password_reset', actor: 'self', context: client });
    const response = await this.issuer.signIn(auth, undefined, client);
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
