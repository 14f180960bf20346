import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { FactorsRepository } from '../../src/mfa/factors.repository';
import { hashRecoveryCode } from '../../src/mfa/recovery-codes';
import { openTestDataSource } from '../support/database';

/**
 * Factors are bound to Strapi's `id` and `documentId` together: Strapi on SQLite can give a
 * deleted user's id to a new account, which must start with no factors of its own.
 */
describe('second factors bound to the Strapi user', () => {
  let db: DataSource;
  let factors: FactorsRepository;
  const userId = 1_900_000_000 + randomBytes(2).readUInt16BE();
  const deleted = { userId, documentId: 'doc-of-the-deleted-account' };
  const newcomer = { userId, documentId: 'doc-of-the-new-account' };

  beforeAll(async () => {
    db = await openTestDataSource();
    factors = new FactorsRepository(db);
  });
  afterAll(() => db.destroy());

  it('gives a new account that reuses a deleted user’s id none of that user’s factors or recovery codes', async () => {
    const now = new Date();
    await factors.startTotp(deleted, () => 'v1.sealed.secret.tag', now);
    const pending = await factors.pendingTotp(deleted);
    expect(await factors.confirmTotp(pending!.id, 1, now)).toBe(true);
    await factors.replaceRecoveryCodes(deleted, [hashRecoveryCode(deleted, 'aaaa-bbbb-cccc')], now);
    expect(await factors.summary(deleted)).toEqual({ totp: true, passkeys: 0, recoveryCodesLeft: 1 });

    expect(await factors.summary(newcomer)).toEqual({ totp: false, passkeys: 0, recoveryCodesLeft: 0 });
    expect(await factors.activeTotp(newcomer)).toBeNull();
    // The same code under the new account's binding is another hash, and the old row doesn't match it either way.
    expect(await factors.spendRecoveryCode(newcomer, hashRecoveryCode(newcomer, 'aaaa-bbbb-cccc'), now)).toBe(false);
    expect(await factors.spendRecoveryCode(newcomer, hashRecoveryCode(deleted, 'aaaa-bbbb-cccc'), now)).toBe(false);

    // When the newcomer enrols, the leftovers of the old account go.
    await factors.startTotp(newcomer, () => 'v1.sealed.other.tag', now);
    expect(await factors.activeTotp(deleted)).toBeNull();
    expect((await factors.pendingTotp(newcomer))?.userDocumentId).toBe(newcomer.documentId);
  });

  it('claims a TOTP step once, even when two claims race', async () => {
    const subject = { userId: userId + 1, documentId: 'doc-race' };
    const now = new Date();
    await factors.startTotp(subject, () => 'v1.sealed.secret.tag', now);
    const id = (await factors.pendingTotp(subject))!.id;
    await factors.confirmTotp(id, 100, now);
    const claims = await Promise.all([factors.claimTotpStep(id, 101), factors.claimTotpStep(id, 101)]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await factors.claimTotpStep(id, 100)).toBe(false);
  });
});
