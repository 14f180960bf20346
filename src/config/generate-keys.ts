import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { keyId } from './keys';

export interface GeneratedKeys {
  /** 32 random bytes, base64: SESSION_ENCRYPTION_KEY. */
  sessionEncryptionKey: string;
  /** PEM PKCS#8 EC P-256 private key: JWT_PRIVATE_KEY. */
  jwtPrivateKey: string;
  /** Its PEM public half: what goes into JWT_PREVIOUS_PUBLIC_KEYS once the key is retired. */
  jwtPublicKey: string;
  /** The kid access tokens signed with it carry. */
  kid: string;
}

export function generateKeys(): GeneratedKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    sessionEncryptionKey: randomBytes(32).toString('base64'),
    jwtPrivateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    jwtPublicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    kid: keyId(publicKey),
  };
}

/**
 * A PEM on one line with `\n` escapes, which the config turns back into newlines. Single quotes
 * keep docker compose's .env parser and shells from touching it.
 */
function oneLine(pem: string): string {
  return `'${pem.trim().replace(/\n/g, '\\n')}'`;
}

/** The keys as lines to append to an .env file (or to paste into a secret store). */
export function keysAsEnv(keys: GeneratedKeys, now = new Date()): string {
  return [
    `# strapi-auth-bff keys generated ${now.toISOString()}; the signing key's kid is ${keys.kid}`,
    `SESSION_ENCRYPTION_KEY=${keys.sessionEncryptionKey}`,
    `JWT_PRIVATE_KEY=${oneLine(keys.jwtPrivateKey)}`,
    '# When you replace JWT_PRIVATE_KEY, keep its public half in JWT_PREVIOUS_PUBLIC_KEYS for at least ACCESS_TOKEN_TTL:',
    `# JWT_PREVIOUS_PUBLIC_KEYS=${oneLine(keys.jwtPublicKey)}`,
    '',
  ].join('\n');
}

// `npm run -s keys:generate >> .env`
if (require.main === module) {
  process.stdout.write(keysAsEnv(generateKeys()));
}
