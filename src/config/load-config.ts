import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import type { AppConfig, LimiterStoreKind, MetricsConfig, NodeEnv, SigningKey } from './app-config';
import {
  decodeEncryptionKey,
  devKeysPath,
  loadOrCreateDevKeys,
  looksLikePlaceholder,
  parsePublicKeys,
  parseSigningKey,
  readDevKeys,
} from './keys';
import { ConfigError, EnvReader, type Env } from './env-reader';

export { ConfigError, type Env } from './env-reader';

/** Exact origins (scheme://host[:port]); a wildcard would let any site use a signed-in browser's cookies. */
function parseOrigins(value: string | undefined, problems: string[]): string[] {
  if (value === undefined) return [];
  const origins: string[] = [];
  for (const entry of value.split(',').map((item) => item.trim()).filter(Boolean)) {
    try {
      const url = new URL(entry);
      if (entry === '*' || !['http:', 'https:'].includes(url.protocol) || url.origin !== entry.replace(/\/$/, '')) throw new Error('origin');
      origins.push(url.origin);
    } catch {
      problems.push(`CORS_ORIGINS must list exact origins such as https://app.example.com (got "${entry}"); "*" is never allowed`);
    }
  }
  return origins;
}

/**
 * Hop counts are deliberately not accepted: they can't check who the immediate peer is, so any
 * direct client could forge X-Forwarded-For.
 */
