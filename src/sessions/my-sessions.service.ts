import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import type { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { MySessionDto } from './dto/session.dto';
import { SessionRevoker } from './revocation';
import { sessionSummary } from './session-view';
import { SessionsRepository } from './sessions.repository';

/** What a signed-in user may do with their own sessions. */
@Injectable()
export class MySessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly revoker: SessionRevoker,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(userId: number, currentSessionId: string): Promise<MySessionDto[]> {
    const rows = await this.sessions.listActiveOfUser(userId, new Date(), this.config.tokens.refreshIdleTtlMs);
    return rows.map((session) => ({ ...sessionSummary(session), current: session.id === currentSessionId }));
  }

  /** Someone else's session and an unknown id look the same: 404, so ids can't be probed. */
  async revokeOne(userId: number, sessionId: string, context: RequestContext): Promise<void> {
    const session = await this.sessions.getById(sessionId);
    if (!session || session.userId !== userId) throw new AppError('not_found', 'No such session');
    await this.revoker.revoke({ sessionId }, { reason: 'user_revoked', actor: 'self', context });
  }

  async revokeMany(userId: number, currentSessionId: string, scope: 'others' | 'all', context: RequestContext): Promise<{ revoked: number }> {
    const target = scope === 'others' ? { userId, exceptSessionId: currentSessionId } : { userId };
    return { revoked: await this.revoker.revoke(target, { reason: 'user_revoked', actor: 'self', context }) };
  }
}
