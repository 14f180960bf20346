import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { StrapiClient } from '../strapi/strapi.client';
import type { SessionEntity } from './session.entity';
import { SessionService, sessionEndedError, type EndedSession, type RenewalOutcome } from './session.service';
import { SessionsRepository } from './sessions.repository';

/** A JWT this close to its end is not sent to Strapi any more: it could expire on the way. */
const MIN_VALIDITY_MS = 2_000;
const LOGOUT_RETRY_BATCH = 100;

/**
 * The Strapi JWT a session acts with. In Strapi's legacy mode that is simply the stored JWT. In
 * Strapi's refresh mode (`jwtManagement: 'refresh'`) Strapi's JWT lives minutes, so it is renewed
 * with Strapi's refresh token STRAPI_REFRESH_AHEAD before it expires:
 *  - single-flight per session within this instance (one promise shared by concurrent callers),
 *  - and across instances through the session's row lock (SessionService.renewStrapiCredential),
 *    so Strapi's refresh token is spent exactly once per rotation.
 * If Strapi can't be reached, a JWT that is still valid is used as it is; only an expired one
 * makes the request fail (503), and the session is left intact.
 *
 * It also ends Strapi's session when a BFF session ends (logout, revocation, reuse, expiry),
 * after the ending committed, and retries that every RETENTION_INTERVAL while Strapi is away.
 */
@Injectable()
export class StrapiCredentials implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StrapiCredentials.name);
  private readonly inflight = new Map<string, Promise<string>>();
  private readonly aheadMs: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sessions: SessionService,
    private readonly repository: SessionsRepository,
    private readonly strapi: StrapiClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.aheadMs = config.strapi.refreshAheadMs;
    sessions.onEnded((ended) => void this.logOutOfStrapi(ended));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.retryPendingLogouts(), this.config.retention.intervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** True when the session's Strapi JWT should be renewed before use (refresh mode only). */
  isDue(session: SessionEntity, now = Date.now()): boolean {
    if (session.strapiRefreshEncrypted === null || session.strapiJwtExpiresAt === null) return false;
    return session.strapiJwtExpiresAt.getTime() - now <= this.aheadMs;
  }

  /** A Strapi JWT for the session that Strapi will accept now. */
  async jwtFor(session: SessionEntity): Promise<string> {
    if (!this.isDue(session)) return this.sessions.strapiJwt(session);
    let pending = this.inflight.get(session.id);
    if (!pending) {
      pending = this.renew(session).finally(() => this.inflight.delete(session.id));
      this.inflight.set(session.id, pending);
    }
    return pending;
  }

  private async renew(session: SessionEntity): Promise<string> {
    let outcome: RenewalOutcome;
    try {
      outcome = await this.sessions.renewStrapiCredential(
        session.id,
        (locked) => this.isDue(locked),
        (refreshToken) => this.strapi.refreshTokens(refreshToken),
      );
    } catch (error) {
      // A fault (Strapi or the database away): nothing changed. A JWT with time left still works.
      if (!hasTimeLeft(session)) throw error;
      this.logger.warn({ event: 'strapi_jwt_renewal_deferred', sessionId: session.id, code: error instanceof AppError ? error.code : 'error' }, 'Could not renew the Strapi JWT yet; using the current one');
      return this.sessions.strapiJwt(session);
    }
    // A verdict: the session has ended (here or elsewhere), whatever time its JWT has left.
    if (outcome.kind === 'ended') throw sessionEndedError(outcome.code);
    if (outcome.kind === 'renewed') this.logger.debug({ event: 'strapi_jwt_renewed', sessionId: session.id }, 'Renewed the Strapi JWT');
    return this.sessions.strapiJwt(outcome.session);
  }

  /** Ends the Strapi sessions behind BFF sessions that just ended. Never throws. */
  private async logOutOfStrapi(ended: EndedSession[]): Promise<void> {
    for (const session of ended) {
      if (session.strapiRefreshEncrypted === null) continue;
      try {
        let refreshToken = this.sessions.strapiRefreshToken(session) ?? '';
        let jwt = this.sessions.strapiJwt(session);
        if (!hasTimeLeft(session)) {
          // Strapi's logout needs a valid JWT: trade the refresh token for one, then end that session.
          ({ jwt, refreshToken } = await this.strapi.refreshTokens(refreshToken));
        }
        await this.strapi.logout(jwt, refreshToken);
        await this.sessions.forgetStrapiRefreshToken(session.id);
      } catch (error) {
        if (error instanceof AppError && error.code === 'session_expired') {
          // Strapi had already ended it (a password change, its own expiry): nothing left to do.
          await this.sessions.forgetStrapiRefreshToken(session.id).catch(() => undefined);
          continue;
        }
        const code = error instanceof AppError ? error.code : 'error';
        this.logger.warn({ event: 'strapi_logout_deferred', sessionId: session.id, code }, 'Could not end the Strapi session yet; will retry');
      }
    }
  }

  /** One retry pass over ended sessions whose Strapi session is still open. */
  async retryPendingLogouts(): Promise<void> {
    try {
      await this.logOutOfStrapi(await this.repository.findEndedWithStrapiRefresh(LOGOUT_RETRY_BATCH));
    } catch (error) {
      this.logger.warn({ event: 'strapi_logout_retry_failed', err: error }, 'Retrying Strapi logouts failed');
    }
  }
}

/** Whether the session's Strapi JWT has time left to be used. */
function hasTimeLeft(session: Pick<SessionEntity, 'strapiJwtExpiresAt'>): boolean {
  return session.strapiJwtExpiresAt !== null && session.strapiJwtExpiresAt.getTime() - Date.now() > MIN_VALIDITY_MS;
}
