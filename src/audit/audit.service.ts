import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { boundedTotal, type BoundedTotal } from '../database/bounded-count';
import { AuditEventEntity, type AuditEventType } from './audit-event.entity';

export interface AuditRecord {
  type: AuditEventType;
  userId?: number | null;
  sessionId?: string | null;
  actor?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
  context?: RequestContext;
}

export interface AuditFilter {
  userId?: number;
  sessionId?: string;
  type?: AuditEventType;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/**
 * Writes the security trail, with time, IP, user agent and request id of the request behind it.
 * Passing the transaction's manager makes the event commit (or roll back) with the change it records.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(event: AuditRecord, manager: EntityManager = this.dataSource.manager, at = new Date()): Promise<void> {
    const request = event.context;
    await manager.insert(AuditEventEntity, {
      occurredAt: at,
      type: event.type,
      userId: event.userId ?? null,
      sessionId: event.sessionId ?? null,
      actor: event.actor ?? null,
      reason: event.reason ?? null,
      ip: request?.ip ?? null,
      userAgent: request?.userAgent?.slice(0, 512) ?? null,
      requestId: request?.requestId ?? null,
      details: (event.details ?? null) as AuditEventEntity['details'] & object,
    });
  }

  async findPage(filter: AuditFilter): Promise<{ rows: AuditEventEntity[] } & BoundedTotal> {
    const builder = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (filter.userId !== undefined) builder.andWhere('e.user_id = :userId', { userId: filter.userId });
    if (filter.sessionId !== undefined) builder.andWhere('e.session_id = :sessionId', { sessionId: filter.sessionId });
    if (filter.type !== undefined) builder.andWhere('e.type = :type', { type: filter.type });
    if (filter.from !== undefined) builder.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter.to !== undefined) builder.andWhere('e.occurred_at < :to', { to: filter.to });
    const page = builder
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize);
    const [rows, total] = await Promise.all([page.getMany(), boundedTotal(page)]);
    return { rows, ...total };
  }

  /** For events whose loss must not fail the request that caused them (e.g. a failed login). */
  async recordQuietly(event: AuditRecord): Promise<void> {
    try {
      await this.record(event);
    } catch (error) {
      this.logger.error({ event: event.type, err: error, requestId: event.context?.requestId }, 'Could not write an audit event');
    }
  }
}