function parseTrustProxy(value: string | undefined, problems: string[]): boolean | string[] {
  if (value === undefined) return false;
  const trimmed = value.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  const entries = trimmed.split(',').map((entry) => entry.trim()).filter(Boolean);
  const valid = entries.length > 0 && entries.every((entry) => /^(loopback|linklocal|uniquelocal)$/.test(entry) || (isIP(entry.split('/')[0]) !== 0 && /^[^/]+(\/\d{1,3})?$/.test(entry)));
  if (!valid) {
    problems.push(`TRUST_PROXY must be false, true, or a comma-separated list of addresses/CIDRs such as loopback,10.0.0.0/8 (got "${value}")`);
    return false;
  }
  return entries;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const read = new EnvReader(env);
  const problems = read.problems;

  const nodeEnvRaw = read.string('NODE_ENV', 'development');
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnvRaw}")`);
  }
  const nodeEnv = (['development', 'production', 'test'].includes(nodeEnvRaw) ? nodeEnvRaw : 'development') as NodeEnv;
  const production = nodeEnv === 'production';

  const dataDirRaw = read.string('DATA_DIR', 'data');
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);

  const accessTtlMs = read.duration('ACCESS_TOKEN_TTL', '15m', 10_000, 86_400_000);
  const refreshTtlMs = read.duration('REFRESH_TOKEN_TTL', '30d');
  const refreshIdleTtlMs = read.duration('REFRESH_TOKEN_IDLE_TTL', '7d');
  const reuseGraceMs = read.duration('REFRESH_REUSE_GRACE', '10s', 0, 300_000);
  if (refreshIdleTtlMs > refreshTtlMs) {
    problems.push('REFRESH_TOKEN_IDLE_TTL must not be longer than REFRESH_TOKEN_TTL');
  }

  const adminRoles = read
    .string('ADMIN_ROLES', 'bff-admin')
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role.length > 0);

  const mfaRolesRaw = read.string('MFA_REQUIRED_ROLES', adminRoles.join(','));
  // `none` is explicit, so an empty value can't switch the requirement off by accident.
  const mfaRequiredRoles = mfaRolesRaw.trim().toLowerCase() === 'none' ? [] : mfaRolesRaw.split(',').map((role) => role.trim()).filter((role) => role.length > 0);
  const publicUrl = read.url('PUBLIC_URL', undefined, ['http:', 'https:']);

  const keys = resolveKeys(read, production, dataDir);

  const redisUrl = read.url('REDIS_URL', undefined, ['redis:', 'rediss:']);
  const storeRaw = read.string('RATE_LIMIT_STORE', redisUrl ? 'redis' : 'postgres');
  if (!['postgres', 'redis', 'memory'].includes(storeRaw)) problems.push(`RATE_LIMIT_STORE must be postgres, redis or memory (got "${storeRaw}")`);
  if (storeRaw === 'redis' && !redisUrl) problems.push('RATE_LIMIT_STORE=redis needs REDIS_URL');
  const passwordMin = read.int('PASSWORD_MIN_LENGTH', 8, 6, 64);
  const port = read.int('PORT', 3000, 0, 65535);
  const metrics = readMetrics(read, production, port);
  const passwordMax = read.int('PASSWORD_MAX_LENGTH', 128, 64, 256);

  const config: Omit<AppConfig, 'keys'> = {
    env: nodeEnv,
    port,
    host: read.string('HOST', '127.0.0.1'),
    trustProxy: parseTrustProxy(read.raw('TRUST_PROXY'), problems),
    bodyLimitBytes: read.int('BODY_LIMIT', 65_536, 1024, 10_485_760),
    logLevel: read.string('LOG_LEVEL', nodeEnv === 'test' ? 'warn' : 'info'),
    dataDir,
    swaggerEnabled: read.bool('SWAGGER_ENABLED', true),
    database: {
      url: read.url('DATABASE_URL', undefined, ['postgres:', 'postgresql:']),
      migrationsRun: read.bool('MIGRATIONS_RUN', true),
      embeddedPort: read.int('EMBEDDED_POSTGRES_PORT', 5433, 1, 65535),
      poolSize: read.int('DATABASE_POOL_SIZE', 10, 1, 200),
    },
    strapi: {
      url: read.url('STRAPI_URL', 'http://127.0.0.1:1337', ['http:', 'https:']) ?? 'http://127.0.0.1:1337',
      timeoutMs: read.duration('STRAPI_TIMEOUT', '10s', 100, 300_000),
      connections: read.int('STRAPI_CONNECTIONS', 128, 1, 4096),
      apiToken: read.secret('STRAPI_API_TOKEN')?.trim() || undefined,
      refreshAheadMs: read.duration('STRAPI_REFRESH_AHEAD', '30s', 0, 3_600_000),
    },
    proxy: {
      allow: read.pathPrefixes('PROXY_ALLOW', '/api/'),
      deny: read.pathPrefixes('PROXY_DENY', ''),
      graphql: read.bool('PROXY_GRAPHQL', true),
      bodyLimitBytes: read.size('PROXY_BODY_LIMIT', '50mb', 1024, 1024 ** 4),
      graphqlBodyLimitBytes: read.size('PROXY_GRAPHQL_BODY_LIMIT', '1mb', 1024, 64 * 1024 ** 2),
    },
    publicUrl,
    tokens: {
      accessTtlMs,
      refreshTtlMs,
      refreshIdleTtlMs,
      reuseGraceMs,
      issuer: read.string('JWT_ISSUER', 'strapi-auth-bff'),
      audience: read.string('JWT_AUDIENCE', 'strapi-auth-bff'),
    },
    // The cache may hide a revocation for at most this long, so it is capped at the 1 s promise.
    sessionCacheTtlMs: read.duration('SESSION_CACHE_TTL', '500ms', 0, 1000),
    metrics,
    adminRoles,
    mfa: {
      requiredRoles: mfaRequiredRoles,
      challengeTtlMs: read.duration('MFA_CHALLENGE_TTL', '5m', 10_000, 3_600_000),
      challengeAttempts: read.int('MFA_CHALLENGE_ATTEMPTS', 5, 1, 100),
      user: read.rate('MFA_LIMIT_USER', '10/15m'),
      reauthMaxAgeMs: read.duration('REAUTH_MAX_AGE', '5m', 1000, 86_400_000),
      totpIssuer: read.string('MFA_TOTP_ISSUER', 'strapi-auth-bff'),
      passkeys: passkeyRelyingParty(publicUrl, read.string('PASSKEY_RP_NAME', 'strapi-auth-bff')),
    },
    limits: {
      store: (['postgres', 'redis', 'memory'].includes(storeRaw) ? storeRaw : 'postgres') as LimiterStoreKind,
      redisUrl,
      login: {
        account: read.rate('LOGIN_LIMIT_ACCOUNT', '10/15m'),
        ip: read.rate('LOGIN_LIMIT_IP', '100/15m'),
        accountIp: read.rate('LOGIN_LIMIT_ACCOUNT_IP', '5/15m'),
        device: read.rate('LOGIN_LIMIT_DEVICE', '10/15m'),
        maxLockMs: read.duration('LOGIN_LOCK_MAX', '24h', 60_000),
        failureFloorMs: read.duration('LOGIN_FAILURE_FLOOR', '250ms', 0, 5_000),
      },
      emailFlows: { ip: read.rate('EMAIL_FLOW_LIMIT_IP', '20/1h'), address: read.rate('EMAIL_FLOW_LIMIT_ADDRESS', '5/1h') },
      codeFlows: { ip: read.rate('CODE_FLOW_LIMIT_IP', '20/15m') },
      refresh: { ip: read.rate('REFRESH_LIMIT_IP', '30/15m') },
      proxy: read.optionalRate('PROXY_RATE_LIMIT'),
      deviceTokenTtlMs: read.duration('DEVICE_TOKEN_TTL', '90d', 60_000),
    },
    passwords: {
      minLength: passwordMin,
      maxLength: Math.max(passwordMax, passwordMin),
      pwnedUrl: read.url('PWNED_PASSWORDS_URL', undefined, ['http:', 'https:']),
    },
    refreshRevalidate: read.bool('REFRESH_REVALIDATE', true),
    browser: {
      corsOrigins: parseOrigins(read.raw('CORS_ORIGINS'), problems),
      insecureCookies: read.bool('COOKIE_INSECURE_DEV', false),
    },
    retention: {
      auditMs: read.duration('AUDIT_RETENTION', '90d', 86_400_000),
      endedSessionsMs: read.duration('SESSION_RETENTION', '30d', 60_000),
      intervalMs: read.duration('RETENTION_INTERVAL', '1h', 10_000),
    },
    health: {
      readyRequiresStrapi: read.bool('READY_REQUIRES_STRAPI', false),
    },
  };

  if (production && config.browser.insecureCookies) {
    problems.push('COOKIE_INSECURE_DEV is for local HTTP development only and is refused when NODE_ENV=production');
  }
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${config.logLevel}")`);
  }
  if (problems.length > 0 || !keys) throw new ConfigError(problems);
  return { ...config, keys };
}

