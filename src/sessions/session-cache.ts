import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { SessionEntity } from './session.entity';
import { SessionsRepository } from './sessions.repository';

interface Entry {
  session: SessionEntity | null;
  loadedAt: number;
}

const MAX_ENTRIES = 10_000;

/**
 * A small per-instance cache of session rows for the per-request "is this session still
 * active?" check. An entry lives at most SESSION_CACHE_TTL (≤ 1 s), which bounds how long a
 * revocation made on another instance can go unseen. Revocations on this instance evict at once.
 * Concurrent misses for one session share a single query.
 */
@Injectable()
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<SessionEntity | null>>();
  private readonly ttlMs: number;

  constructor(
    private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.sessionCacheTtlMs;
  }

  async get(sessionId: string): Promise<SessionEntity | null> {
    const entry = this.entries.get(sessionId);
    if (entry && Date.now() - entry.loadedAt < this.ttlMs) return entry.session;
    return this.load(sessionId);
  }

  evict(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  private load(sessionId: string): Promise<SessionEntity | null> {
    const pending = this.inflight.get(sessionId);
    if (pending) return pending;
    const loading = this.sessions
      .getById(sessionId)
      .then((session) => {
        this.store(sessionId, session);
        return session;
      })
      .finally(() => this.inflight.delete(sessionId));
    this.inflight.set(sessionId, loading);
    return loading;
  }

  private store(sessionId: string, session: SessionEntity | null): void {
    if (this.ttlMs === 0) return;
    this.entries.delete(sessionId);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(sessionId, { session, loadedAt: Date.now() });
  }
}
