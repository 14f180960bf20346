import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every factor row is bound to the Strapi user's `id` and `documentId`: Strapi on SQLite reuses
 * the ids of deleted users, and a new account must never inherit someone else's factors.
 */

/** A TOTP authenticator (RFC 6238). Pending until its first code is confirmed; at most one per user. */
@Entity({ name: 'bff_totp_factors' })
@Index('idx_bff_totp_factors_user', ['userId', 'userDocumentId'], { unique: true })
export class TotpFactorEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_bff_totp_factors' })
  id!: string;

  @Column('integer', { name: 'user_id' })
  userId!: number;

  @Column('varchar', { name: 'user_document_id', length: 64, nullable: true })
  userDocumentId!: string | null;

  /** The shared secret, sealed with AES-256-GCM under SESSION_ENCRYPTION_KEY, bound to this row. */
  @Column('text', { name: 'secret_enc' })
  secretEncrypted!: string;

  /** Null while enrolment waits for its first code. */
  @Column('timestamptz', { name: 'confirmed_at', nullable: true })
  confirmedAt!: Date | null;

  /** The 30 s step of the last accepted code: a code of this step or an earlier one is refused (replay). */
  @Column('bigint', { name: 'last_used_step', nullable: true })
  lastUsedStep!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

/** One single-use recovery code, stored as a hash only. */
@Entity({ name: 'bff_recovery_codes' })
@Index('idx_bff_recovery_codes_user', ['userId', 'userDocumentId'])
export class RecoveryCodeEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_bff_recovery_codes' })
  id!: string;

  @Column('integer', { name: 'user_id' })
  userId!: number;

  @Column('varchar', { name: 'user_document_id', length: 64, nullable: true })
  userDocumentId!: string | null;

  /** SHA-256 of the user binding and the normalised code, hex. */
  @Column('varchar', { name: 'code_hash', length: 64 })
  codeHash!: string;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

export type ChallengePurpose = 'verify' | 'enroll';
/** The sign-in path that is waiting: what completing the challenge finishes. */
export type ChallengeFlow = 'login' | 'register' | 'provider' | 'reset' | 'reissue';

/**
 * A sign-in waiting for its second factor (or, for `enroll`, for the user's first one). The client
 * holds the mfaToken; only its hash is here. Strapi's credentials from the first step wait sealed
 * in `pending_enc` and are cleared when the challenge ends, however it ends.
 */
@Entity({ name: 'bff_mfa_challenges' })
@Index('idx_bff_mfa_challenges_token', ['tokenHash'], { unique: true })
@Index('idx_bff_mfa_challenges_expires', ['expiresAt'])
export class MfaChallengeEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_bff_mfa_challenges' })
  id!: string;

  @Column('varchar', { name: 'token_hash', length: 64 })
  tokenHash!: string;

  @Column('varchar', { length: 16 })
  purpose!: ChallengePurpose;

  @Column('varchar', { length: 16 })
  flow!: ChallengeFlow;

  @Column('integer', { name: 'user_id' })
  userId!: number;

  @Column('varchar', { name: 'user_document_id', length: 64, nullable: true })
  userDocumentId!: string | null;

  /** The session a change-password re-issue continues. */
  @Column('uuid', { name: 'session_id', nullable: true })
  sessionId!: string | null;

  @Column('text', { name: 'pending_enc', nullable: true })
  pendingEncrypted!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt!: Date | null;

  /** `completed`, `attempts` (too many wrong codes) or `reset` (an admin reset the user's factors). */
  @Column('varchar', { name: 'end_reason', length: 16, nullable: true })
  endReason!: string | null;
}

/** A passkey (WebAuthn credential) registered as a second factor. */
@Entity({ name: 'bff_passkeys' })
@Index('idx_bff_passkeys_credential', ['credentialId'], { unique: true })
@Index('idx_bff_passkeys_user', ['userId', 'userDocumentId'])
export class PasskeyEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_bff_passkeys' })
  id!: string;

  @Column('integer', { name: 'user_id' })
  userId!: number;

  @Column('varchar', { name: 'user_document_id', length: 64, nullable: true })
  userDocumentId!: string | null;

  /** The credential id, base64url, as the browser reports it. */
  @Column('varchar', { name: 'credential_id', length: 1024 })
  credentialId!: string;

  /** The COSE public key, base64url. Public: nothing to seal. */
  @Column('text', { name: 'public_key' })
  publicKey!: string;

  /** The authenticator's signature counter: one that goes backwards means a cloned authenticator. */
  @Column('bigint', { default: 0 })
  counter!: string;

  /** Comma-separated WebAuthn transports (`internal`, `usb`, `hybrid`, …). */
  @Column('varchar', { length: 255, default: '' })
  transports!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;
}
