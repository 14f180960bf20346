import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SessionEntity } from './session.entity';

/**
 * Every refresh token a session was ever given, by hash. Keeping the old ones is what lets
 * a replay of *any* rotated-away token be recognised as reuse, not just the previous one.
 */
@Entity({ name: 'bff_refresh_tokens' })
@Index('uq_bff_refresh_tokens_session_generation', ['sessionId', 'generation'], { unique: true })
@Index('idx_bff_refresh_tokens_successor', ['rotatedAt'], { where: '"successor_enc" IS NOT NULL' })
export class RefreshTokenEntity {
  /** SHA-256 of the token, hex. The token itself is never stored. */
  @PrimaryColumn('char', { name: 'token_hash', length: 64, primaryKeyConstraintName: 'PK_bff_refresh_tokens' })
  tokenHash!: string;

  @Column('uuid', { name: 'session_id' })
  sessionId!: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_bff_refresh_tokens_session' })
  session?: SessionEntity;

  @Column('integer')
  generation!: number;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt!: Date;

  @Column('timestamptz', { name: 'rotated_at', nullable: true })
  rotatedAt!: Date | null;

  /**
   * The token that replaced this one, sealed with AES-256-GCM. Only kept so that concurrent
   * refreshes inside the grace window all receive the same successor instead of forking the chain.
   * Cleared at the next rotation, and by the retention sweep once REFRESH_REUSE_GRACE has passed,
   * so a database dump (even with the key) holds no live refresh token.
   */
  @Column('text', { name: 'successor_enc', nullable: true })
  successorEncrypted!: string | null;
}
