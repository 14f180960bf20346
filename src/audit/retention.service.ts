import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** Arbitrary constant shared by every BFF instance: only one of them sweeps at a time. */
const RETENTION_LOCK_KEY = 7_264_019_332;
const BATCH = 5_000;

/**
 * Deletes audit events older than AUDIT_RETENTION and sessions that ended (revoked, or past their
 * absolute end) more than SESSION_RETENTION ago, and clears sealed refresh-token successors whose
 * grace window has passed, in batches so no statement holds locks for long.
 * Runs every RETENTION_INTERVAL on whichever instance gets the advisory lock.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RetentionService.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.logger.error({ err: error }, 'Retention sweep failed')), this.config.retention.intervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One sweep. Returns what it deleted, or undefined when another instance holds the lock. */
  async sweep(now = new Date()): Promise<{ auditEvents: number; sessions: number; successors: number } | undefined> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [RETENTION_LOCK_KEY])) as { locked: boolean }[];
      if (!locked) return undefined;
      try {
        const auditCutoff = new Date(now.getTime() - this.config.retention.auditMs);
        const sessionCutoff = new Date(now.getTime() - this.config.retention.endedSessionsMs);
        const auditEvents = await this.deleteInBatches(
          'DELETE FROM bff_audit_events WHERE id IN (SELECT id FROM bff_audit_events WHERE occurred_at < $1 LIMIT $2)',
          auditCutoff,
        );
        // Refresh-token rows go with their session (ON DELETE CASCADE).
        const sessions = await this.deleteInBatches(
          `DELETE FROM bff_sessions WHERE id IN (
             SELECT id FROM bff_sessions WHERE revoked_at < $1
             UNION SELECT id FROM bff_sessions WHERE expires_at < $1
             LIMIT $2)`,
          sessionCutoff,
        );
        // A sealed successor is only needed inside the grace window; afterwards it is a live refresh
        // token sitting in the database (readable by whoever has a dump and the key).
        const successors = await this.deleteInBatches(
          `UPDATE bff_sessions SET successor_enc = NULL WHERE id IN (
             SELECT id FROM bff_sessions WHERE successor_enc IS NOT NULL AND previous_rotated_at < $1 LIMIT $2)`,
          new Date(now.getTime() - this.config.tokens.reuseGraceMs),
        );
        // Sign-ins that waited for a second factor, once expired: an unanswered one still holds Strapi's sealed credentials.
        await this.deleteInBatches('DELETE FROM bff_mfa_challenges WHERE id IN (SELECT id FROM bff_mfa_challenges WHERE expires_at < $1 LIMIT $2)', now);
        // Rate-limit counters whose window ended an hour ago (the limits read expired rows as empty anyway).
        await this.deleteInBatches('DELETE FROM bff_rate_limits WHERE key IN (SELECT key FROM bff_rate_limits WHERE expire < $1 LIMIT $2)', now.getTime() - 3_600_000);
        if (auditEvents + sessions + successors > 0) {
          this.logger.log({ event: 'retention_sweep', auditEvents, sessions, successors }, 'Retention sweep deleted old rows');
        }
        return { auditEvents, sessions, successors };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  /** Runs a DELETE (or UPDATE) of at most BATCH rows until fewer are affected. */
  private async deleteInBatches(sql: string, cutoff: Date | number): Promise<number> {
    let total = 0;
    for (;;) {
      const [, affected] = await this.dataSource.query<[unknown, number]>(sql, [cutoff, BATCH]);
      total += affected;
      if (affected < BATCH) return total;
    }
  }
}
