import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { isUuid } from '../common/uuid';
import { boundedTotal, type BoundedTotal } from '../database/bounded-count';
import { RefreshTokenEntity } from './refresh-token.entity';
import type { RevocationReason } from './revocation';
import { SessionEntity, type RevocationActor } from './session.entity';

export type SessionStatus = 'active' | 'revoked' | 'expired';

export interface SessionPageQuery {
  userId?: number;
  /** A user id, email or username, matched exactly (email and username case-insensitively). */
  q?: string;
  status: SessionStatus | 'all';
  page: number;
  pageSize: number;
  now: Date;
  idleTtlMs: number;
}

export type RevocationTarget = { sessionId: string } | { userId: number; exceptSessionId?: string };

/** A refresh token found by its hash: its session as it is now, and which generation the token is. */
export interface PresentedRefreshToken {
  session: SessionEntity;
  generation: number;
}

const EXPIRY_PENDING = 's.expires_at > :now AND s.last_used_at > :idleCutoff';
/** Not revoked, and neither the absolute nor the idle end has passed. */
const ACTIVE = `s.revoked_at IS NULL AND ${EXPIRY_PENDING}`;

/** The largest Strapi user id (Postgres int4). */
const MAX_USER_ID = 2_147_483_647;

/**
 * The condition for "this user", by id, email or username. Email and username are compared
 * lower-cased, which the expression indexes of migration 1764950000000 serve, so a search on a
 * million rows is a few index lookups.
 */
