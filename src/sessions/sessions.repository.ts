import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity, type RevocationActor } from './session.entity';

export interface LockedRefresh {
  session: SessionEntity;
  token: RefreshTokenEntity;
  manager: EntityManager;
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

  getById(id: string): Promise<SessionEntity | null> {
    return this.dataSource.getRepository(SessionEntity).findOneBy({ id });
  }

  async getByRefreshTokenHash(tokenHash: string): Promise<SessionEntity | null> {
    const token = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash });
    return token ? this.getById(token.sessionId) : null;
  }

  /**
   * Runs `work` in one transaction holding the session row's lock, with the presented token
   * re-read after the lock is taken. Every refresh of a session, on any BFF instance, queues
   * here, so check-and-rotate can never interleave. Returns undefined for an unknown token.
   */
  async withLockedRefresh<T>(tokenHash: string, work: (locked: LockedRefresh) => Promise<T>): Promise<T | undefined> {
    const known = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash });
    if (!known) return undefined;
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const session = await manager
        .getRepository(SessionEntity)
        .createQueryBuilder('session')
        .setLock('pessimistic_write')
        .where('session.id = :id', { id: known.sessionId })
        .getOne();
      const token = await manager.getRepository(RefreshTokenEntity).findOneBy({ tokenHash });
      if (!session || !token) return undefined;
      return work({ session, token, manager });
    });
  }

  /** Moves the chain one step: the old token is marked rotated and remembers its sealed successor. */
  async rotate(
    manager: EntityManager,
    session: SessionEntity,
    previous: RefreshTokenEntity,
    next: RefreshTokenEntity,
    successorEncrypted: string,
    now: Date,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ successorEncrypted: null })
      .where('session_id = :sessionId AND generation < :generation AND successor_enc IS NOT NULL', {
        sessionId: session.id,
        generation: previous.generation,
      })
      .execute();
    await manager.update(RefreshTokenEntity, { tokenHash: previous.tokenHash }, { rotatedAt: now, successorEncrypted });
    await manager.insert(RefreshTokenEntity, next);
    await manager.update(SessionEntity, { id: session.id }, { refreshGeneration: next.generation, lastUsedAt: now });
  }

  async touch(manager: EntityManager, sessionId: string, now: Date): Promise<void> {
    await manager.update(SessionEntity, { id: sessionId }, { lastUsedAt: now });
  }

  /** Idempotent: a session that is already revoked keeps its first reason and actor. Returns whether this call revoked it. */
  async revoke(
    sessionId: string,
    reason: string,
    actor: RevocationActor,
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const result = await manager.update(
      SessionEntity,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: now, revokedReason: reason, revokedBy: actor },
    );
    return (result.affected ?? 0) > 0;
  }
}
