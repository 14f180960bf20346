import { generateRefreshToken, hashRefreshToken, isWellFormedRefreshToken } from './refresh-token';

describe('refresh tokens', () => {
  it('carry 256 bits of randomness after a recognisable prefix', () => {
    const token = generateRefreshToken();
    expect(token).toMatch(/^bffrt_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice('bffrt_'.length), 'base64url')).toHaveLength(32);
  });

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateRefreshToken));
    expect(tokens.size).toBe(1000);
  });

  it('are stored as a SHA-256 hash that does not contain the token', () => {
    const token = generateRefreshToken();
    const hash = hashRefreshToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token.slice(6));
    expect(hashRefreshToken(token)).toBe(hash);
  });

  it('recognise malformed input before any lookup', () => {
    expect(isWellFormedRefreshToken(generateRefreshToken())).toBe(true);
    for (const bad of ['', 'bffrt_', 'bffrt_short', `xxxxx_${'a'.repeat(43)}`, `bffrt_${'a'.repeat(42)}!`, `bffrt_${'a'.repeat(44)}`]) {
      expect(isWellFormedRefreshToken(bad)).toBe(false);
    }
  });
});
