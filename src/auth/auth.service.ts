import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppError, type ErrorCode } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { IssuedSession } from '../sessions/session.service';
import { SessionService } from '../sessions/session.service';
import type { SessionEntity } from '../sessions/session.entity';
import { StrapiCredentials } from '../sessions/strapi-credentials';
import { sessionSummary } from '../sessions/session-view';
import { StrapiClient } from '../strapi/strapi.client';
import { isRefreshModeJwt } from '../strapi/strapi-jwt';
import type { StrapiAuthResult } from '../strapi/strapi.types';
import { AccessTokenService } from '../tokens/access-token.service';
import type { LoginDto, RegisterDto } from './dto/auth-requests.dto';
import type { ConfirmationRequiredDto, MeResponseDto, TokenResponseDto, UserDto } from './dto/auth-responses.dto';
import type { ClientContext, Principal } from './principal';

/** Strapi's definitive refusals of a sign-in; faults (Strapi down) are not failed logins. */
const REFUSED_LOGIN = new Set<ErrorCode>(['invalid_credentials', 'account_blocked', 'email_not_confirmed']);

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly strapi: StrapiClient,
    private readonly sessions: SessionService,
    private readonly credentials: StrapiCredentials,
    private readonly accessTokens: AccessTokenService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(dto: LoginDto, client: ClientContext): Promise<TokenResponseDto> {
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
    const response = await this.startSession(auth, dto.deviceName, client);
    await this.audit.record({ type: 'login_succeeded', userId: response.user.id, sessionId: response.session.id, context: client });
    return response;
  }

  /** A provider sign-in ends like a password login: a BFF session, Strapi's JWT kept server-side. */
  async providerSignIn(provider: string, query: string, client: ClientContext): Promise<TokenResponseDto> {
    const auth = await this.strapi.providerCallback(provider, query);
    const response = await this.startSession(auth, undefined, client);
    await this.audit.record({ type: 'login_succeeded', userId: response.user.id, sessionId: response.session.id, details: { provider }, context: client });
    return response;
  }

  async register(dto: RegisterDto, client: ClientContext): Promise<TokenResponseDto | ConfirmationRequiredDto> {
    const result = await this.strapi.register(dto.username, dto.email, dto.password);
    if (result.kind === 'confirmation_required') {
      await this.audit.record({ type: 'registered', userId: result.user.id, details: { confirmationRequired: true }, context: client });
      return { confirmationRequired: true };
    }
    const response = await this.startSession(result.auth, dto.deviceName, client);
    await this.audit.record({ type: 'registered', userId: response.user.id, sessionId: response.session.id, context: client });
    return response;
  }

  /**
   * Rotates the refresh token. Unless REFRESH_REVALIDATE is off, the user is first re-read from
   * Strapi with the session's JWT, outside the row lock, so the new access token carries the
   * current role. If Strapi can't be reached, the 503 leaves the refresh token unspent.
   */
  async refresh(refreshToken: string, client: ClientContext): Promise<TokenResponseDto> {
    let role: string | null | undefined;
    if (this.config.refreshRevalidate) {
      const session = await this.sessions.findByRefreshToken(refreshToken);
      if (session && !session.revokedAt) role = await this.currentRole(session, client);
    }
    return this.tokenResponse(await this.sessions.refresh(refreshToken, { role, context: client }));
  }

  private async currentRole(session: SessionEntity, client: ClientContext): Promise<string | null> {
    const jwt = await this.credentials.jwtFor(session);
    try {
      return (await this.strapi.me(jwt)).role?.type ?? null;
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'account_blocked' && error.code !== 'session_expired')) throw error;
      const reason = await this.whyStrapiRefused(session, error.code);
      // A blocked or deleted account loses every session, not only this one.
      const target = reason === 'upstream_rejected' ? { sessionId: session.id } : { userId: session.userId };
      await this.sessions.revoke(target, { reason, actor: 'system', context: client });
      throw ENDED_BY_STRAPI[reason]();
    }
  }

  /**
   * Strapi refused the session's own credential. It says "Invalid credentials" alike for a blocked
   * and a deleted user; with STRAPI_API_TOKEN the BFF asks which it is.
   */
  private async whyStrapiRefused(session: SessionEntity, code: 'account_blocked' | 'session_expired'): Promise<keyof typeof ENDED_BY_STRAPI> {
    if (this.strapi.canLookUpAccounts) {
      try {
        const status = await this.strapi.accountStatus(session.userId);
        if (status === 'deleted') return 'account_deleted';
        if (status === 'blocked') return 'account_blocked';
        return 'upstream_rejected';
      } catch {
        // The answer of /users/me stands on its own; the lookup only refines it.
      }
    }
    return code === 'account_blocked' ? 'account_blocked' : 'upstream_rejected';
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
      const session = await this.sessions.findByRefreshToken(refreshToken);
      if (!session) throw new AppError('invalid_refresh_token', 'The refresh token is not valid');
      sessionId = session.id;
    }
    if (!sessionId) throw new AppError('unauthorized', 'Send the Bearer access token or a refreshToken to log out');
    await this.sessions.revoke({ sessionId }, { reason: 'logout', actor: 'self', context: client });
  }

  async me(principal: Principal): Promise<MeResponseDto> {
    const session = (await this.sessions.getById(principal.sessionId)) ?? principal.session;
    return {
      user: toUserDto(session),
      session: { ...sessionSummary(session), refreshExpiresAt: this.sessions.refreshExpiresAt(session).toISOString() },
    };
  }

  /** Starts a BFF session for a fresh Strapi sign-in (login, register, password reset). */
  async startSession(auth: StrapiAuthResult, deviceName: string | undefined, client: ClientContext): Promise<TokenResponseDto> {
    // The login response's user never carries the role; /users/me?populate=role does, if the role may `role.find`.
    const me = await this.strapi.me(auth.jwt);
    const role = me.role?.type ?? null;
    if (!role) {
      this.logger.warn(
        { userId: me.id },
        'Strapi returned no role for the user: grant plugin::users-permissions.role.find to its role so the BFF can see it',
      );
    }
    if (!auth.refreshToken && isRefreshModeJwt(auth.jwt)) {
      this.logger.warn(
        'Strapi is in refresh mode but returned no refreshToken: turn off users-permissions sessions.httpOnly, or sessions end with Strapi’s first JWT',
      );
    }
    const issued = await this.sessions.start({
      user: { ...auth.user, ...me },
      role,
      strapi: { jwt: auth.jwt, refreshToken: auth.refreshToken },
      deviceName,
      ...client,
    });
    return this.tokenResponse(issued);
  }

  tokenResponse({ session, refreshToken, refreshExpiresAt }: IssuedSession): TokenResponseDto {
    const access = this.accessTokens.sign({ userId: session.userId, sessionId: session.id, role: session.role });
    return {
      accessToken: access.token,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
      refreshToken,
      // Counted from the moment the session was last used, i.e. when this response was issued.
      refreshExpiresIn: Math.max(0, Math.floor((refreshExpiresAt.getTime() - session.lastUsedAt.getTime()) / 1000)),
      session: { id: session.id, expiresAt: session.expiresAt.toISOString() },
      user: toUserDto(session),
    };
  }
}

/** What the client is told when Strapi's refusal ended the session at refresh, by revocation reason. */
const ENDED_BY_STRAPI = {
  account_blocked: () => new AppError('account_blocked', 'This account has been blocked'),
  account_deleted: () => new AppError('account_deleted', 'This account no longer exists'),
  upstream_rejected: () => new AppError('session_expired', 'Strapi no longer accepts this session; sign in again'),
} as const;

function toUserDto(session: SessionEntity): UserDto {
  return { id: session.userId, documentId: session.userDocumentId, username: session.username, email: session.email, role: session.role };
}
