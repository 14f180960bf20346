import { JwtService } from '@nestjs/jwt';
import { createHmac, createPublicKey, generateKeyPairSync, randomBytes, sign as signRaw, verify as verifyRaw } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { parseSigningKey } from '../config/keys';
import { AccessTokenService } from './access-token.service';

const pem = (): string => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

function serviceWith(signingPem: string, previousPems: string[] = [], accessTtlMs = 900_000): AccessTokenService {
  const config = {
    tokens: { accessTtlMs, issuer: 'test-issuer', audience: 'test-audience' },
    keys: {
      signing: parseSigningKey(signingPem),
      previousVerificationKeys: previousPems.map((p) => parseSigningKey(p).publicKey),
      sessionEncryptionKey: randomBytes(32),
      devKeysFile: undefined,
    },
  } as unknown as AppConfig;
  return new AccessTokenService(new JwtService(), config);
}

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const SID = '6f1f6e1c-9a49-4d55-9e8e-2b1b1a3c5d7e';

function forge(header: object, payload: object, signer: (input: string) => string): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${signer(input)}`;
}

describe('AccessTokenService', () => {
  const currentPem = pem();
  const service = serviceWith(currentPem);
  const now = () => Math.floor(Date.now() / 1000);
  const validPayload = () => ({ sub: '7', sid: SID, role: 'authenticated', iat: now(), exp: now() + 60, iss: 'test-issuer', aud: 'test-audience' });

  it('signs ES256 tokens with kid, typ and every required claim', () => {
    const { token, expiresIn } = service.sign({ userId: 7, sessionId: SID, role: 'authenticated' });
    const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>);
    expect(header).toEqual({ alg: 'ES256', typ: 'at+jwt', kid: service.jwks.keys[0].kid });
    expect(payload).toMatchObject({ sub: '7', sid: SID, role: 'authenticated', iss: 'test-issuer', aud: 'test-audience' });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(900);
    expect(expiresIn).toBe(900);
    expect(service.verify(token)).toMatchObject({ sub: '7', sid: SID });
  });

  it('publishes a JWKS whose key verifies the signature independently', () => {
    const { token } = service.sign({ userId: 1, sessionId: SID, role: null });
    const [h, p, s] = token.split('.');
    const jwk = service.jwks.keys[0];
    const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, format: 'jwk' });
    expect(verifyRaw('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))).toBe(true);
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwk).not.toHaveProperty('d');
  });

  it('refuses correctly signed tokens whose session or user claims this BFF would never have written', () => {
    const signing = parseSigningKey(currentPem);
    const signer = (input: string) => signRaw('sha256', Buffer.from(input), { key: signing.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    const header = { alg: 'ES256', typ: 'at+jwt', kid: signing.kid };
    expect(service.verify(forge(header, validPayload(), signer))).toMatchObject({ sub: '7', sid: SID });
    for (const bad of [{ sid: 'not-a-uuid' }, { sid: 42 }, { sub: '1e3' }, { sub: '-7' }, { sub: 7 }, { sub: '' }]) {
      expect(() => service.verify(forge(header, { ...validPayload(), ...bad }, signer))).toThrow(expect.objectContaining({ code: 'invalid_access_token' }));
    }
  });

  it('refuses unsigned tokens (alg none)', () => {
    const token = `${b64({ alg: 'none', typ: 'at+jwt', kid: service.jwks.keys[0].kid })}.${b64(validPayload())}.`;
    expect(() => service.verify(token)).toThrow(expect.objectContaining({ code: 'invalid_access_token' }));
  });

  it('refuses HMAC tokens keyed with the public key (algorithm confusion)', () => {
    const publicPem = parseSigningKey(currentPem).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const kid = service.jwks.keys[0].kid;
    const token = forge({ alg: 'HS256', typ: 'at+jwt', kid }, validPayload(), (input) => createHmac('sha256', publicPem).update(input).digest('base64url'));
    expect(() => service.verify(token)).toThrow(expect.objectContaining({ code: 'invalid_access_token' }));
  });

  it('ignores keys embedded in the header and refuses unknown kids', () => {
    const attacker = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const signer = (input: string) => signRaw('sha256', Buffer.from(input), { key: attacker.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    const embedded = forge({ alg: 'ES256', typ: 'at+jwt', kid: service.jwks.keys[0].kid, jwk: attacker.publicKey.export({ format: 'jwk' }) }, validPayload(), signer);
    expect(() => service.verify(embedded)).toThrow(expect.objectContaining({ code: 'invalid_access_token' }));
    const unknownKid = forge({ alg: 'ES256', typ: 'at+jwt', kid: 'attacker' }, validPayload(), signer);
    expect(() => service.verify(unknownKid)).toThrow(expect.objectContaining({ message: expect.stringContaining('unknown key') }));
  });

  it('refuses tokens of another type, issuer or audience', () => {
    const other = serviceWith(currentPem);
    const { token } = other.sign({ userId: 1, sessionId: SID, role: null });
    const [, payload, signature] = token.split('.');
    const wrongTyp = `${b64({ alg: 'ES256', typ: 'JWT', kid: service.jwks.keys[0].kid })}.${payload}.${signature}`;
    expect(() => service.verify(wrongTyp)).toThrow(expect.objectContaining({ code: 'invalid_access_token' }));

    const key = parseSigningKey(currentPem).privateKey;
    const signer = (input: string) => signRaw('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    const header = { alg: 'ES256', typ: 'at+jwt', kid: service.jwks.keys[0].kid };
    const invalid = expect.objectContaining({ code: 'invalid_access_token', message: 'The access token is invalid' });
    expect(() => service.verify(forge(header, { ...validPayload(), aud: 'someone-else' }, signer))).toThrow(invalid);
    expect(() => service.verify(forge(header, { ...validPayload(), iss: 'someone-else' }, signer))).toThrow(invalid);
    expect(service.verify(forge(header, validPayload(), signer))).toMatchObject({ sub: '7' });
  });

  it('refuses expired tokens beyond one second of leeway', () => {
    const key = parseSigningKey(currentPem).privateKey;
    const signer = (input: string) => signRaw('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    const header = { alg: 'ES256', typ: 'at+jwt', kid: service.jwks.keys[0].kid };
    const expired = forge(header, { ...validPayload(), iat: now() - 100, exp: now() - 3 }, signer);
    expect(() => service.verify(expired)).toThrow(expect.objectContaining({ message: 'The access token has expired' }));
  });

  it('keeps accepting and publishing the previous key during a rotation overlap', () => {
    const oldPem = pem();
    const oldService = serviceWith(oldPem);
    const rotated = serviceWith(pem(), [oldPem]);
    const { token } = oldService.sign({ userId: 3, sessionId: SID, role: null });
    expect(rotated.jwks.keys).toHaveLength(2);
    expect(rotated.verify(token)).toMatchObject({ sub: '3' });
    // Once the old key is dropped, its tokens name a kid nobody knows.
    expect(() => serviceWith(pem()).verify(token)).toThrow(expect.objectContaining({ code: 'invalid_access_token', message: expect.stringContaining('unknown key') }));
  });
});
