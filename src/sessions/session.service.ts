import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { randomUUID } from 'node:crypto';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { generateRefreshToken, hashRefreshToken, isWellFormedRefreshToken } from '../tokens/refresh-token';
import { SecretBox } from '../tokens/secret-box';
import type { StrapiUser } from '../strapi/strapi.types';
import { decideRefresh, endedCode, sessionEndsAt } from './refresh-policy';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionCache } from './session-cache';
import { SessionEntity, type RevocationActor } from './session.entity';
import { SessionsRepository, type RevocationTarget } from './sessions.repository';

export interface Revocation {
  reason: string;
  actor: RevocationActor;
  note?: string | null;
  /** The request that caused it, for the audit trail. */
  context?: RequestContext;
}

export interface SessionStart {
  user: StrapiUser;
  role: string | null;
  strapiJwt: string;
  deviceName?: string;
  ip?: string;
  userAgent?: string;
}

export interface IssuedSession {
  session: SessionEntity;
  refreshToken: string;
  /** When the refresh token stops working: the earlier of the idle and the absolute end. */
  refreshExpiresAt: Date;
}

@Injectable()
export class SessionService {
  private readonly logger = new Logger(SessionService.name);

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly cache: SessionCache,
    private readonly secretBox: SecretBox,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(input: SessionStart, now = new Date()): Promise<IssuedSession> {
    const id = randomUUID();
    const strapiJwtExpiresAt = jwtExpiry(input.strapiJwt);
    const absoluteEnd = now.getTime() + this.config.tokens.refreshTtlMs;
    const session = Object.assign(new SessionEntity(), {
      id,
      userId: input.user.id,
      userDocumentId: input.user.documentId ?? null,
      username: input.user.username,
      email: input.user.email,
      role: input.role,
      strapiJwtEncrypted: this.secretBox.seal(input.strapiJwt, strapiJwtContext(id)),
      strapiJwtExpiresAt,
      deviceName: input.deviceName ?? null,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
      refreshGeneration: 0,
      createdAt: now,
      lastUsedAt: now,
      // A session never outlives the Strapi credential it holds.
      expiresAt: new Date(Math.min(absoluteEnd, strapiJwtExpiresAt?.getTime() ?? absoluteEnd)),
      revokedAt: null,
      revokedReason: null,
      revokedBy: null,
      revokeNote: null,
    } satisfies SessionEntity);
    const refreshToken = generateRefreshToken();
    await this.sessions.insertWithFirstToken(session, this.tokenRow(refreshToken, id, 0, now));
    return { session, refreshToken, refreshExpiresAt: this.refreshExpiresAt(session) };
  }

  /**
   * Exchanges a refresh token for its successor. Check and rotation run in one transaction
   * under the session's row lock (see SessionsRepository.withLockedRefresh), so this holds
   * across any number of BFF instances sharing the database.
   */
  async refresh(refreshToken: string, options: { now?: Date; role?: string | null; context?: RequestContext } = {}): Promise<IssuedSession> {
    const now = options.now ?? new Date();
    if (!isWellFormedRefreshToken(refreshToken)) throw invalidRefreshToken();
    const outcome = await this.sessions.withLockedRefresh(hashRefreshToken(refreshToken), async ({ session, token, manager }) => {
      const decision = decideRefresh(
        session,
        { generation: token.generation, rotatedAt: token.rotatedAt, hasSuccessor: token.successorEncrypted !== null },
        now,
        { idleTtlMs: this.config.tokens.refreshIdleTtlMs, reuseGraceMs: this.config.tokens.reuseGraceMs },
      );
      switch (decision.kind) {
        case 'rotate': {
          const next = generateRefreshToken();
          const nextGeneration = token.generation + 1;
          const sealed = this.secretBox.seal(next, successorContext(session.id, nextGeneration));
          await this.sessions.rotate(manager, session, token, this.tokenRow(next, session.id, nextGeneration, now), sealed, now);
          await this.applyRole(manager, session, options.role);
          Object.assign(session, { refreshGeneration: nextGeneration, lastUsedAt: now });
          return { ok: true as const, session, refreshToken: next };
        }
        case 'replay_successor': {
          const successor = this.secretBox.open(token.successorEncrypted ?? '', successorContext(session.id, token.generation + 1));
          await this.sessions.touch(manager, session.id, now);
          await this.applyRole(manager, session, options.role);
          session.lastUsedAt = now;
          return { ok: true as const, session, refreshToken: successor };
        }
        case 'reject':
          if ('revoke' in decision) {
            if (decision.code === 'refresh_token_reused') {
              await this.audit.record(
                { type: 'refresh_token_reused', userId: session.userId, sessionId: session.id, details: { generation: token.generation }, context: options.context },
                manager,
                now,
              );
            }
            await this.revokeIn(manager, { sessionId: session.id }, { reason: decision.revoke, actor: 'system', context: options.context }, now);
          }
          return { ok: false as const, session, code: decision.code };
      }
    });

    if (!outcome) throw invalidRefreshToken();
    if (!outcome.ok) {
      this.cache.evict(outcome.session.id);
      if (outcome.code === 'refresh_token_reused') {
        this.logger.warn({ event: 'refresh_token_reuse', sessionId: outcome.session.id, userId: outcome.session.userId }, 'Refresh token reuse detected; session revoked');
      }
      throw new AppError(outcome.code, REJECTION_MESSAGES[outcome.code]);
    }
    return { session: outcome.session, refreshToken: outcome.refreshToken, refreshExpiresAt: this.refreshExpiresAt(outcome.session) };
  }

