import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AppError } from '../common/app-error';
import type { RequestContext } from '../common/request-context';
import { Metrics } from '../metrics/metrics';
import { StrapiClient } from '../strapi/strapi.client';
import { sessionEndedError } from './session-errors';
import type { RevocationActor, SessionEntity } from './session.entity';
import { SessionCache } from './session-cache';
import { SessionsRepository, type RevocationTarget } from './sessions.repository';

/** Why a session ended. Stored in `revoked_reason`, shown to admins, and mapped to what the client is told. */
export type RevocationReason =
  | 'logout'
  | 'user_revoked'
  | 'admin_revoked'
  | 'reuse_detected'
  | 'expired'
  | 'password_changed'
  | 'password_reset'
  | 'account_blocked'
  | 'account_deleted'
  | 'upstream_rejected'
  | 'mfa_reset';

/** The codes a client gets for a session that has ended. */
export type EndedCode = 'session_revoked' | 'session_expired' | 'account_blocked' | 'account_deleted';

/**
 * What the client is told, by reason: expiry (or Strapi no longer accepting the credential) reads
 * as expired, a blocked or deleted account as such, any other ending as revoked.
 */
const CODE_BY_REASON: Record<RevocationReason, EndedCode> = {
  logout: 'session_revoked',
  user_revoked: 'session_revoked',
  admin_revoked: 'session_revoked',
  reuse_detected: 'session_revoked',
  password_changed: 'session_revoked',
  password_reset: 'session_revoked',
  mfa_reset: 'session_revoked',
  expired: 'session_expired',
  upstream_rejected: 'session_expired',
  account_blocked: 'account_blocked',
  account_deleted: 'account_deleted',
};

export function endedCode(reason: string | null): EndedCode {
  // hasOwn: a stored string such as "constructor" must not find Object.prototype's.
  return reason !== null && Object.hasOwn(CODE_BY_REASON, reason) ? CODE_BY_REASON[reason as RevocationReason] : 'session_revoked';
}

export interface Revocation {
  reason: RevocationReason;
  actor: RevocationActor;
  /** An admin's free text. */
  note?: string | null;
  /** The request that caused it, for the audit trail. */
  context?: RequestContext;
}

/** A session that just ended, with what is needed to tell Strapi (refresh mode) about it. */
export type EndedSession = Pick<SessionEntity, 'id' | 'userId' | 'strapiJwtEncrypted' | 'strapiJwtExpiresAt' | 'strapiRefreshEncrypted'>;

/**
 * How Strapi refused a session's own credential: its 401 to the JWT or refresh token
 * (`credential_rejected`), or users-permissions' "Invalid credentials" for a token it issued,
 * which it says alike for a blocked, deleted or unconfirmed account (`account_refused`).
 */
export type StrapiRefusal = 'credential_rejected' | 'account_refused';

/**
 * The one way sessions end: one session, or all of a user's (optionally but one). Records reason
 * and actor on each row and in the audit trail in one transaction, evicts them from this
 * instance's cache, then tells the listener (Strapi logout in refresh mode) after the commit.
 */
@Injectable()
export class SessionRevoker {
  private readonly logger = new Logger(SessionRevoker.name);
  private endedListener: ((ended: EndedSession[]) => void) | undefined;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly cache: SessionCache,
    private readonly audit: AuditService,
    private readonly strapi: StrapiClient,
    private readonly metrics: Metrics,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Returns how many sessions this call ended (a session that had already ended keeps its first reason). */
  async revoke(target: RevocationTarget, revocation: Revocation, now = new Date()): Promise<number> {
    const ended = await this.dataSource.transaction((manager) => this.revokeIn(manager, target, revocation, now));
    this.announce(ended);
    return ended.length;
  }

  /** As revoke(), inside the caller's transaction; the caller announces the result once it committed. */
  async revokeIn(manager: EntityManager, target: RevocationTarget, revocation: Revocation, now: Date): Promise<EndedSession[]> {
    const ended = await this.sessions.revoke(target, revocation, now, manager);
    for (const { id, userId } of ended) {
      this.cache.evict(id);
      const details = revocation.note ? { note: revocation.note } : undefined;
      await this.audit.record({ type: 'session_revoked', userId, sessionId: id, actor: revocation.actor, reason: revocation.reason, details, context: revocation.context }, manager, now);
    }
    if (ended.length > 0) {
      // Counted here, inside the transaction: its callers commit right after, and a rollback is a failure logged on its own.
      this.metrics.sessionsRevoked(revocation.reason, ended.length);
      this.logger.log(
        { event: 'session_revoked', sessions: ended.length, reason: revocation.reason, actor: revocation.actor, requestId: revocation.context?.requestId },
        'Sessions revoked',
      );
    }
    return ended;
  }

  /** Registers the one listener told about sessions that ended, after the ending committed. It must not throw. */
  onEnded(listener: (ended: EndedSession[]) => void): void {
    this.endedListener = listener;
  }

  announce(ended: EndedSession[]): void {
    if (ended.length > 0) this.endedListener?.(ended);
  }

  /**
   * Strapi refused a session's own credential, so the session is over; this decides how, for the
   * proxy, the revalidation at refresh and the renewal of Strapi's JWT alike. Strapi can't tell a
   * blocked account from a deleted one; with STRAPI_API_TOKEN the BFF asks. A blocked or deleted
   * account loses every session, not only this one. Returns the error the client gets.
   */
  async endRefusedByStrapi(session: Pick<SessionEntity, 'id' | 'userId'>, refusal: StrapiRefusal, context?: RequestContext): Promise<AppError> {
    const reason = await this.whyRefused(session.userId, refusal, context);
    const target = reason === 'upstream_rejected' ? { sessionId: session.id } : { userId: session.userId };
    await this.revoke(target, { reason, actor: 'system', context });
    return sessionEndedError(endedCode(reason));
  }

  private async whyRefused(userId: number, refusal: StrapiRefusal, context: RequestContext | undefined): Promise<RevocationReason> {
    if (this.strapi.canLookUpAccounts) {
      try {
        const status = await this.strapi.accountStatus(userId, { requestId: context?.requestId });
        if (status === 'deleted') return 'account_deleted';
        if (status === 'blocked') return 'account_blocked';
        return 'upstream_rejected';
      } catch {
        // Strapi's own answer stands; the lookup only refines it.
      }
    }
    return refusal === 'account_refused' ? 'account_blocked' : 'upstream_rejected';
  }
}
