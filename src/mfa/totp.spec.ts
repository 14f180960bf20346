import { generateSync } from 'otplib';
import { checkTotp, newTotpSecret, otpauthUrl, qrSvg } from './totp';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const at = 1_800_000_000_000;
  const step = Math.floor(at / 30_000);
  const codeAt = (ms: number): string => generateSync({ secret, epoch: Math.floor(ms / 1000) });

  it('accepts the code of the current step and one step either side, and nothing further', () => {
    expect(checkTotp(secret, codeAt(at), at, null)).toEqual({ kind: 'valid', step });
    expect(checkTotp(secret, codeAt(at - 30_000), at, null)).toEqual({ kind: 'valid', step: step - 1 });
    expect(checkTotp(secret, codeAt(at + 30_000), at, null)).toEqual({ kind: 'valid', step: step + 1 });
    expect(checkTotp(secret, codeAt(at - 90_000), at, null).kind).toBe('invalid');
    expect(checkTotp(secret, codeAt(at + 90_000), at, null).kind).toBe('invalid');
  });

  it('refuses a code of a step at or before the last one used (replay)', () => {
    expect(checkTotp(secret, codeAt(at), at, step)).toEqual({ kind: 'reused' });
    expect(checkTotp(secret, codeAt(at - 30_000), at, step)).toEqual({ kind: 'reused' });
    expect(checkTotp(secret, codeAt(at + 30_000), at, step)).toEqual({ kind: 'valid', step: step + 1 });
  });

  it('refuses anything that is not six digits before doing any crypto', () => {
    for (const code of ['', '12345', '1234567', 'abcdef', ' 123456', '12345\n']) expect(checkTotp(secret, code, at, null)).toEqual({ kind: 'invalid' });
  });

  it('makes secrets of 160 bits, an otpauth URL and an SVG QR code', async () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = otpauthUrl(secret, 'strapi-auth-bff', 'alice@example.com');
    expect(url).toBe(`otpauth://totp/strapi-auth-bff:alice%40example.com?secret=${secret}&issuer=strapi-auth-bff`);
    expect(await qrSvg(url)).toMatch(/^<svg [^>]*viewBox/);
  });
});
