import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SigningKey } from './app-config';

export interface DevKeys {
  sessionEncryptionKey: string;
  jwtPrivateKey: string;
}

const PLACEHOLDER = /^(change[-_ ]?me|changeit|placeholder|secret|password|example|dev|test|todo|xxx+)/i;

/** Accepts 32 bytes as 64 hex characters, base64 or base64url. */
export function decodeEncryptionKey(value: string): Buffer | undefined {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes;
  }
  return undefined;
}

/** A key that is a known placeholder or has almost no variety in its bytes is not a secret. */
export function looksLikePlaceholder(raw: string, decoded?: Buffer): boolean {
  if (PLACEHOLDER.test(raw.trim())) return true;
  if (decoded && new Set(decoded).size < 8) return true;
  return false;
}

export function parseSigningKey(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem.replace(/\\n/g, '\n'));
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('must be an EC P-256 private key (ES256)');
  }
  const publicKey = createPublicKey(privateKey);
  return { kid: keyId(publicKey), privateKey, publicKey };
}

export function parsePublicKeys(pems: string): KeyObject[] {
  const blocks = pems.replace(/\\n/g, '\n').match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
  if (blocks.length === 0) throw new Error('must hold one or more PEM public keys');
  return blocks.map((block) => {
    const key = createPublicKey(block);
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new Error('must hold EC P-256 public keys (ES256)');
    }
    return key;
  });
}

/** RFC 7638 JWK thumbprint, so the kid is stable for a key and differs between keys. */
export function keyId(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

export function devKeysPath(dataDir: string): string {
  return join(dataDir, 'dev-keys.json');
}

export function readDevKeys(dataDir: string): DevKeys | undefined {
  const file = devKeysPath(dataDir);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as DevKeys;
}

/** Dev keys live in a file under the data folder, never in the database they protect. */
export function loadOrCreateDevKeys(dataDir: string): DevKeys {
  const existing = readDevKeys(dataDir);
  if (existing) return existing;
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const keys: DevKeys = {
    sessionEncryptionKey: randomBytes(32).toString('base64url'),
    jwtPrivateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(devKeysPath(dataDir), JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}
