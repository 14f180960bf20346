import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

/** What AES-GCM throws when the tag doesn't match: wrong key, wrong associated data or altered bytes. */
const NOT_AUTHENTIC = 'Unsupported state or unable to authenticate data';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips a secret bound to its context', () => {
    const sealed = box.seal('strapi.jwt.value', 'session:1');
    expect(sealed).not.toContain('strapi.jwt.value');
    expect(box.open(sealed, 'session:1')).toBe('strapi.jwt.value');
  });

  it('uses a fresh nonce every time, so equal secrets do not produce equal ciphertexts', () => {
    expect(box.seal('same', 'ctx')).not.toBe(box.seal('same', 'ctx'));
  });

  it('refuses a ciphertext moved to another context (another session row)', () => {
    const sealed = box.seal('secret', 'session:1');
    expect(() => box.open(sealed, 'session:2')).toThrow(NOT_AUTHENTIC);
  });

  it('refuses a tampered ciphertext', () => {
    const [version, iv, ciphertext, tag] = box.seal('secret', 'ctx').split('.');
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] ^= 1;
    expect(() => box.open([version, iv, flipped.toString('base64url'), tag].join('.'), 'ctx')).toThrow(NOT_AUTHENTIC);
  });

  it('cannot be opened with another key', () => {
    const sealed = box.seal('secret', 'ctx');
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'ctx')).toThrow(NOT_AUTHENTIC);
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow('32-byte');
  });
});
