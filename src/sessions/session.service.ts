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
import { strapiJwtExpiry } from '../strapi/strapi-jwt';
import type { StrapiUser } from '../strapi/strapi.types';
import { decideRefresh, endedCode, sessionEndsAt, type EndedCode } from './refresh-policy';
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

/** What Strapi handed over at sign-in: its JWT, and in Strapi's refresh mode its refresh token. */
export interface StrapiCredential {
  jwt: string;
  refreshToken?: string;
}

/** A session that just ended, with what is needed to tell Strapi (refresh mode) about it. */
export type EndedSession = Pick<SessionEntity, 'id' | 'userId' | 'strapiJwtEncrypted' | 'strapiJwtExpiresAt' | 'strapiRefreshEncrypted'>;

export type RenewalOutcome = { kind: 'renewed' | 'current'; session: SessionEntity } | { kind: 'ended'; code: EndedCode };

export interface SessionStart {
  user: StrapiUser;
  role: string | null;
  strapi: StrapiCredential;
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
  private endedListener: ((ended: EndedSession[]) => void) | undefined;

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
    const credential = this.sealCredential(id, input.strapi, now.getTime() + this.config.tokens.refreshTtlMs);
    const session = Object.assign(new SessionEntity(), {
      id,
      userId: input.user.id,
      userDocumentId: input.user.documentId ?? null,
      username: input.user.username,
      email: input.user.email,
      role: input.role,
      ...credential,
      deviceName: input.deviceName ?? null,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
      refreshGeneration: 0,
      createdAt: now,
      lastUsedAt: now,
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
          // Usually a second tab or a retry; but it is also what a thief inside the window looks like, so it leaves a trace.
          await this.audit.record(
            { type: 'refresh_token_replayed', userId: session.userId, sessionId: session.id, details: { generation: token.generation }, context: options.context },
            manager,
            now,
          );
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
            const ended = await this.revokeIn(manager, { sessionId: session.id }, { reason: decision.revoke, actor: 'system', context: options.context }, now);
            return { ok: false as const, session, code: decision.code, ended };
          }
          return { ok: false as const, session, code: decision.code, ended: [] };
      }
    });

    if (!outcome) throw invalidRefreshToken();
    if (!outcome.ok) {
      this.cache.evict(outcome.session.id);
      this.announceEnded(outcome.ended);
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
  async reissue(sessionId: string, strapi: StrapiCredential, now = new Date()): Promise<IssuedSession> {
    const issued = await this.sessions.withLockedSession(sessionId, async (session, manager) => {
      const current = await this.sessions.currentToken(manager, session);
      if (session.revokedAt || !current) throw new AppError('session_revoked', REJECTION_MESSAGES.session_revoked);
      const next = generateRefreshToken();
      const nextGeneration = current.generation + 1;
      const sealed = this.secretBox.seal(next, successorContext(session.id, nextGeneration));
      await this.sessions.rotate(manager, session, current, this.tokenRow(next, session.id, nextGeneration, now), sealed, now);
      const credential = this.sealCredential(session.id, strapi, this.absoluteEnd(session));
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
    const ended = await this.dataSource.transaction((manager) => this.revokeIn(manager, target, revocation, now));
    this.announceEnded(ended);
    return ended.length;
  }

  /**
   * Registers the one listener told about sessions that ended, after the ending committed
   * (StrapiCredentials logs them out of Strapi's refresh mode). It must not throw.
   */
  onEnded(listener: (ended: EndedSession[]) => void): void {
    this.endedListener = listener;
  }

  private announceEnded(ended: EndedSession[]): void {
    if (ended.length > 0) this.endedListener?.(ended);
  }

  private async revokeIn(manager: EntityManager, target: RevocationTarget, revocation: Revocation, now: Date): Promise<EndedSession[]> {
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
    return ended;
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

  strapiJwt(session: Pick<SessionEntity, 'id' | 'strapiJwtEncrypted'>): string {
    return this.secretBox.open(session.strapiJwtEncrypted, strapiJwtContext(session.id));
  }

  /** Strapi's refresh token of a session in Strapi's refresh mode. */
  strapiRefreshToken(session: Pick<SessionEntity, 'id' | 'strapiRefreshEncrypted'>): string | undefined {
    return session.strapiRefreshEncrypted === null ? undefined : this.secretBox.open(session.strapiRefreshEncrypted, strapiRefreshContext(session.id));
  }

  /**
   * Strapi's refresh mode: gives the session a new Strapi JWT under its row lock, so only one
   * caller on any instance ever spends Strapi's refresh token ("Strapi's rotation never forks").
   * `isDue` is re-checked on the locked row: if another caller renewed it meanwhile, that is used.
   * If `exchange` fails with a fault, nothing changes; if Strapi refuses the refresh token
   * (`session_expired`), the session ends as `upstream_rejected`.
   */
  async renewStrapiCredential(
    sessionId: string,
    isDue: (session: SessionEntity) => boolean,
    exchange: (refreshToken: string) => Promise<Required<StrapiCredential>>,
    now = new Date(),
  ): Promise<RenewalOutcome> {
    const outcome = await this.sessions.withLockedSession(sessionId, async (session, manager): Promise<RenewalOutcome & { ended?: EndedSession[] }> => {
      if (session.revokedAt) return { kind: 'ended', code: endedCode(session) };
      const refreshToken = this.strapiRefreshToken(session);
      if (!refreshToken || !isDue(session)) return { kind: 'current', session };
      let renewed: Required<StrapiCredential>;
      try {
        renewed = await exchange(refreshToken);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'session_expired')) throw error;
        const ended = await this.revokeIn(manager, { sessionId }, { reason: 'upstream_rejected', actor: 'system' }, now);
        return { kind: 'ended', code: 'session_expired', ended };
      }
      const credential = this.sealCredential(sessionId, renewed, this.absoluteEnd(session));
      await this.sessions.updateCredential(manager, sessionId, credential);
      return { kind: 'renewed', session: Object.assign(session, credential) };
    });
    this.cache.evict(sessionId);
    if (!outcome) return { kind: 'ended', code: 'session_revoked' };
    if ('ended' in outcome && outcome.ended) this.announceEnded(outcome.ended);
    return outcome;
  }

  /** Marks that Strapi has been told about a session's end: its refresh token is no longer kept. */
  forgetStrapiRefreshToken(sessionId: string): Promise<void> {
    return this.sessions.clearStrapiRefresh(sessionId);
  }

  /**
   * The sealed Strapi credential columns. A session never outlives the Strapi credential it
   * holds: in Strapi's refresh mode that is the refresh token, otherwise the JWT.
   */
  private sealCredential(sessionId: string, strapi: StrapiCredential, absoluteEnd: number) {
    const strapiJwtExpiresAt = strapiJwtExpiry(strapi.jwt);
    const strapiRefreshExpiresAt = strapi.refreshToken === undefined ? null : strapiJwtExpiry(strapi.refreshToken);
    const upstreamEnd = strapi.refreshToken === undefined ? strapiJwtExpiresAt : strapiRefreshExpiresAt;
    return {
      strapiJwtEncrypted: this.secretBox.seal(strapi.jwt, strapiJwtContext(sessionId)),
      strapiJwtExpiresAt,
      strapiRefreshEncrypted: strapi.refreshToken === undefined ? null : this.secretBox.seal(strapi.refreshToken, strapiRefreshContext(sessionId)),
      strapiRefreshExpiresAt,
      expiresAt: new Date(Math.min(absoluteEnd, upstreamEnd?.getTime() ?? absoluteEnd)),
    };
  }

  /** The end REFRESH_TOKEN_TTL gives a session, whatever its Strapi credential allows. */
  private absoluteEnd(session: SessionEntity): number {
    return session.createdAt.getTime() + this.config.tokens.refreshTtlMs;
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
  account_blocked: 'This account has been blocked',
  account_deleted: 'This account no longer exists',
  refresh_token_reused: 'This refresh token was already used; the session has been revoked for safety',
} as const;

/** The error a client gets for a session that has ended, by how it ended. */
export function sessionEndedError(code: EndedCode): AppError {
  return new AppError(code, REJECTION_MESSAGES[code]);
}

function invalidRefreshToken(): AppError {
  return new AppError('invalid_refresh_token', 'The refresh token is not valid');
}

function strapiJwtContext(sessionId: string): string {
  return `session:${sessionId}:strapi-jwt`;
}

function strapiRefreshContext(sessionId: string): string {
  return `session:${sessionId}:strapi-refresh`;
}

function successorContext(sessionId: string, generation: number): string {
  return `session:${sessionId}:refresh:${generation}`;
}