function userMatch(q: string): { sql: string; params: Record<string, unknown> } {
  const value = q.trim().toLowerCase();
  const id = /^\d{1,10}$/.test(value) ? Number(value) : 0;
  if (id >= 1 && id <= MAX_USER_ID) {
    return { sql: '(s.user_id = :qUserId OR lower(s.email) = :q OR lower(s.username) = :q)', params: { qUserId: id, q: value } };
  }
  return { sql: '(lower(s.email) = :q OR lower(s.username) = :q)', params: { q: value } };
}

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertWithFirstToken(session: SessionEntity, token: RefreshTokenEntity): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(SessionEntity, session);
      await manager.insert(RefreshTokenEntity, token);
    });
  }

  /** Null for an unknown id, including one that isn't a UUID at all (as a client may send). */
  async getById(id: string): Promise<SessionEntity | null> {
    if (!isUuid(id)) return null;
    return this.dataSource.getRepository(SessionEntity).findOneBy({ id });
  }

  /**
   * The one lookup of a presented refresh token: which session and generation it is. A token's
   * generation never changes, and everything else the refresh decision needs is on the session
   * row, which the refresh then re-reads under its lock (withLockedSession).
   */
  async findByRefreshTokenHash(tokenHash: string): Promise<PresentedRefreshToken | null> {
    const { entities, raw } = await this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .innerJoin(RefreshTokenEntity, 't', 't.session_id = s.id')
      .addSelect('t.generation', 'presented_generation')
      .where('t.token_hash = :tokenHash', { tokenHash })
      .getRawAndEntities<{ presented_generation: number }>();
    return entities[0] && raw[0] ? { session: entities[0], generation: raw[0].presented_generation } : null;
  }

  /**
   * Runs `work` in one transaction holding the session row's lock, with the row read after the
   * lock is taken. Every refresh and renewal of a session, on any BFF instance, queues here, so
   * check-and-rotate can never interleave. Undefined when the session is gone.
   */
  async withLockedSession<T>(sessionId: string, work: (session: SessionEntity, manager: EntityManager) => Promise<T>): Promise<T | undefined> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const session = await manager
        .getRepository(SessionEntity)
        .createQueryBuilder('session')
        .setLock('pessimistic_write')
        .where('session.id = :id', { id: sessionId })
        .getOne();
      return session ? work(session, manager) : undefined;
    });
  }

  async updateCredential(
    manager: EntityManager,
    sessionId: string,
    values: Pick<SessionEntity, 'strapiJwtEncrypted' | 'strapiJwtExpiresAt' | 'strapiRefreshEncrypted' | 'strapiRefreshExpiresAt' | 'expiresAt'>,
  ): Promise<void> {
    await manager.update(SessionEntity, { id: sessionId }, values);
  }

  async clearStrapiRefresh(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).update({ id: sessionId }, { strapiRefreshEncrypted: null });
  }

  /** Ended sessions whose Strapi session (refresh mode) could not be ended yet, oldest first. */
  findEndedWithStrapiRefresh(limit: number): Promise<SessionEntity[]> {
    return this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.revoked_at IS NOT NULL AND s.strapi_refresh_enc IS NOT NULL')
      .orderBy('s.revoked_at', 'ASC')
      .take(limit)
      .getMany();
  }

  /**
   * Moves the chain one step: the current token is marked rotated, its successor inserted, and the
   * session remembers when, with the successor sealed for replays inside the grace window (the
   * previous successor, of an older token, is dropped by the same write).
   */
  async rotate(manager: EntityManager, session: SessionEntity, next: RefreshTokenEntity, successorEncrypted: string, now: Date): Promise<void> {
    await manager.update(RefreshTokenEntity, { sessionId: session.id, generation: session.refreshGeneration }, { rotatedAt: now });
    await manager.insert(RefreshTokenEntity, next);
    await manager.update(
      SessionEntity,
      { id: session.id },
      { refreshGeneration: next.generation, lastUsedAt: now, previousRotatedAt: now, successorEncrypted },
    );
  }

  async touch(manager: EntityManager, sessionId: string, now: Date): Promise<void> {
    await manager.update(SessionEntity, { id: sessionId }, { lastUsedAt: now });
  }

  /**
   * Ends the active sessions that match, recording reason and actor. Idempotent: a session that is
   * already revoked keeps its first reason. Returns the sessions this call ended.
   */
  async revoke(
    target: RevocationTarget,
    revocation: { reason: RevocationReason; actor: RevocationActor; note?: string | null },
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Pick<SessionEntity, 'id' | 'userId' | 'strapiJwtEncrypted' | 'strapiJwtExpiresAt' | 'strapiRefreshEncrypted'>[]> {
    const query = manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: now, revokedReason: revocation.reason, revokedBy: revocation.actor, revokeNote: revocation.note ?? null })
      .where('revoked_at IS NULL')
      .returning('id, user_id, strapi_jwt_enc, strapi_jwt_expires_at, strapi_refresh_enc');
    if ('sessionId' in target) query.andWhere('id = :id', { id: target.sessionId });
    else {
      query.andWhere('user_id = :userId', { userId: target.userId });
      if (target.exceptSessionId) query.andWhere('id <> :except', { except: target.exceptSessionId });
    }
    const result = await query.execute();
    type Row = { id: string; user_id: number; strapi_jwt_enc: string; strapi_jwt_expires_at: Date | null; strapi_refresh_enc: string | null };
    return (result.raw as Row[]).map((row) => ({
      id: row.id,
      userId: row.user_id,
      strapiJwtEncrypted: row.strapi_jwt_enc,
      strapiJwtExpiresAt: row.strapi_jwt_expires_at,
      strapiRefreshEncrypted: row.strapi_refresh_enc,
    }));
  }

  /** The user's sessions that can still be used, newest first. */
  listActiveOfUser(userId: number, now: Date, idleTtlMs: number): Promise<SessionEntity[]> {
    return this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.user_id = :userId', { userId })
      .andWhere(ACTIVE, { now, idleCutoff: new Date(now.getTime() - idleTtlMs) })
      .orderBy('s.created_at', 'DESC')
      .getMany();
  }

  /** One page for the admin console. Every filter combination is served by an index (see the 1M-row plan test). */
  async findPage(query: SessionPageQuery): Promise<{ rows: SessionEntity[] } & BoundedTotal> {
    const page = this.pageQuery(query);
    const [rows, total] = await Promise.all([page.getMany(), boundedTotal(page)]);
    return { rows, ...total };
  }

  /** The admin listing query, separate so its plan can be inspected (see the 1M-row plan test). */
  pageQuery(query: SessionPageQuery): SelectQueryBuilder<SessionEntity> {
    const builder = this.dataSource.getRepository(SessionEntity).createQueryBuilder('s');
    if (query.userId !== undefined) builder.andWhere('s.user_id = :userId', { userId: query.userId });
    if (query.q !== undefined) {
      const match = userMatch(query.q);
      builder.andWhere(match.sql, match.params);
    }
    const params = { now: query.now, idleCutoff: new Date(query.now.getTime() - query.idleTtlMs) };
    if (query.status === 'active') builder.andWhere(ACTIVE, params);
    if (query.status === 'revoked') builder.andWhere("s.revoked_at IS NOT NULL AND s.revoked_reason <> 'expired'");
    if (query.status === 'expired') builder.andWhere(`((s.revoked_at IS NULL AND NOT (${EXPIRY_PENDING})) OR s.revoked_reason = 'expired')`, params);
    return builder
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
  }

  /** A re-authentication or a second factor on the current session: its freshness, and maybe its level. */
  async updateAssurance(sessionId: string, assurance: Pick<SessionEntity, 'aal' | 'amr' | 'authTime'>): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).update({ id: sessionId }, assurance);
  }

  /**
   * The Strapi user ids whose sessions carry this id, email or username (at most two: one is an
   * answer, two say the name is ambiguous). Sessions keep the email and username Strapi gave at
   * sign-in, so a user is found by them without asking Strapi.
   */
  async userIdsMatching(q: string): Promise<number[]> {
    const match = userMatch(q);
    const rows = await this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .select('DISTINCT s.user_id', 'user_id')
      .where(match.sql, match.params)
      .limit(2)
      .getRawMany<{ user_id: number }>();
    return rows.map((row) => row.user_id);
  }

  /** Sessions neither revoked nor past either end, for bff_active_sessions (read at most every 30 s). */
  async countActive(now: Date, idleTtlMs: number): Promise<number> {
    return this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where(ACTIVE, { now, idleCutoff: new Date(now.getTime() - idleTtlMs) })
      .getCount();
  }

  async updateRole(manager: EntityManager, sessionId: string, role: string | null): Promise<void> {
    await manager.update(SessionEntity, { id: sessionId }, { role });
  }
}
