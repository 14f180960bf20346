import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics';
import { StrapiClient } from '../strapi/strapi.client';
import { generateRefreshToken, hashRefreshToken, isWellFormedRefreshToken } from '../tokens/refresh-token';
import { SecretBox } from '../tokens/secret-box';
import { decideRefresh } from './refresh-policy';
import { refreshTokenRow } from './refresh-token.entity';
import { SessionRevoker, type EndedSession } from './revocation';
import { SessionCache } from './session-cache';
import { invalidRefreshToken, refreshTokenReused, sessionEndedError } from './session-errors';
import type { IssuedSession } from './session-issuer';
import type { SessionEntity } from './session.entity';
import { SessionsRepository } from './sessions.repository';
import { StrapiCredentials, type StrapiCredential } from './strapi-credentials';

type Outcome = { ok: true; issued: IssuedSession } | { ok: false; error: AppError; session: SessionEntity; ended: EndedSession[] };

/**
 * Rotation: a refresh token for its successor, and the password change's re-issue. The presented
 * token is looked up once; the check and the rotation then run in one transaction under the
 * session's row lock, on the locked row (SECURITY.md #7), so this holds across any number of BFF
 * instances sharing the database. The decision itself is the pure decideRefresh().
 */
@Injectable()
export class RefreshService {
  private readonly logger = new Logger(RefreshService.name);

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly cache: SessionCache,
    private readonly revoker: SessionRevoker,
    private readonly credentials: StrapiCredentials,
    private readonly strapi: StrapiClient,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Unless REFRESH_REVALIDATE is off, the user is first re-read from Strapi with the session's JWT,
   * outside the row lock, so the new access token carries the current role. If Strapi can't be
   * reached, the 503 leaves the refresh token unspent.
   */
  async refresh(refreshToken: string, context?: RequestContext, now = new Date()): Promise<IssuedSession> {
    if (!isWellFormedRefreshToken(refreshToken)) throw invalidRefreshToken();
    const presented = await this.sessions.findByRefreshTokenHash(hashRefreshToken(refreshToken));
    if (!presented) throw invalidRefreshToken();
    const role = this.config.refreshRevalidate && !presented.session.revokedAt ? await this.currentRole(presented.session, context) : undefined;

    const outcome = await this.sessions.withLockedSession(presented.session.id, (session, manager) =>
      this.rotateIfAllowed(session, presented.generation, role, manager, context, now),
    );
    if (!outcome) throw invalidRefreshToken();
    // Either way the row changed: this instance's next check reads it afresh (role, last use).
    this.cache.evict(presented.session.id);
    if (outcome.ok) return outcome.issued;
    this.revoker.announce(outcome.ended);
    if (outcome.error.code === 'refresh_token_reused') {
      this.metrics.refreshReuseDetected();
      this.logger.warn({ event: 'refresh_token_reuse', sessionId: outcome.session.id, userId: outcome.session.userId, requestId: context?.requestId }, 'Refresh token reuse detected; session revoked');
    }
    throw outcome.error;
  }

  /**
   * Gives a live session a new Strapi credential (after a password change) and a new refresh token,
   * as a regular rotation would: the previous token keeps its grace window, and nothing forks.
   */
  async reissue(sessionId: string, strapi: StrapiCredential, now = new Date()): Promise<IssuedSession> {
    const issued = await this.sessions.withLockedSession(sessionId, async (session, manager) => {
      if (session.revokedAt) throw sessionEndedError('session_revoked');
      const credential = this.credentials.sealInto(session, strapi);
      await this.sessions.updateCredential(manager, session.id, credential);
      return this.rotate(Object.assign(session, credential), manager, now);
    });
    if (!issued) throw sessionEndedError('session_revoked');
    this.cache.evict(sessionId);
    return issued;
  }

  private async rotateIfAllowed(
    session: SessionEntity,
    generation: number,
    role: string | null | undefined,
    manager: EntityManager,
    context: RequestContext | undefined,
    now: Date,
  ): Promise<Outcome> {
    const isPrevious = generation === session.refreshGeneration - 1;
    const decision = decideRefresh(
      session,
      { generation, rotatedAt: isPrevious ? session.previousRotatedAt : null, hasSuccessor: isPrevious && session.successorEncrypted !== null },
      now,
      { idleTtlMs: this.config.tokens.refreshIdleTtlMs, reuseGraceMs: this.config.tokens.reuseGraceMs },
    );
    switch (decision.kind) {
      case 'rotate':
        await this.applyRole(manager, session, role);
        return { ok: true, issued: await this.rotate(session, manager, now) };
      case 'replay_successor': {
        const successor = this.box.open(session.successorEncrypted ?? '', successorContext(session.id, session.refreshGeneration));
        // Usually a second tab or a retry; but it is also what a thief inside the window looks like, so it leaves a trace.
        await this.audit.record({ type: 'refresh_token_replayed', userId: session.userId, sessionId: session.id, details: { generation }, context }, manager, now);
        await this.sessions.touch(manager, session.id, now);
        await this.applyRole(manager, session, role);
        session.lastUsedAt = now;
        return { ok: true, issued: { session, refreshToken: successor } };
      }
      case 'reject': {
        if (!('revoke' in decision)) return { ok: false, error: sessionEndedError(decision.code), session, ended: [] };
        if (decision.code === 'refresh_token_reused') {
          await this.audit.record({ type: 'refresh_token_reused', userId: session.userId, sessionId: session.id, details: { generation }, context }, manager, now);
        }
        const ended = await this.revoker.revokeIn(manager, { sessionId: session.id }, { reason: decision.revoke, actor: 'system', context }, now);
        return { ok: false, error: decision.code === 'refresh_token_reused' ? refreshTokenReused() : sessionEndedError(decision.code), session, ended };
      }
    }
  }

  /** One step along the chain, on the locked row. */
  private async rotate(session: SessionEntity, manager: EntityManager, now: Date): Promise<IssuedSession> {
    const next = generateRefreshToken();
    const generation = session.refreshGeneration + 1;
    const successor = this.box.seal(next, successorContext(session.id, generation));
    await this.sessions.rotate(manager, session, refreshTokenRow(next, session.id, generation, now), successor, now);
    Object.assign(session, { refreshGeneration: generation, lastUsedAt: now, previousRotatedAt: now, successorEncrypted: successor });
    return { session, refreshToken: next };
  }

  /** The role is re-read from Strapi at refresh, so a role change reaches the next access token. */
  private async applyRole(manager: EntityManager, session: SessionEntity, role: string | null | undefined): Promise<void> {
    if (role === undefined || role === session.role) return;
    await this.sessions.updateRole(manager, session.id, role);
    session.role = role;
  }

  private async currentRole(session: SessionEntity, context: RequestContext | undefined): Promise<string | null> {
    const jwt = await this.credentials.jwtFor(session, context);
    try {
      return (await this.strapi.me(jwt, context)).role?.type ?? null;
    } catch (error) {
      if (error instanceof AppError && error.code === 'account_blocked') throw await this.revoker.endRefusedByStrapi(session, 'account_refused', context);
      if (error instanceof AppError && error.code === 'session_expired') throw await this.revoker.endRefusedByStrapi(session, 'credential_rejected', context);
      throw error;
    }
  }
}

/** The successor is sealed to its session and generation, so a ciphertext copied elsewhere doesn't open. */
function successorContext(sessionId: string, generation: number): string {
  return `session:${sessionId}:refresh:${generation}`;
}
