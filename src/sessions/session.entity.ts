import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RevocationReason } from './revocation';

/** Who ended a session: its user, the BFF itself, an admin (by Strapi user id), or the command line. */
export type RevocationActor = 'self' | 'system' | 'cli' | `admin:${string}`;

@Entity({ name: 'bff_sessions' })
@Index('idx_bff_sessions_user_created', ['userId', 'createdAt'])
@Index('idx_bff_sessions_created', ['createdAt'])
@Index('idx_bff_sessions_active_created', ['createdAt'], { where: '"revoked_at" IS NULL' })
@Index('idx_bff_sessions_expires', ['expiresAt'])
@Index('idx_bff_sessions_revoked', ['revokedAt'], { where: '"revoked_at" IS NOT NULL' })
@Index('idx_bff_sessions_strapi_logout', ['revokedAt'], { where: '"revoked_at" IS NOT NULL AND "strapi_refresh_enc" IS NOT NULL' })
@Index('idx_bff_sessions_successor', ['previousRotatedAt'], { where: '"successor_enc" IS NOT NULL' })
// lower(email) and lower(username), for the admin search: expression indexes, made by migration 1764950000000.
@Index('idx_bff_sessions_email_lower', { synchronize: false })
@Index('idx_bff_sessions_username_lower', { synchronize: false })
export class SessionEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_bff_sessions' })
  id!: string;

  @Column('integer', { name: 'user_id' })
  userId!: number;

  @Column('varchar', { name: 'user_document_id', length: 64, nullable: true })
  userDocumentId!: string | null;

  @Column('varchar', { length: 255 })
  username!: string;

  @Column('varchar', { length: 255 })
  email!: string;

  @Column('varchar', { length: 100, nullable: true })
  role!: string | null;

  /** Strapi's JWT, sealed with AES-256-GCM under SESSION_ENCRYPTION_KEY; bound to this row's id. */
  @Column('text', { name: 'strapi_jwt_enc' })
  strapiJwtEncrypted!: string;

  @Column('timestamptz', { name: 'strapi_jwt_expires_at', nullable: true })
  strapiJwtExpiresAt!: Date | null;

  /**
   * Strapi's refresh token, only in Strapi's refresh mode (`jwtManagement: 'refresh'`); sealed like
   * the JWT. Cleared once Strapi has been told about the session's end.
   */
  @Column('text', { name: 'strapi_refresh_enc', nullable: true })
  strapiRefreshEncrypted!: string | null;

  @Column('timestamptz', { name: 'strapi_refresh_expires_at', nullable: true })
  strapiRefreshExpiresAt!: Date | null;

  @Column('varchar', { name: 'device_name', length: 100, nullable: true })
  deviceName!: string | null;

  @Column('varchar', { length: 64, nullable: true })
  ip!: string | null;

  @Column('varchar', { name: 'user_agent', length: 512, nullable: true })
  userAgent!: string | null;

  /** Monotonic counter of the refresh-token chain; the current token has this generation. */
  @Column('integer', { name: 'refresh_generation', default: 0 })
  refreshGeneration!: number;

  /** When the previous token (generation - 1) was rotated away: the start of its grace window. */
  @Column('timestamptz', { name: 'previous_rotated_at', nullable: true })
  previousRotatedAt!: Date | null;

  /**
   * The current refresh token, sealed with AES-256-GCM, kept only so that a concurrent refresh of
   * the previous token inside the grace window gets this same token instead of forking the chain.
   * On the session row, so the refresh decision reads everything it needs from the one row it
   * locks. Cleared by the retention sweep once the window has passed.
   */
  @Column('text', { name: 'successor_enc', nullable: true })
  successorEncrypted!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  /** Authentication assurance level (NIST SP 800-63B): 1 for one factor, 2 once a second factor answered. */
  @Column('smallint', { default: 1 })
  aal!: number;

  /** How the user authenticated, as RFC 8176 `amr` values separated by spaces, e.g. `pwd otp`. */
  @Column('varchar', { length: 64, default: 'pwd' })
  amr!: string;

  /**
   * The last sign-in or re-authentication; sensitive actions need it within REAUTH_MAX_AGE. The
   * default serves rows written without it, e.g. by an older instance during a rolling upgrade.
   */
  @Column('timestamptz', { name: 'auth_time', default: () => 'now()' })
  authTime!: Date;

  /** Last refresh. Idle expiry counts from here; access-token use does not count as activity. */
  @Column('timestamptz', { name: 'last_used_at' })
  lastUsedAt!: Date;

  /**
   * Absolute end of the session: never later than the Strapi credential it holds (the JWT, or in
   * Strapi's refresh mode its refresh token, whose end moves on as Strapi rotates it).
   */
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('varchar', { name: 'revoked_reason', length: 64, nullable: true })
  revokedReason!: RevocationReason | null;

  @Column('varchar', { name: 'revoked_by', length: 64, nullable: true })
  revokedBy!: RevocationActor | null;

  /** Free text an admin gave when revoking. */
  @Column('varchar', { name: 'revoke_note', length: 500, nullable: true })
  revokeNote!: string | null;
}
