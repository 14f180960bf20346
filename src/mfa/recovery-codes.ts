import { createHash, randomInt } from 'node:crypto';
import { subjectKey, type MfaSubject } from './mfa-subject';

export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32 without I, L, O and U: 32 symbols that can't be misread, 5 bits each. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** 12 symbols: 60 bits per code (the issue asks for ≥ 50). */
const LENGTH = 12;

/** Ten fresh codes, shown once, formatted `xxxx-xxxx-xxxx`. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const symbols = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
  });
}

/** What a user types: any case, with or without dashes and spaces, and Crockford's look-alikes read as digits. */
export function normaliseRecoveryCode(input: string): string {
  return input
    .toLowerCase()
    .replace(/[\s-]/g, '')
    .replace(/[o]/g, '0')
    .replace(/[il]/g, '1');
}

/**
 * A plain SHA-256 suffices: the codes carry 60 random bits, so there is nothing to brute-force
 * from a hash. The user binding keeps equal codes of two users apart.
 */
export function hashRecoveryCode(subject: MfaSubject, code: string): string {
  return createHash('sha256').update(`${subjectKey(subject)}:${normaliseRecoveryCode(code)}`, 'utf8').digest('hex');
}
