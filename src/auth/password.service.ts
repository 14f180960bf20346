import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { RefreshService } from '../sessions/refresh.service';
import { SessionRevoker } from '../sessions/revocation';
import { SessionIssuer, type TokenResponse } from '../sessions/session-issuer';
import { SessionsRepository } from '../sessions/sessions.repository';
import { StrapiCredentials } from '../sessions/strapi-credentials';
import { FlowLimits } from '../limits/flow-limits';
import { hashKey } from '../limits/shared-limiter';
import { StrapiClient, type MailOutcome } from '../strapi/strapi.client';
import { PasswordPolicy } from './password-policy';
import type { ChangePasswordDto, ResetPasswordDto } from './dto/auth-requests.dto';
import type { ClientContext, Principal } from '../common/principal';

/** Strapi's password and email-confirmation flows, with what they mean for BFF sessions. */
@Injectable()
export class PasswordService {
  private readonly logger = new Logger(PasswordService.name);

  constructor(
    private readonly strapi: StrapiClient,
    private readonly credentials: StrapiCredentials,
    private readonly issuer: SessionIssuer,
    private readonly refresher: RefreshService,
    private readonly revoker: SessionRevoker,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
    private readonly limits: FlowLimits,
    private readonly policy: PasswordPolicy,
  ) {}

  /** Every other session of the user ends; this one continues with Strapi's new JWT and fresh tokens. */
  async changePassword(principal: Principal, dto: ChangePasswordDto, client: ClientContext): Promise<TokenResponse> {
    // The stored row, not the (≤ 1 s old) cached one: in Strapi's refresh mode its JWT may just have been renewed.
    const current = (await this.sessions.getById(principal.sessionId)) ?? principal.session;
    await this.policy.check(dto.password, { username: current.username, email: current.email }, client);
    const changed = await this.strapi.changePassword(await this.credentials.jwtFor(current, client), dto, client);
    await this.revoker.revoke({ userId: principal.userId, exceptSessionId: principal.sessionId }, { reason: 'password_changed', actor: 'self', context: client });
    await this.audit.record({ type: 'password_changed', userId: principal.userId, sessionId: principal.sessionId, context: client });
    // A session below the level the user needs waits for the second factor before it gets Strapi's new credential.
    await this.issuer.gateReissue(current, { jwt: changed.jwt, refreshToken: changed.refreshToken }, client);
    return this.issuer.respond(await this.refresher.reissue(principal.sessionId, { jwt: changed.jwt, refreshToken: changed.refreshToken }));
  }

  /**
   * Every session of the user ends, then the reset signs them in afresh. Who the code belongs to is
   * only known once Strapi accepted it, so the policy checks all but "contains the username or email".
   */
  async resetPassword(dto: ResetPasswordDto, client: ClientContext): Promise<TokenResponse> {
    await this.limits.codeFlow('reset-password', client);
    await this.policy.check(dto.password, {}, client);
    const auth = await this.strapi.resetPassword(dto, client);
    await this.revoker.revoke({ userId: auth.user.id }, { reason: 'password_reset', actor: 'self', context: client });
    const response = await this.issuer.signIn(auth, undefined, client, undefined, 'reset');
    await this.audit.record({ type: 'password_reset', userId: auth.user.id, sessionId: response.session.id, context: client });
    return response;
  }

  /** The same answer whether or not the address has an account, even when Strapi can't send the mail (SECURITY.md #25). */
  async forgotPassword(email: string, client: ClientContext): Promise<void> {
    await this.limits.emailFlow('forgot-password', email, client);
    this.reportUndelivered('forgot-password', email, await this.strapi.forgotPassword(email, client), client);
  }

  async sendEmailConfirmation(email: string, client: ClientContext): Promise<void> {
    await this.limits.emailFlow('send-email-confirmation', email, client);
    this.reportUndelivered('send-email-confirmation', email, await this.strapi.sendEmailConfirmation(email, client), client);
  }

  async confirmEmail(confirmation: string, client: ClientContext): Promise<void> {
    await this.limits.codeFlow('email-confirmation', client);
    await this.strapi.confirmEmail(confirmation, client);
  }

  /** A mail Strapi could not send is the operator's problem, not the client's: logged and audited, never answered. */
  private reportUndelivered(flow: string, email: string, outcome: MailOutcome, client: ClientContext): void {
    if (outcome === 'sent') return;
    this.logger.error({ event: 'email_delivery_failed', flow, requestId: client.requestId }, 'Strapi could not send a mail; check its email provider');
    void this.audit.recordQuietly({ type: 'email_delivery_failed', details: { flow, emailHash: hashKey(email.trim().toLowerCase()) }, context: client });
  }
}
