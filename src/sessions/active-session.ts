import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { sessionEndsAt } from './refresh-policy';
import { endedCode } from './revocation';
import { SessionCache } from './session-cache';
import { sessionEndedError, sessionUnknown } from './session-errors';
import type { SessionEntity } from './session.entity';

/**
 * The per-request check behind every access token: the session still exists, is this user's, and
 * has neither been revoked nor run out. Served from the ≤ 1 s session cache, which is what bounds
 * how long a revocation made on another instance can go unseen.
 */
@Injectable()
export class ActiveSessions {
  constructor(
    private readonly cache: SessionCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async requireActive(sessionId: string, userId: number, now = Date.now()): Promise<SessionEntity> {
    const session = await this.cache.get(sessionId);
    if (!session || session.userId !== userId) throw sessionUnknown();
    if (session.revokedAt) throw sessionEndedError(endedCode(session.revokedReason));
    if (now >= sessionEndsAt(session, this.config.tokens.refreshIdleTtlMs).getTime()) throw sessionEndedError('session_expired');
    return session;
  }
}
