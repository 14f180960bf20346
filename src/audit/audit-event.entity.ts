import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_EVENT_TYPES = [
  'login_succeeded',
  'login_failed',
  'registered',
  'refresh_token_reused',
  'refresh_token_replayed',
  'session_revoked',
  'admin_user_sessions_revoked',
  'password_changed',
  'password_reset',
  'login_throttled',
  'account_locked',
  'email_delivery_failed',
  'mfa_challenge_started',
  'mfa_verified',
  'mfa_failed',
  'mfa_challenge_ended',
  'mfa_locked',
  'mfa_enabled',
  'mfa_disabled',
  'recovery_code_used',
  'recovery_codes_regenerated',
  'reauthenticated',
  'admin_mfa_reset',
  'passkey_registered',
  'passkey_clone_detected',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** Append-only (a trigger refuses UPDATE); rows leave only through retention. */
@Entity({ name: 'bff_audit_events' })
@Index('idx_bff_audit_occurred', ['occurredAt'])
@Index('idx_bff_audit_user_occurred', ['userId', 'occurredAt'])
@Index('idx_bff_audit_session_occurred', ['sessionId', 'occurredAt'])
@Index('idx_bff_audit_type_occurred', ['type', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_bff_audit_events' })
  id!: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('varchar', { length: 64 })
  type!: AuditEventType;

  @Column('integer', { name: 'user_id', nullable: true })
  userId!: number | null;

  @Column('uuid', { name: 'session_id', nullable: true })
  sessionId!: string | null;

  /** `self`, `admin:<userId>` or `system`. */
  @Column('varchar', { length: 64, nullable: true })
  actor!: string | null;

  @Column('varchar', { length: 64, nullable: true })
  reason!: string | null;

  @Column('varchar', { length: 64, nullable: true })
  ip!: string | null;

  @Column('varchar', { name: 'user_agent', length: 512, nullable: true })
  userAgent!: string | null;

  @Column('varchar', { name: 'request_id', length: 128, nullable: true })
  requestId!: string | null;

  @Column('jsonb', { nullable: true })
  details!: Record<string, unknown> | null;
}
