import { endedCode, type EndedCode, type RevocationReason } from './revocation';

/**
 * The refresh decision, kept pure so every branch is unit-tested without a database.
 * It is evaluated under the session's row lock, so the inputs cannot change underneath it.
 */
export interface SessionState {
  refreshGeneration: number;
  lastUsedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason?: RevocationReason | null;
}

export interface PresentedToken {
  generation: number;
  rotatedAt: Date | null;
  hasSuccessor: boolean;
}

export interface LifetimePolicy {
  idleTtlMs: number;
  reuseGraceMs: number;
}

export type RefreshDecision =
  | { kind: 'rotate' }
  /** A concurrent refresh of the token that was just rotated: answer with the same successor. */
  | { kind: 'replay_successor' }
  | { kind: 'reject'; code: EndedCode }
  | { kind: 'reject'; code: 'session_expired'; revoke: 'expired' }
  | { kind: 'reject'; code: 'refresh_token_reused'; revoke: 'reuse_detected' };

export function sessionEndsAt(session: Pick<SessionState, 'lastUsedAt' | 'expiresAt'>, idleTtlMs: number): Date {
  const idleEnd = session.lastUsedAt.getTime() + idleTtlMs;
  return new Date(Math.min(idleEnd, session.expiresAt.getTime()));
}

export function decideRefresh(session: SessionState, token: PresentedToken, now: Date, policy: LifetimePolicy): RefreshDecision {
  if (session.revokedAt) return { kind: 'reject', code: endedCode(session.revokedReason ?? null) };
  if (now.getTime() >= sessionEndsAt(session, policy.idleTtlMs).getTime()) {
    return { kind: 'reject', code: 'session_expired', revoke: 'expired' };
  }
  if (token.generation === session.refreshGeneration) return { kind: 'rotate' };

  const isImmediatePredecessor = token.generation === session.refreshGeneration - 1;
  const rotatedAgoMs = token.rotatedAt ? now.getTime() - token.rotatedAt.getTime() : Number.POSITIVE_INFINITY;
  if (isImmediatePredecessor && token.hasSuccessor && rotatedAgoMs <= policy.reuseGraceMs) {
    return { kind: 'replay_successor' };
  }
  return { kind: 'reject', code: 'refresh_token_reused', revoke: 'reuse_detected' };
}
