import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionRevoker } from '../sessions/revocation';
import { sessionStatus, sessionSummary } from '../sessions/session-view';
import { SessionsRepository } from '../sessions/sessions.repository';
import { amrOf } from '../sessions/assurance';
import { ChallengesRepository } from '../mfa/challenges.repository';
import { FactorsRepository } from '../mfa/factors.repository';
import type { AdminSessionDto, AdminSessionPageDto, AdminSessionsQuery, AuditEventPageDto, AuditEventsQuery } from './dto/admin.dto';

/** The admin console's use cases: find sessions, end them, read the audit trail. */
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

  async getSession(id: string): Promise<AdminSessionDto> {
    return this.toDto(await this.requireSession(id), new Date());
  }

  async revokeSession(id: string, adminId: number, note: string | undefined, context: RequestContext): Promise<void> {
    await this.requireSession(id);
    await this.revoker.revoke({ sessionId: id }, { reason: 'admin_revoked', actor: `admin:${adminId}`, note: note ?? null, context });
  }

  async revokeUserSessions(userId: number, adminId: number, context: RequestContext): Promise<{ revoked: number }> {
    const actor = `admin:${adminId}` as const;
    const revoked = await this.revoker.revoke({ userId }, { reason: 'admin_revoked', actor, context });
    await this.audit.record({ type: 'admin_user_sessions_revoked', userId, actor, reason: 'admin_revoked', details: { revoked }, context });
    return { revoked };
  }

  /**
   * For a user who lost their device: every factor and recovery code goes, sign-ins waiting for a
   * second factor end, and so do the user's sessions. The next sign-in starts from no factor
   * (and enrolment, if the role requires one).
   */
  async resetMfa(userId: number, adminId: number, context: RequestContext): Promise<{ revoked: number }> {
    const actor = `admin:${adminId}` as const;
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
