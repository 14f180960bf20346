import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppError, type ErrorCode } from '../common/app-error';
import { RefreshService } from '../sessions/refresh.service';
import { SessionRevoker } from '../sessions/revocation';
import { invalidRefreshToken } from '../sessions/session-errors';
import { SessionIssuer, userView, type TokenResponse } from '../sessions/session-issuer';
import { sessionSummary } from '../sessions/session-view';
import { SessionsRepository } from '../sessions/sessions.repository';
import { StrapiClient } from '../strapi/strapi.client';
import type { StrapiAuthResult } from '../strapi/strapi.types';
import { hashRefreshToken, isWellFormedRefreshToken } from '../tokens/refresh-token';
import { AccessTokenService } from '../tokens/access-token.service';
import type { LoginDto, RegisterDto } from './dto/auth-requests.dto';
import type { ConfirmationRequiredDto, MeResponseDto } from './dto/auth-responses.dto';
import type { ClientContext, Principal } from '../common/principal';

/** Strapi's definitive refusals of a sign-in; faults (Strapi down) are not failed logins. */
const REFUSED_LOGIN = new Set<ErrorCode>(['invalid_credentials', 'account_blocked', 'email_not_confirmed']);

/** Sign-in, refresh, logout and "who am I": Strapi's answer in, a BFF session out. */
@Injectable()
export class AuthService {
  constructor(
    private readonly strapi: StrapiClient,
    private readonly issuer: SessionIssuer,
    private readonly refresher: RefreshService,
    private readonly revoker: SessionRevoker,
    private readonly sessions: SessionsRepository,
    private readonly accessTokens: AccessTokenService,
    private readonly audit: AuditService,
  ) {}

  async login(dto: LoginDto, client: ClientContext): Promise<TokenResponse> {
    let auth: StrapiAuthResult;
    try {
      auth = await this.strapi.login(dto.identifier, dto.password);
    } catch (error) {
      if (error instanceof AppError && REFUSED_LOGIN.has(error.code)) {
        // The identifier as given, never the password.
        await this.audit.recordQuietly({ type: 'login_failed', details: { identifier: dto.identifier.slice(0, 255), code: error.code }, context: client });
      }
      throw error;
    }
    const response = await this.issuer.signIn(auth, dto.deviceName, client);
    await this.audit.record({ type: 'login_succeeded', userId: response.user.id, sessionId: response.session.id, context: client });
    return response;
  }

  /** A provider sign-in ends like a password login: a BFF session, Strapi's JWT kept server-side. */
  async providerSignIn(provider: string, query: string, client: ClientContext): Promise<TokenResponse> {
    const auth = await this.strapi.providerCallback(provider, query);
    const response = await this.issuer.signIn(auth, undefined, client);
    await this.audit.record({ type: 'login_succeeded', userId: response.user.id, sessionId: response.session.id, details: { provider }, context: client });
    return response;
  }

  async register(dto: RegisterDto, client: ClientContext): Promise<TokenResponse | ConfirmationRequiredDto> {
    const result = await this.strapi.register(dto.username, dto.email, dto.password);
    if (result.kind === 'confirmation_required') {
      await this.audit.record({ type: 'registered', userId: result.user.id, details: { confirmationRequired: true }, context: client });
      return { confirmationRequired: true };
    }
    const response = await this.issuer.signIn(result.auth, dto.deviceName, client);
    await this.audit.record({ type: 'registered', userId: response.user.id, sessionId: response.session.id, context: client });
    return response;
  }

  async refresh(refreshToken: string, client: ClientContext): Promise<TokenResponse> {
    return this.issuer.respond(await this.refresher.refresh(refreshToken, client));
  }

  /** Logout with either credential of the session. Logging out of an already-ended session is not an error. */
  async logout(bearerToken: string | undefined, refreshToken: string | undefined, client: ClientContext): Promise<void> {
    let sessionId: string | undefined;
    try {
      sessionId = bearerToken ? this.accessTokens.verify(bearerToken).sid : undefined;
    } catch (error) {
      // An expired access token can still log out with the session's refresh token.
      if (!refreshToken) throw error;
    }
    if (!sessionId && refreshToken) {
      const presented = isWellFormedRefreshToken(refreshToken) ? await this.sessions.findByRefreshTokenHash(hashRefreshToken(refreshToken)) : null;
      if (!presented) throw invalidRefreshToken();
      sessionId = presented.session.id;
    }
    if (!sessionId) throw new AppError('unauthorized', 'Send the Bearer access token or a refreshToken to log out');
    await this.revoker.revoke({ sessionId }, { reason: 'logout', actor: 'self', context: client });
  }

  async me(principal: Principal): Promise<MeResponseDto> {
    // The principal's row may be up to SESSION_CACHE_TTL old; "me" shows the stored one.
    const session = (await this.sessions.getById(principal.sessionId)) ?? principal.session;
    return { user: userView(session), session: { ...sessionSummary(session), refreshExpiresAt: this.issuer.refreshExpiresAt(session).toISOString() } };
  }
}
