import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, Not } from 'typeorm';
import { PasskeyEntity, RecoveryCodeEntity, TotpFactorEntity } from './mfa.entities';
import type { FactorSummary, MfaSubject } from './mfa-subject';

/** Every SQL statement about a user's factors. Lookups always match `id` and `documentId` together. */
@Injectable()
export class FactorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private owner(subject: MfaSubject): { userId: number; userDocumentId: string | ReturnType<typeof IsNull> } {
    return { userId: subject.userId, userDocumentId: subject.documentId ?? IsNull() };
  }

  /** What the user has set up, in one round trip: every sign-in asks this, factor or not. */
  async summary(subject: MfaSubject): Promise<FactorSummary> {
    const owner = 'user_id = $1 AND user_document_id IS NOT DISTINCT FROM $2';
    const [row] = await this.dataSource.query<{ totp: boolean; passkeys: number; recovery: number }[]>(
      `SELECT EXISTS (SELECT 1 FROM bff_totp_factors WHERE ${owner} AND confirmed_at IS NOT NULL) AS totp,
              (SELECT count(*)::int FROM bff_passkeys WHERE ${owner}) AS passkeys,
              (SELECT count(*)::int FROM bff_recovery_codes WHERE ${owner} AND used_at IS NULL) AS recovery`,
      [subject.userId, subject.documentId],
    );
    return { totp: row.totp, passkeys: row.passkeys, recoveryCodesLeft: row.recovery };
  }

  activeTotp(subject: MfaSubject): Promise<TotpFactorEntity | null> {
    return this.dataSource.getRepository(TotpFactorEntity).findOneBy({ ...this.owner(subject), confirmedAt: Not(IsNull()) });
  }

  pendingTotp(subject: MfaSubject): Promise<TotpFactorEntity | null> {
    return this.dataSource.getRepository(TotpFactorEntity).findOneBy({ ...this.owner(subject), confirmedAt: IsNull() });
  }

  /**
   * A new pending enrolment replaces an earlier unconfirmed one. Rows left by a deleted account
   * whose id Strapi handed on go too: they can never match again.
   */
  async startTotp(subject: MfaSubject, seal: (id: string) => string, now: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .delete()
        .from(TotpFactorEntity)
        .where('user_id = :userId AND (confirmed_at IS NULL OR user_document_id IS DISTINCT FROM :documentId)', { userId: subject.userId, documentId: subject.documentId })
        .execute();
      const id = randomUUID();
      await manager.insert(TotpFactorEntity, { id, userId: subject.userId, userDocumentId: subject.documentId, secretEncrypted: seal(id), confirmedAt: null, lastUsedStep: null, createdAt: now });
    });
  }

  /** Turns a pending TOTP on, with the step of the code that confirmed it. False if it is gone or already on. */
  async confirmTotp(id: string, step: number, now: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(TotpFactorEntity)
      .set({ confirmedAt: now, lastUsedStep: String(step) })
      .where('id = :id AND confirmed_at IS NULL', { id })
      .execute();
    return result.affected === 1;
  }

  /**
   * Records the step of an accepted code, atomically: of two requests with the same code (on any
   * instance), one moves the step and the other finds it moved and is refused as a replay.
   */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(TotpFactorEntity)
      .set({ lastUsedStep: String(step) })
      .where('id = :id AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < :step)', { id, step })
      .execute();
    return result.affected === 1;
  }

  async deleteTotp(subject: MfaSubject): Promise<number> {
    const result = await this.dataSource.getRepository(TotpFactorEntity).delete(this.owner(subject));
    return result.affected ?? 0;
  }

  /** The new set replaces the old one in one transaction: no moment with both, or neither. */
  async replaceRecoveryCodes(subject: MfaSubject, hashes: string[], now: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(RecoveryCodeEntity, { userId: subject.userId });
      await manager.insert(
        RecoveryCodeEntity,
        hashes.map((codeHash) => ({ id: randomUUID(), userId: subject.userId, userDocumentId: subject.documentId, codeHash, usedAt: null, createdAt: now })),
      );
    });
  }

  /** Spends a recovery code, atomically: a code works once, even when sent twice at the same moment. */
  async spendRecoveryCode(subject: MfaSubject, codeHash: string, now: Date): Promise<boolean> {
    const builder = this.dataSource
      .createQueryBuilder()
      .update(RecoveryCodeEntity)
      .set({ usedAt: now })
      .where('user_id = :userId AND code_hash = :codeHash AND used_at IS NULL', { userId: subject.userId, codeHash });
    if (subject.documentId === null) builder.andWhere('user_document_id IS NULL');
    else builder.andWhere('user_document_id = :documentId', { documentId: subject.documentId });
    return ((await builder.execute()).affected ?? 0) > 0;
  }

  recoveryCodesLeft(subject: MfaSubject): Promise<number> {
    return this.dataSource.getRepository(RecoveryCodeEntity).countBy({ ...this.owner(subject), usedAt: IsNull() });
  }

  async deleteRecoveryCodes(subject: MfaSubject): Promise<void> {
    await this.dataSource.getRepository(RecoveryCodeEntity).delete(this.owner(subject));
  }

  passkeysOf(subject: MfaSubject): Promise<PasskeyEntity[]> {
    return this.dataSource.getRepository(PasskeyEntity).findBy(this.owner(subject));
  }

  passkey(subject: MfaSubject, credentialId: string): Promise<PasskeyEntity | null> {
    return this.dataSource.getRepository(PasskeyEntity).findOneBy({ ...this.owner(subject), credentialId });
  }

  async addPasskey(passkey: PasskeyEntity): Promise<void> {
    await this.dataSource.getRepository(PasskeyEntity).insert(passkey);
  }

  /**
   * Moves the signature counter forward, atomically from the value the check read: of two
   * assertions with one counter value, the second finds it moved (a clone, or a replay).
   */
  async advancePasskeyCounter(id: string, from: string, to: number, now: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(PasskeyEntity)
      .set({ counter: String(to), lastUsedAt: now })
      .where('id = :id AND counter = :from', { id, from })
      .execute();
    return result.affected === 1;
  }

  /** An admin reset: every factor of the Strapi user id, whatever its documentId. */
  async deleteAllOfUser(userId: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const totp = await manager.delete(TotpFactorEntity, { userId });
      const passkeys = await manager.delete(PasskeyEntity, { userId });
      await manager.delete(RecoveryCodeEntity, { userId });
      return (totp.affected ?? 0) + (passkeys.affected ?? 0);
    });
  }
}
