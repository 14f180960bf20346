import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AlternativeAnswer } from '../common/alternative-answer';
import { AppError, type ErrorCode } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FlowLimits } from '../limits/flow-limits';
import { LoginThrottle } from '../limits/login-throttle';
import { Metrics, type LoginOutcome, type RefreshOutcome } from '../metrics/metrics';
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
import { DeviceTokenService } from '../tokens/device-token.service';
import type { LoginDto, RegisterDto } from './dto/auth-requests.dto';
import type { ConfirmationRequiredDto, MeResponseDto } from './dto/auth-responses.dto';
import type { ClientContext, Principal } from '../common/principal';
import { LoginTiming } from './login-timing';
import { PasswordPolicy } from './password-policy';

/** A password sign-in's answer: a token response, and a device token that exempts this device from account lockouts. */
export type SignInResponse = TokenResponse & { deviceToken: string };

/** Strapi's definitive refusals of a sign-in; faults (Strapi down) are not failed logins. */
const REFUSED_LOGIN = new Set<ErrorCode>(['invalid_credentials', 'account_blocked', 'email_not_confirmed']);

/** bff_logins_total's outcome for a sign-in that threw. */
export function loginOutcome(error: unknown): LoginOutcome {
  // A second factor is now asked for: the password step itself succeeded.
  if (error instanceof AlternativeAnswer) return 'success';
  const code = error instanceof AppError ? error.code : undefined;
  if (code === 'rate_limited') return 'rate_limited';
  return code !== undefined && REFUSED_LOGIN.has(code) ? 'failure' : 'error';
}

/** Codes of a refresh whose session had already ended (a reuse is counted apart). */
const ENDED_SESSION = new Set<ErrorCode>(['session_revoked', 'session_expired', 'account_blocked', 'account_deleted']);

/** bff_refreshes_total's outcome for a refresh that threw. */
export function refreshOutcome(error: unknown): RefreshOutcome {
  const code = error instanceof AppError ? error.code : undefined;
  if (code === 'invalid_refresh_token') return 'invalid';
  if (code === 'refresh_token_reused') return 'reused';
  if (code === 'rate_limited') return 'rate_limited';
  return code !== undefined && ENDED_SESSION.has(code) ? 'ended' : 'error';
}

/** Sign-in, refresh, logout and "who am I": Strapi's answer in, a BFF session out. */
@Injectable()
export class AuthService {
  private readonly timing: LoginTiming;

  constructor(
    private readonly strapi: StrapiClient,
    private readonly issuer: SessionIssuer,
    private readonly refresher: RefreshService,
    private readonly revoker: SessionRevoker,
    private readonly sessions: SessionsRepository,
    private readonly accessTokens: AccessTokenService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
    private readonly limits: FlowLimits,
    private readonly devices: DeviceTokenService,
    private readonly passwords: PasswordPolicy,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.timing = new LoginTiming(config.limits.login.failureFloorMs);
  }

  /**
   * The attempt is counted (LoginThrottle) before Strapi is asked; a wrong password keeps its
   * points, anything else gives them back. Failures are answered after the same floor whether or
   * not the account exists.
   */
  async login(dto: LoginDto, deviceToken: string | undefined, client: ClientContext): Promise<SignInResponse> {
    try {
      const response = await this.passwordSignIn(dto, deviceToken, client);
      this.metrics.login('success');
      return response;
    } catch (error) {
      this.metrics.login(loginOutcome(error));
      throw error;
    }
  }

  private async passwordSignIn(dto: LoginDto, deviceToken: string | undefined, client: ClientContext): Promise<SignInResponse> {
    // From the very start: the limits' own store calls differ (a new identifier is an insert) and must be covered too.
    const startedAt = performance.now();
    const attempt = await this.throttle.begin(dto.identifier, deviceToken, client);
    let auth: StrapiAuthResult;
    try {
      auth = await this.strapi.login(dto.identifier, dto.password, client);
    } catch (error) {
      const code = error instanceof AppError ? error.code : undefined;
      if (code === 'invalid_credentials') await this.timing.holdFailure(startedAt);
      else await attempt.abandoned();
      if (code && REFUSED_LOGIN.has(code)) {
        // The identifier as given, never the password.
        await this.audit.recordQuietly({ type: 'login_failed', details: { identifier: dto.identifier.slice(0, 255), code }, context: client });
      }
      throw error;
    }
    // Giving the attempt's points back needn't hold up the session (it waits on Strapi's /users/me).
    const [, response] = await Promise.all([attempt.succeeded(), this.issuer.signIn(auth, dto.deviceName, client)]);
    await this.audit.record({ type: 'login_succeeded', userId: response.user.id, sessionId: response.session.id, context: client });
    return { ...response, deviceToken: this.devices.issue({ userId: auth.user.id, email: auth.user.email, username: auth.user.username }) };
  }

  /** A provider sign-in ends like a password login: a BFF session, Strapi's JWT kept server-side. */
  async providerSignIn(provider: string, query: string, client: ClientContext): Promise<TokenResponse> {
    let auth: StrapiAuthResult;
    try {
      auth = await this.strapi.providerCallback(provider, query, client);
    } catch (error) {
      this.metrics.login(error instanceof AppError && error.code === 'provider_rejected' ? 'failure' : loginOutcome(error));
      throw error;
    }
    this.metrics.login('success');
    const response = await this.issuer.signIn(auth, undefined, client, undefined, 'provider');
    await this.audit.record({ type: 'login_succeeded', userId: response.user.id, sessionId: response.session.id, details: { provider }, context: client });
    return response;
  }

  async register(dto: RegisterDto, client: ClientContext): Promise<TokenResponse | ConfirmationRequiredDto> {
    await this.limits.emailFlow('register', dto.email, client);
    await this.passwords.check(dto.password, { username: dto.username, email: dto.email }, client);
    const result = await this.strapi.register(dto.username, dto.email, dto.password, client);
    if (result.kind === 'confirmation_required') {
      await this.audit.record({ type: 'registered', userId: result.user.id, details: { confirmationRequired: true }, context: client });
      return { confirmationRequired: true };
    }
    const response = await this.issuer.signIn(result.auth, dto.deviceName, client, undefined, 'register');
    await this.audit.record({ type: 'registered', userId: response.user.id, sessionId: response.session.id, context: client });
    return response;
  }

  async refresh(refreshToken: string, client: ClientContext): Promise<TokenResponse> {
    try {
      await this.limits.refreshAllowed(client);
      const response = this.issuer.respond(await this.refresher.refresh(refreshToken, client));
      this.metrics.refresh('success');
      return response;
    } catch (error) {
      this.metrics.refresh(refreshOutcome(error));
      // Guessing refresh tokens is counted per address; a token that ended a session is not a guess.
      if (error instanceof AppError && error.code === 'invalid_refresh_token') await this.limits.refreshTokenInvalid(client);
      throw error;
    }
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

  /**
   * The row the access-token check just found active, from the ≤ 1 s session cache: reading it
   * again from Postgres cost /auth/me a query per call and showed nothing the cache can't (its
   * timestamps move only at refresh).
   */
  me({ session }: Principal): MeResponseDto {
    return { user: userView(session), session: { ...sessionSummary(session), refreshExpiresAt: this.issuer.refreshExpiresAt(session).toISOString() } };
  }
}
