import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MfaChallengeEntity } from './mfa.entities';

export type ChallengeEnd = 'completed' | 'attempts' | 'reset';

@Injectable()
export class ChallengesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(challenge: MfaChallengeEntity): Promise<void> {
    await this.dataSource.getRepository(MfaChallengeEntity).insert(challenge);
  }

  /** A challenge that can still be answered: not ended and not expired. */
  async findOpen(tokenHash: string, now: Date): Promise<MfaChallengeEntity | null> {
    const challenge = await this.dataSource.getRepository(MfaChallengeEntity).findOneBy({ tokenHash });
    return challenge && !challenge.endedAt && challenge.expiresAt > now ? challenge : null;
  }

  /**
   * Ends the challenge as completed and hands back its sealed sign-in, in one statement: of two
   * requests completing the same challenge, exactly one gets it (single use, across instances).
   */
  async complete(id: string, now: Date): Promise<string | null> {
    const rows = await this.dataSource.query<[{ pending: string | null }[], number]>(
      `UPDATE bff_mfa_challenges c SET ended_at = $2, end_reason = 'completed', pending_enc = NULL
       FROM (SELECT id, pending_enc FROM bff_mfa_challenges WHERE id = $1 AND ended_at IS NULL AND expires_at > $2 FOR UPDATE) old
       WHERE c.id = old.id RETURNING old.pending_enc AS pending`,
      [id, now],
    );
    return rows[0][0]?.pending ?? null;
  }

  /** Ends a challenge without a session; the sealed sign-in is dropped. */
  async end(id: string, reason: ChallengeEnd, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE bff_mfa_challenges SET ended_at = $2, end_reason = $3, pending_enc = NULL WHERE id = $1 AND ended_at IS NULL`, [id, now, reason]);
  }

  async endAllOfUser(userId: number, reason: ChallengeEnd, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE bff_mfa_challenges SET ended_at = $2, end_reason = $3, pending_enc = NULL WHERE user_id = $1 AND ended_at IS NULL`, [userId, now, reason]);
  }
}
