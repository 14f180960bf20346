import { sessionEndsAt } from './refresh-policy';
import type { SessionEntity } from './session.entity';
import type { SessionStatus } from './sessions.repository';

export function sessionStatus(session: SessionEntity, now: Date, idleTtlMs: number): SessionStatus {
  if (session.revokedAt) return session.revokedReason === 'expired' ? 'expired' : 'revoked';
  return now.getTime() >= sessionEndsAt(session, idleTtlMs).getTime() ? 'expired' : 'active';
}

/** What every session listing shows about where and when a session was used. */
export function sessionSummary(session: SessionEntity): {
  id: string;
  deviceName: string | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
} {
  return {
    id: session.id,
    deviceName: session.deviceName,
    ip: session.ip,
    userAgent: session.userAgent,
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
  };
}
