import { generateSecret, generateURI, verifySync } from 'otplib';
import { toString as qrToString } from 'qrcode';

/** RFC 6238 with the parameters every authenticator app supports: SHA-1, 6 digits, 30 s steps. */
const PERIOD_SECONDS = 30;

export type TotpCheck = { kind: 'valid'; step: number } | { kind: 'reused' } | { kind: 'invalid' };

/** 160 random bits, base32 (RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function otpauthUrl(secret: string, issuer: string, account: string): string {
  return generateURI({ issuer, label: account, secret, period: PERIOD_SECONDS });
}

/** The otpauth URL as an SVG QR code, made here so the secret never goes to a third-party QR service. */
export function qrSvg(url: string): Promise<string> {
  return qrToString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/**
 * A code of the current step or one step either side (clock drift), and never one of a step at
 * or before the last accepted one: that would be a replay of a code already used.
 */
export function checkTotp(secret: string, code: string, nowMs: number, lastUsedStep: number | null): TotpCheck {
  if (!/^\d{6}$/.test(code)) return { kind: 'invalid' };
  const result = verifySync({ secret, token: code, epoch: Math.floor(nowMs / 1000), epochTolerance: PERIOD_SECONDS, period: PERIOD_SECONDS });
  // otplib's result type covers HOTP too; a TOTP match always carries its time step.
  if (!result.valid || !('timeStep' in result)) return { kind: 'invalid' };
  if (lastUsedStep !== null && result.timeStep <= lastUsedStep) return { kind: 'reused' };
  return { kind: 'valid', step: result.timeStep };
}
