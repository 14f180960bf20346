import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppError } from '../common/app-error';
import type { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { StrapiClient, strapiJwtExpiry } from '../strapi/strapi.client';
import { SecretBox } from '../tokens/secret-box';
import { endedCode, SessionRevoker, type EndedCode, type EndedSession } from './revocation';
import { SessionCache } from './session-cache';
import { sessionEndedError } from './session-errors';
import type { SessionEntity } from './session.entity';
import { SessionsRepository } from './sessions.repository';

/** What Strapi handed over at sign-in: its JWT, and in Strapi's refresh mode its refresh token. */
export interface StrapiCredential {
  jwt: string;
  refreshToken?: string;
}

/** The sealed Strapi credential columns of a session row. */
export type SealedCredential = Pick<SessionEntity, 'strapiJwtEncrypted' | 'strapiJwtExpiresAt' | 'strapiRefreshEncrypted' | 'strapiRefreshExpiresAt' | 'expiresAt'>;

type Renewal = { kind: 'renewed' | 'current'; session: SessionEntity } | { kind: 'ended'; code: EndedCode } | { kind: 'refused' };

/** A JWT this close to its end is not sent to Strapi any more: it could expire on the way. */
const MIN_VALIDITY_MS = 2_000;
const LOGOUT_RETRY_BATCH = 100;
/** Decrypted JWTs kept by ciphertext; a changed credential has a new ciphertext, so an entry is never stale. */
const MAX_DECRYPTED = 10_000;

/**
 * The vault for Strapi's credentials, and their renewal: the one place that seals, opens, renews
 * and ends them.
 *
 * In Strapi's legacy mode a session's Strapi JWT is simply the stored one. In refresh mode
 * (`jwtManagement: 'refresh'`) Strapi's JWT lives minutes, so it is renewed with Strapi's refresh
 * token STRAPI_REFRESH_AHEAD before it expires: single-flight per session within this instance,
 * and across instances under the session's row lock, so Strapi's refresh token is spent exactly
 * once per rotation (Strapi has no grace window: a fork would end the session). If Strapi can't be
 * reached, a JWT that is still valid is used as it is; only an expired one fails (503), and the
 * session is left intact. When a BFF session ends, Strapi's session is ended too, after the
 * ending committed, and retried every RETENTION_INTERVAL while Strapi is away.
 */
@Injectable()
export class StrapiCredentials implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StrapiCredentials.name);
  private readonly inflight = new Map<string, Promise<string>>();
  private readonly decrypted = new Map<string, string>();
  private readonly aheadMs: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly cache: SessionCache,
    private readonly revoker: SessionRevoker,
    private readonly strapi: StrapiClient,
    private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.aheadMs = config.strapi.refreshAheadMs;
    revoker.onEnded((ended) => void this.logOutOfStrapi(ended));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.retryPendingLogouts(), this.config.retention.intervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * The sealed columns for a credential, bound to the session row. A session never outlives the
   * Strapi credential it holds: in refresh mode that is the refresh token, otherwise the JWT.
   */
  seal(sessionId: string, strapi: StrapiCredential, absoluteEnd: number): SealedCredential {
    const strapiJwtExpiresAt = strapiJwtExpiry(strapi.jwt);
    const strapiRefreshExpiresAt = strapi.refreshToken === undefined ? null : strapiJwtExpiry(strapi.refreshToken);
    const upstreamEnd = strapi.refreshToken === undefined ? strapiJwtExpiresAt : strapiRefreshExpiresAt;
    return {
      strapiJwtEncrypted: this.box.seal(strapi.jwt, jwtContext(sessionId)),
      strapiJwtExpiresAt,
      strapiRefreshEncrypted: strapi.refreshToken === undefined ? null : this.box.seal(strapi.refreshToken, refreshContext(sessionId)),
      strapiRefreshExpiresAt,
      expiresAt: new Date(Math.min(absoluteEnd, upstreamEnd?.getTime() ?? absoluteEnd)),
    };
  }

  /** The stored Strapi JWT, opened (and remembered by ciphertext: the proxy asks on every request). */
  strapiJwt(session: Pick<SessionEntity, 'id' | 'strapiJwtEncrypted'>): string {
    const known = this.decrypted.get(session.strapiJwtEncrypted);
    if (known !== undefined) return known;
    const jwt = this.box.open(session.strapiJwtEncrypted, jwtContext(session.id));
    if (this.decrypted.size >= MAX_DECRYPTED) this.decrypted.clear();
    this.decrypted.set(session.strapiJwtEncrypted, jwt);
    return jwt;
  }

  /** Strapi's refresh token of a session in Strapi's refresh mode. */
  strapiRefreshToken(session: Pick<SessionEntity, 'id' | 'strapiRefreshEncrypted'>): string | undefined {
    return session.strapiRefreshEncrypted === null ? undefined : this.box.open(session.strapiRefreshEncrypted, refreshContext(session.id));
  }

  /** True when the session's Strapi JWT should be renewed before use (refresh mode only). */
  isDue(session: SessionEntity, now = Date.now()): boolean {
    if (session.strapiRefreshEncrypted === null || session.strapiJwtExpiresAt === null) return false;
    return session.strapiJwtExpiresAt.getTime() - now <= this.aheadMs;
  }

  /** A Strapi JWT for the session that Strapi will accept now. */
  async jwtFor(session: SessionEntity, context?: RequestContext): Promise<string> {
    if (!this.isDue(session)) return this.strapiJwt(session);
    let pending = this.inflight.get(session.id);
    if (!pending) {
      pending = this.renew(session, context).finally(() => this.inflight.delete(session.id));
      this.inflight.set(session.id, pending);
    }
    return pending;
  }

  /** The session's credential replaced, e.g. by Strapi's new JWT after a password change. */
  sealInto(session: SessionEntity, strapi: StrapiCredential): SealedCredential {
    return this.seal(session.id, strapi, session.createdAt.getTime() + this.config.tokens.refreshTtlMs);
  }

  private async renew(session: SessionEntity, context: RequestContext | undefined): Promise<string> {
    let renewal: Renewal;
    try {
      renewal = await this.renewLocked(session.id);
    } catch (error) {
      // A fault (Strapi or the database away): nothing changed. A JWT with time left still works.
      if (!hasTimeLeft(session)) throw error;
      this.logger.warn({ event: 'strapi_jwt_renewal_deferred', sessionId: session.id, code: error instanceof AppError ? error.code : 'error', requestId: context?.requestId }, 'Could not renew the Strapi JWT yet; using the current one');
      return this.strapiJwt(session);
    }
    switch (renewal.kind) {
      case 'renewed':
        this.logger.debug({ event: 'strapi_jwt_renewed', sessionId: session.id, requestId: context?.requestId }, 'Renewed the Strapi JWT');
        return this.strapiJwt(renewal.session);
      case 'current':
        return this.strapiJwt(renewal.session);
      // A verdict: the session has ended (here or elsewhere), whatever time its JWT has left.
      case 'ended':
        throw sessionEndedError(renewal.code);
      case 'refused':
        throw await this.revoker.endRefusedByStrapi(session, 'credential_rejected', context);
    }
  }

  /**
   * Under the session's row lock: re-check that the renewal is still due (another instance may
   * have just done it), spend Strapi's refresh token, store the new pair. Holding the lock across
   * Strapi's call (bounded by STRAPI_TIMEOUT) is what keeps Strapi's rotation from forking.
   */
  private async renewLocked(sessionId: string): Promise<Renewal> {
    const renewal = await this.sessions.withLockedSession(sessionId, async (session, manager): Promise<Renewal> => {
      if (session.revokedAt) return { kind: 'ended', code: endedCode(session.revokedReason) };
      const refreshToken = this.strapiRefreshToken(session);
      if (!refreshToken || !this.isDue(session)) return { kind: 'current', session };
      let renewed: Required<StrapiCredential>;
      try {
        renewed = await this.strapi.refreshTokens(refreshToken);
      } catch (error) {
        if (error instanceof AppError && error.code === 'session_expired') return { kind: 'refused' };
        throw error;
      }
      const credential = this.sealInto(session, renewed);
      await this.sessions.updateCredential(manager, sessionId, credential);
      return { kind: 'renewed', session: Object.assign(session, credential) };
    });
    this.cache.evict(sessionId);
    return renewal ?? { kind: 'ended', code: 'session_revoked' };
  }

  /** Ends the Strapi sessions behind BFF sessions that just ended. Never throws. */
  private async logOutOfStrapi(ended: EndedSession[]): Promise<void> {
    for (const session of ended) {
      if (session.strapiRefreshEncrypted === null) continue;
      try {
        let refreshToken = this.strapiRefreshToken(session) ?? '';
        let jwt = this.strapiJwt(session);
        if (!hasTimeLeft(session)) {
          // Strapi's logout needs a valid JWT: trade the refresh token for one, then end that session.
          ({ jwt, refreshToken } = await this.strapi.refreshTokens(refreshToken));
        }
        await this.strapi.logout(jwt, refreshToken);
        await this.sessions.clearStrapiRefresh(session.id);
      } catch (error) {
        if (error instanceof AppError && error.code === 'session_expired') {
          // Strapi had already ended it (a password change, its own expiry): nothing left to do.
          await this.sessions.clearStrapiRefresh(session.id).catch(() => undefined);
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
      await this.logOutOfStrapi(await this.sessions.findEndedWithStrapiRefresh(LOGOUT_RETRY_BATCH));
    } catch (error) {
      this.logger.warn({ event: 'strapi_logout_retry_failed', err: error }, 'Retrying Strapi logouts failed');
    }
  }
}

/** Whether the session's Strapi JWT has time left to be used. */
function hasTimeLeft(session: Pick<SessionEntity, 'strapiJwtExpiresAt'>): boolean {
  return session.strapiJwtExpiresAt !== null && session.strapiJwtExpiresAt.getTime() - Date.now() > MIN_VALIDITY_MS;
}

function jwtContext(sessionId: string): string {
  return `session:${sessionId}:strapi-jwt`;
}

function refreshContext(sessionId: string): string {
  return `session:${sessionId}:strapi-refresh`;
}
