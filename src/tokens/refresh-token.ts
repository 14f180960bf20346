import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'bffrt_';
/** 32 bytes = 256 bits from the CSPRNG, base64url without padding is 43 characters. */
const SECRET_LENGTH = 43;

export function generateRefreshToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/** Cheap shape check so garbage never reaches the database. */
export function isWellFormedRefreshToken(token: string): boolean {
  return token.length === PREFIX.length + SECRET_LENGTH && token.startsWith(PREFIX) && /^[A-Za-z0-9_-]+$/.test(token.slice(PREFIX.length));
}

/**
 * The database stores only this hash. The token carries 256 bits of entropy, so a fast
 * hash is enough: there is nothing to brute-force, unlike a password.
 */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
