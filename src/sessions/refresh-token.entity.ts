import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { hashRefreshToken } from '../tokens/refresh-token';
import { SessionEntity } from './session.entity';

/**
 * Every refresh token a session was ever given, by hash. Keeping the old ones is what lets
 * a replay of *any* rotated-away token be recognised as reuse, not just the previous one.
 */
@Entity({ name: 'bff_refresh_tokens' })
@Index('uq_bff_refresh_tokens_session_generation', ['sessionId', 'generation'], { unique: true })
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
}

/** The row a newly issued refresh token gets: its hash, never the token. */
export function refreshTokenRow(token: string, sessionId: string, generation: number, now: Date): RefreshTokenEntity {
  return Object.assign(new RefreshTokenEntity(), { tokenHash: hashRefreshToken(token), sessionId, generation, issuedAt: now, rotatedAt: null });
}
