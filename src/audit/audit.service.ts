import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
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

  /** For events whose loss must not fail the request that caused them (e.g. a failed login). */
  async recordQuietly(event: AuditRecord): Promise<void> {
    try {
      await this.record(event);
    } catch (error) {
      this.logger.error({ event: event.type, err: error }, 'Could not write an audit event');
    }
  }
}