/** Passkeys are bound to where users reach the BFF: PUBLIC_URL's host and origin (localhost without it, for development). */
function passkeyRelyingParty(publicUrl: string | undefined, rpName: string): AppConfig['mfa']['passkeys'] {
  const url = new URL(publicUrl ?? 'http://localhost:3000');
  return { rpId: url.hostname, origin: url.origin, rpName };
}

/**
 * Metrics say how many sign-ins fail and how many sessions there are, so they are not public by
 * default where it matters: in production /metrics is served only behind METRICS_TOKEN or on
 * METRICS_PORT, and is off when neither is set. Elsewhere it is open on the app's port.
 */
function readMetrics(read: EnvReader, production: boolean, appPort: number): MetricsConfig {
  const requested = read.bool('METRICS_ENABLED', true);
  const token = read.secret('METRICS_TOKEN')?.trim() || undefined;
  if (token !== undefined && token.length < 16) read.problems.push('METRICS_TOKEN must be at least 16 characters (try: openssl rand -base64 24)');
  const port = read.raw('METRICS_PORT') === undefined ? undefined : read.int('METRICS_PORT', 0, 0, 65535);
  if (port !== undefined && port !== 0 && port === appPort) read.problems.push(`METRICS_PORT must differ from PORT (both are ${port})`);
  const host = read.string('METRICS_HOST', '127.0.0.1');
  let exposure: MetricsConfig['exposure'] = 'off';
  if (requested && port !== undefined) exposure = 'own_port';
  else if (requested && (token !== undefined || !production)) exposure = 'main_port';
  return { exposure, requested, token, port, host };
}

function resolveKeys(read: EnvReader, production: boolean, dataDir: string): AppConfig['keys'] | undefined {
  const problems = read.problems;
  const encryptionRaw = read.secret('SESSION_ENCRYPTION_KEY');
  const signingRaw = read.secret('JWT_PRIVATE_KEY');
  const previousRaw = read.secret('JWT_PREVIOUS_PUBLIC_KEYS');

  let devKeysFile: string | undefined;
  let encryptionValue = encryptionRaw;
  let signingValue = signingRaw;
  if (production) {
    if (encryptionRaw === undefined) problems.push('SESSION_ENCRYPTION_KEY is required when NODE_ENV=production');
    if (signingRaw === undefined) problems.push('JWT_PRIVATE_KEY (or JWT_PRIVATE_KEY_FILE) is required when NODE_ENV=production');
  } else if (encryptionRaw === undefined || signingRaw === undefined) {
    const dev = loadOrCreateDevKeys(dataDir);
    devKeysFile = devKeysPath(dataDir);
    encryptionValue ??= dev.sessionEncryptionKey;
    signingValue ??= dev.jwtPrivateKey;
  }

  let sessionEncryptionKey: Buffer = Buffer.alloc(32);
  if (encryptionValue !== undefined) {
    const decoded = decodeEncryptionKey(encryptionValue);
    if (!decoded) {
      problems.push('SESSION_ENCRYPTION_KEY must be 32 random bytes, as 64 hex characters or base64 (try: openssl rand -base64 32)');
    } else if (looksLikePlaceholder(encryptionValue, decoded)) {
      problems.push('SESSION_ENCRYPTION_KEY is a placeholder value; generate one with: openssl rand -base64 32');
    } else {
      sessionEncryptionKey = decoded;
    }
  }

  let signing: SigningKey | undefined;
  if (signingValue !== undefined) {
    try {
      signing = parseSigningKey(signingValue);
    } catch (error) {
      problems.push(`JWT_PRIVATE_KEY ${(error as Error).message.startsWith('must') ? (error as Error).message : 'must be a PEM-encoded EC P-256 private key (ES256)'}`);
    }
  }

  if (production) {
    // A key copied from a dev keys file is known to whoever had that machine.
    const dev = readDevKeys(dataDir);
    if (dev && encryptionRaw !== undefined && dev.sessionEncryptionKey === encryptionRaw.trim()) {
      problems.push('SESSION_ENCRYPTION_KEY is the generated development key; production needs its own');
    }
    if (dev && signing && parseSigningKey(dev.jwtPrivateKey).kid === signing.kid) {
      problems.push('JWT_PRIVATE_KEY is the generated development key; production needs its own');
    }
  }

  let previousVerificationKeys: SigningKey['publicKey'][] = [];
  if (previousRaw !== undefined) {
    try {
      previousVerificationKeys = parsePublicKeys(previousRaw);
    } catch (error) {
      problems.push(`JWT_PREVIOUS_PUBLIC_KEYS ${(error as Error).message}`);
    }
  }

  if (!signing) return undefined;
  return { sessionEncryptionKey, signing, previousVerificationKeys, devKeysFile };
}
