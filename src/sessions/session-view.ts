import { sessionEndsAt } from './refresh-policy';
import type { SessionEntity } from './session.entity';
import type { SessionStatus } from './sessions.repository';

export function sessionStatus(session: SessionEntity, now: Date, idleTtlMs: number): SessionStatus {
  if (session.revokedAt) return session.revokedReason === 'expired' ? 'expired' : 'revoked';
  return now.getTime() >= sessionEndsAt(session, idleTtlMs).getTime() ? 'expired' : 'active';
}
