import { createPublicKey } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeys, keysAsEnv } from './generate-keys';
import { loadConfig } from './load-config';

/** The .env lines as docker compose reads them: KEY=value, single quotes taken literally, comments skipped. */
function parseEnvLines(text: string): Record<string, string> {
  const entries = text
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => {
      const [, name, value] = /^([A-Z_]+)=(.*)$/.exec(line)!;
      return [name, value.replace(/^'(.*)'$/, '$1')] as const;
    });
  return Object.fromEntries(entries);
}

const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://bff:secret@db:5432/bff', STRAPI_URL: 'http://strapi:1337' };

describe('keys:generate', () => {
  it('prints keys that the production config accepts as they are, with the kid it will use', () => {
    const keys = generateKeys();
    const printed = parseEnvLines(keysAsEnv(keys));
    expect(Object.keys(printed).sort()).toEqual(['JWT_PRIVATE_KEY', 'SESSION_ENCRYPTION_KEY']);

    const config = loadConfig({ ...production, ...printed }, mkdtempSync(join(tmpdir(), 'keys-')));
    expect(config.keys.sessionEncryptionKey).toEqual(Buffer.from(keys.sessionEncryptionKey, 'base64'));
    expect(config.keys.sessionEncryptionKey).toHaveLength(32);
    expect(config.keys.signing.kid).toBe(keys.kid);
    expect(config.keys.devKeysFile).toBeUndefined();
  });

  it('prints the public half in the form JWT_PREVIOUS_PUBLIC_KEYS takes, for the next rotation', () => {
    const keys = generateKeys();
    const commented = keysAsEnv(keys)
      .split('\n')
      .find((line) => line.startsWith('# JWT_PREVIOUS_PUBLIC_KEYS='))!;
    const { JWT_PREVIOUS_PUBLIC_KEYS } = parseEnvLines(commented.slice(2));

    const successor = generateKeys();
    const config = loadConfig({ ...production, ...parseEnvLines(keysAsEnv(successor)), JWT_PREVIOUS_PUBLIC_KEYS }, mkdtempSync(join(tmpdir(), 'keys-')));
    expect(config.keys.previousVerificationKeys).toHaveLength(1);
    expect(config.keys.previousVerificationKeys[0].equals(createPublicKey(keys.jwtPrivateKey))).toBe(true);
  });

  it('never prints the same keys twice', () => {
    const [first, second] = [generateKeys(), generateKeys()];
    expect(second.sessionEncryptionKey).not.toBe(first.sessionEncryptionKey);
    expect(second.jwtPrivateKey).not.toBe(first.jwtPrivateKey);
    expect(second.kid).not.toBe(first.kid);
  });
});
