import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { RevocationActor, SessionEntity } from '../sessions/session.entity';
import { SessionRevoker } from '../sessions/revocation';
import { sessionStatus, sessionSummary } from '../sessions/session-view';
import { SessionsRepository } from '../sessions/sessions.repository';
import { amrOf } from '../sessions/assurance';
import { ChallengesRepository } from '../mfa/challenges.repository';
import { FactorsRepository } from '../mfa/factors.repository';
import type { AdminSessionDto, AdminSessionPageDto, AdminSessionsQuery, AdminUserSessionsQuery, AuditEventPageDto, AuditEventsQuery } from './dto/admin.dto';
import type { UserRef } from './user-ref';

/** The admin console's use cases (and the CLI's): find sessions, end them, read the audit trail. */
@Injectable()
export class AdminService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly revoker: SessionRevoker,
    private readonly audit: AuditService,
    private readonly factors: FactorsRepository,
    private readonly challenges: ChallengesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async listSessions(query: AdminSessionsQuery): Promise<AdminSessionPageDto> {
    const now = new Date();
    const { rows, total, totalExact } = await this.sessions.findPage({ ...query, now, idleTtlMs: this.config.tokens.refreshIdleTtlMs });
    return { data: rows.map((row) => this.toDto(row, now)), meta: { page: query.page, pageSize: query.pageSize, total, totalExact } };
  }

  /** One user's sessions, the user named by id, email or username. */
  async listUserSessions(user: UserRef, query: AdminUserSessionsQuery): Promise<AdminSessionPageDto> {
    return this.listSessions({ ...query, userId: await this.resolveUser(user) });
  }

  /**
   * A user id for an id, email or username. Names are looked up on the session rows (they keep
   * what Strapi said at sign-in), so a user who never signed in through the BFF has nothing to
   * find, and 404 says so; a name two users have had is refused rather than guessed.
   */
  async resolveUser(user: UserRef): Promise<number> {
    if (user.kind === 'id') return user.id;
    const ids = await this.sessions.userIdsMatching(user.name);
    if (ids.length === 0) throw new AppError('not_found', 'No session of a user with this email or username');
    if (ids.length > 1) throw new AppError('validation_failed', 'More than one user has had this email or username; name the user by id');
    return ids[0];
  }

  async getSession(id: string): Promise<AdminSessionDto> {
    return this.toDto(await this.requireSession(id), new Date());
  }

  /** Returns how many sessions this ended (0 for one that had already ended). */
  async revokeSession(id: string, actor: RevocationActor, note: string | undefined, context?: RequestContext): Promise<{ revoked: number }> {
    await this.requireSession(id);
    const revoked = await this.revoker.revoke({ sessionId: id }, { reason: 'admin_revoked', actor, note: note ?? null, context });
    return { revoked };
  }

  async revokeUserSessions(user: UserRef, actor: RevocationActor, note: string | undefined, context?: RequestContext): Promise<{ revoked: number }> {
    const userId = await this.resolveUser(user);
    const revoked = await this.revoker.revoke({ userId }, { reason: 'admin_revoked', actor, note: note ?? null, context });
    await this.audit.record({ type: 'admin_user_sessions_revoked', userId, actor, reason: 'admin_revoked', details: { revoked, ...(note ? { note } : {}) }, context });
    return { revoked };
  }

  /**
   * For a user who lost their device: every factor and recovery code goes, sign-ins waiting for a
   * second factor end, and so do the user's sessions. The next sign-in starts from no factor
   * (and enrolment, if the role requires one).
   */
  async resetMfa(user: UserRef, actor: RevocationActor, context?: RequestContext): Promise<{ revoked: number }> {
    const userId = await this.resolveUser(user);
    const now = new Date();
    const factors = await this.factors.deleteAllOfUser(userId);
    await this.challenges.endAllOfUser(userId, 'reset', now);
    const revoked = await this.revoker.revoke({ userId }, { reason: 'mfa_reset', actor, context });
    await this.audit.record({ type: 'admin_mfa_reset', userId, actor, reason: 'mfa_reset', details: { factors, revoked }, context });
    return { revoked };
  }

  async listAuditEvents(query: AuditEventsQuery): Promise<AuditEventPageDto> {
    const { rows, total, totalExact } = await this.audit.findPage({
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
    return {
      data: rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })),
      meta: { page: query.page, pageSize: query.pageSize, total, totalExact },
    };
  }

  private async requireSession(id: string): Promise<SessionEntity> {
    const session = await this.sessions.getById(id);
    if (!session) throw new AppError('not_found', 'No such session');
    return session;
  }

  private toDto(session: SessionEntity, now: Date): AdminSessionDto {
    return {
      ...sessionSummary(session),
      userId: session.userId,
      username: session.username,
      email: session.email,
      role: session.role,
      status: sessionStatus(session, now, this.config.tokens.refreshIdleTtlMs),
      refreshCount: session.refreshGeneration,
      aal: session.aal,
      amr: amrOf(session),
      authTime: session.authTime.toISOString(),
      revokedAt: session.revokedAt?.toISOString() ?? null,
      revokedReason: session.revokedReason,
      revokedBy: session.revokedBy,
      revokeNote: session.revokeNote,
    };
  }
}
