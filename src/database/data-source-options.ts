import type { DataSource, DataSourceOptions } from 'typeorm';
import { RefreshTokenEntity } from '../sessions/refresh-token.entity';
import { SessionEntity } from '../sessions/session.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { CreateSessions1764400000000 } from './migrations/1764400000000-CreateSessions';
import { SessionAdminAndAudit1764500000000 } from './migrations/1764500000000-SessionAdminAndAudit';
import { StrapiRefreshMode1764600000000 } from './migrations/1764600000000-StrapiRefreshMode';
import { SuccessorOnSession1764700000000 } from './migrations/1764700000000-SuccessorOnSession';
import { RateLimits1764850000000 } from './migrations/1764850000000-RateLimits';
import { SessionUserSearch1764950000000 } from './migrations/1764950000000-SessionUserSearch';
import { MultiFactor1764960000000 } from './migrations/1764960000000-MultiFactor';
import { Passkeys1764970000000 } from './migrations/1764970000000-Passkeys';
import { MfaChallengeEntity, PasskeyEntity, RecoveryCodeEntity, TotpFactorEntity } from '../mfa/mfa.entities';

export const ENTITIES = [SessionEntity, RefreshTokenEntity, AuditEventEntity, TotpFactorEntity, RecoveryCodeEntity, MfaChallengeEntity, PasskeyEntity];
export const MIGRATIONS = [
  CreateSessions1764400000000,
  SessionAdminAndAudit1764500000000,
  StrapiRefreshMode1764600000000,
  SuccessorOnSession1764700000000,
  RateLimits1764850000000,
  SessionUserSearch1764950000000,
  MultiFactor1764960000000,
  Passkeys1764970000000,
];

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'bff_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize, connectionTimeoutMillis: 5000, application_name: 'strapi-auth-bff' },
  };
}

/** Arbitrary constant shared by every BFF instance: only one of them migrates at a time. */
const MIGRATION_LOCK_KEY = 7_264_019_331;

/** Runs pending migrations under a Postgres advisory lock, so instances booting together don't race. */
export async function runMigrationsLocked(dataSource: DataSource): Promise<number> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.length;
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