  /**
   * Gives a live session a new Strapi JWT (after a password change) and a new refresh token, as a
   * regular rotation would: the previous token keeps its grace window, and nothing forks.
   */
  async reissue(sessionId: string, strapiJwt: string, now = new Date()): Promise<IssuedSession> {
    const issued = await this.sessions.withLockedSession(sessionId, async (session, manager) => {
      const current = await this.sessions.currentToken(manager, session);
      if (session.revokedAt || !current) throw new AppError('session_revoked', REJECTION_MESSAGES.session_revoked);
      const next = generateRefreshToken();
      const nextGeneration = current.generation + 1;
      const sealed = this.secretBox.seal(next, successorContext(session.id, nextGeneration));
      await this.sessions.rotate(manager, session, current, this.tokenRow(next, session.id, nextGeneration, now), sealed, now);
      const strapiJwtExpiresAt = jwtExpiry(strapiJwt);
      const credential = {
        strapiJwtEncrypted: this.secretBox.seal(strapiJwt, strapiJwtContext(session.id)),
        strapiJwtExpiresAt,
        expiresAt: new Date(Math.min(session.expiresAt.getTime(), strapiJwtExpiresAt?.getTime() ?? Number.POSITIVE_INFINITY)),
      };
      await this.sessions.updateCredential(manager, session.id, credential);
      Object.assign(session, credential, { refreshGeneration: nextGeneration, lastUsedAt: now });
      return { session, refreshToken: next };
    });
    if (!issued) throw new AppError('session_revoked', REJECTION_MESSAGES.session_revoked);
    this.cache.evict(sessionId);
    return { ...issued, refreshExpiresAt: this.refreshExpiresAt(issued.session) };
  }

  /**
   * The single way sessions end: one session, or all of a user's (optionally but one). Records
   * reason and actor on each session and in the audit trail, in one transaction, and evicts them
   * from this instance's cache. Returns how many sessions this call ended.
   */
  async revoke(target: RevocationTarget, revocation: Revocation, now = new Date()): Promise<number> {
    return this.dataSource.transaction((manager) => this.revokeIn(manager, target, revocation, now));
  }

  private async revokeIn(manager: EntityManager, target: RevocationTarget, revocation: Revocation, now: Date): Promise<number> {
    const ended = await this.sessions.revoke(target, revocation, now, manager);
    for (const { id, userId } of ended) {
      this.cache.evict(id);
      await this.audit.record(
        {
          type: 'session_revoked',
          userId,
          sessionId: id,
          actor: revocation.actor,
          reason: revocation.reason,
          details: revocation.note ? { note: revocation.note } : undefined,
          context: revocation.context,
        },
        manager,
        now,
      );
    }
    if (ended.length > 0) this.logger.log({ event: 'session_revoked', sessions: ended.length, reason: revocation.reason, actor: revocation.actor }, 'Sessions revoked');
    return ended.length;
  }

  /** The role is re-read from Strapi at refresh, so a role change reaches the next access token. */
  private async applyRole(manager: EntityManager, session: SessionEntity, role: string | null | undefined): Promise<void> {
    if (role === undefined || role === session.role) return;
    await this.sessions.updateRole(manager, session.id, role);
    session.role = role;
  }

  /** Finds the session any of its refresh tokens (current or rotated away) belongs to. */
  async findByRefreshToken(refreshToken: string): Promise<SessionEntity | null> {
    if (!isWellFormedRefreshToken(refreshToken)) return null;
    return this.sessions.getByRefreshTokenHash(hashRefreshToken(refreshToken));
  }

  /** The per-request check behind every access token. Served from the ≤1 s cache. */
  async requireActive(sessionId: string, userId: number, now = new Date()): Promise<SessionEntity> {
    const session = await this.cache.get(sessionId);
    if (!session || session.userId !== userId) throw new AppError('session_revoked', 'This session no longer exists');
    if (session.revokedAt) {
      const code = endedCode(session);
      throw new AppError(code, REJECTION_MESSAGES[code]);
    }
    if (now.getTime() >= this.refreshExpiresAt(session).getTime()) {
      throw new AppError('session_expired', REJECTION_MESSAGES.session_expired);
    }
    return session;
  }

  getById(sessionId: string): Promise<SessionEntity | null> {
    return this.sessions.getById(sessionId);
  }

  strapiJwt(session: SessionEntity): string {
    return this.secretBox.open(session.strapiJwtEncrypted, strapiJwtContext(session.id));
  }

  refreshExpiresAt(session: SessionEntity): Date {
    return sessionEndsAt(session, this.config.tokens.refreshIdleTtlMs);
  }

  private tokenRow(token: string, sessionId: string, generation: number, now: Date): RefreshTokenEntity {
    return Object.assign(new RefreshTokenEntity(), {
      tokenHash: hashRefreshToken(token),
      sessionId,
      generation,
      issuedAt: now,
      rotatedAt: null,
      successorEncrypted: null,
    });
  }
}

const REJECTION_MESSAGES = {
  session_revoked: 'This session has been revoked; sign in again',
  session_expired: 'This session has expired; sign in again',
  refresh_token_reused: 'This refresh token was already used; the session has been revoked for safety',
} as const;

function invalidRefreshToken(): AppError {
  return new AppError('invalid_refresh_token', 'The refresh token is not valid');
}

function strapiJwtContext(sessionId: string): string {
  return `session:${sessionId}:strapi-jwt`;
}

function successorContext(sessionId: string, generation: number): string {
  return `session:${sessionId}:refresh:${generation}`;
}

/** Reads `exp` from Strapi's JWT without verifying it: it came straight from Strapi over our own connection. */
function jwtExpiry(jwt: string): Date | null {
  const payload = jwt.split('.')[1];
  if (!payload) return null;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' ? new Date(exp * 1000) : null;
  } catch {
    return null;
  }
}
