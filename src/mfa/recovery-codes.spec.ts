import { generateRecoveryCodes, hashRecoveryCode, normaliseRecoveryCode } from './recovery-codes';

describe('recovery codes', () => {
  it('are ten distinct codes of 60 bits, readable and formatted in groups', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    // 12 symbols from a 32-symbol alphabet: 12 × 5 = 60 bits.
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
  });

  it('match however the user types them, and are stored bound to their user', () => {
    const alice = { userId: 1, documentId: 'doc-a' };
    const code = 'ab1c-d0ef-ghjk';
    const hash = hashRecoveryCode(alice, code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(alice, 'AB1C D0EF GHJK')).toBe(hash);
    expect(hashRecoveryCode(alice, 'abIcdOefghjk')).toBe(hash);
    expect(normaliseRecoveryCode(' Ab1C-d0eF-GhJk ')).toBe('ab1cd0efghjk');
    // Another user (or a new account reusing the id) with the same code has another hash.
    expect(hashRecoveryCode({ userId: 1, documentId: 'doc-b' }, code)).not.toBe(hash);
    expect(hashRecoveryCode({ userId: 2, documentId: 'doc-a' }, code)).not.toBe(hash);
  });
});
