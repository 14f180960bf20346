import { decideRefresh, sessionEndsAt, type PresentedToken, type SessionState } from './refresh-policy';
import { endedCode } from './revocation';

const T0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);
const policy = { idleTtlMs: 60_000, reuseGraceMs: 10_000 };

function session(overrides: Partial<SessionState> = {}): SessionState {
  return { refreshGeneration: 3, lastUsedAt: T0, expiresAt: at(3_600_000), revokedAt: null, ...overrides };
}

function token(overrides: Partial<PresentedToken> = {}): PresentedToken {
  return { generation: 3, rotatedAt: null, hasSuccessor: false, ...overrides };
}

describe('decideRefresh', () => {
  it('rotates the current token of an active session', () => {
    expect(decideRefresh(session(), token(), at(1000), policy)).toEqual({ kind: 'rotate' });
  });

  it('gives concurrent callers the same successor while the previous token is inside the grace window', () => {
    const previous = token({ generation: 2, rotatedAt: at(0), hasSuccessor: true });
    expect(decideRefresh(session(), previous, at(10_000), policy)).toEqual({ kind: 'replay_successor' });
  });

  it('treats the previous token as reuse once the grace window has passed', () => {
    const previous = token({ generation: 2, rotatedAt: at(0), hasSuccessor: true });
    expect(decideRefresh(session(), previous, at(10_001), policy)).toEqual({ kind: 'reject', code: 'refresh_token_reused', revoke: 'reuse_detected' });
  });

  it('treats any older token as reuse, even inside the grace window', () => {
    const older = token({ generation: 1, rotatedAt: at(0), hasSuccessor: false });
    expect(decideRefresh(session(), older, at(1), policy)).toEqual({ kind: 'reject', code: 'refresh_token_reused', revoke: 'reuse_detected' });
  });

  it('treats the previous token without a stored successor as reuse', () => {
    const previous = token({ generation: 2, rotatedAt: at(0), hasSuccessor: false });
    expect(decideRefresh(session(), previous, at(1), policy).kind).toBe('reject');
  });

  it('treats a token from the future of the chain as reuse rather than trusting it', () => {
    expect(decideRefresh(session(), token({ generation: 4 }), at(1), policy)).toMatchObject({ code: 'refresh_token_reused' });
  });

  it('refuses any token of a revoked session without revoking again', () => {
    expect(decideRefresh(session({ revokedAt: at(0) }), token(), at(1), policy)).toEqual({ kind: 'reject', code: 'session_revoked' });
  });

  it('reports a session the server already ended for age as expired, not revoked', () => {
    expect(decideRefresh(session({ revokedAt: at(0), revokedReason: 'expired' }), token(), at(1), policy)).toEqual({ kind: 'reject', code: 'session_expired' });
  });

  it('expires a session that sat idle for the idle lifetime', () => {
    expect(decideRefresh(session(), token(), at(60_000), policy)).toEqual({ kind: 'reject', code: 'session_expired', revoke: 'expired' });
    expect(decideRefresh(session(), token(), at(59_999), policy)).toEqual({ kind: 'rotate' });
  });

  it('expires a session at its absolute end even when it is in constant use', () => {
    const busy = session({ lastUsedAt: at(3_599_000) });
    expect(decideRefresh(busy, token(), at(3_600_000), policy)).toMatchObject({ code: 'session_expired' });
  });

  it('ends a session at the earlier of its idle and absolute ends', () => {
    expect(sessionEndsAt(session(), 60_000)).toEqual(at(60_000));
    expect(sessionEndsAt(session({ expiresAt: at(30_000) }), 60_000)).toEqual(at(30_000));
  });
});

describe('endedCode', () => {
  it.each([
    ['expired', 'session_expired'],
    ['upstream_rejected', 'session_expired'],
    ['account_blocked', 'account_blocked'],
    ['account_deleted', 'account_deleted'],
    ['logout', 'session_revoked'],
    ['admin_revoked', 'session_revoked'],
    ['reuse_detected', 'session_revoked'],
    [null, 'session_revoked'],
  ])('tells the client a session that ended with %s: %s', (reason, code) => {
    expect(endedCode(reason)).toBe(code);
  });

  it('does not read inherited object keys as reasons', () => {
    expect(endedCode('constructor')).toBe('session_revoked');
  });
});
