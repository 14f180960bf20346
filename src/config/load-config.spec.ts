import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, type Env } from './load-config';

const ecKey = (): string => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const secrets = { SESSION_ENCRYPTION_KEY: randomBytes(32).toString('base64'), JWT_PRIVATE_KEY: ecKey() };

function problemsOf(env: Env): string[] {
  try {
    loadConfig(env, mkdtempSync(join(tmpdir(), 'cfg-')));
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ ...secrets }, mkdtempSync(join(tmpdir(), 'cfg-')));
    expect(config.port).toBe(3000);
    expect(config.strapi.url).toBe('http://127.0.0.1:1337');
    expect(config.tokens).toMatchObject({ accessTtlMs: 900_000, refreshTtlMs: 30 * 86_400_000, refreshIdleTtlMs: 7 * 86_400_000, reuseGraceMs: 10_000 });
    expect(config.adminRoles).toEqual(['bff-admin']);
    expect(config.database.url).toBeUndefined();
    expect(config.database.migrationsRun).toBe(true);
    expect(config.sessionCacheTtlMs).toBeLessThanOrEqual(1000);
  });

  it.each([
    ['900', 900_000],
    ['15m', 900_000],
    ['10s', 10_000],
    ['1h', 3_600_000],
  ])('accepts ACCESS_TOKEN_TTL=%s', (value, ms) => {
    expect(loadConfig({ ...secrets, ACCESS_TOKEN_TTL: value }, mkdtempSync(join(tmpdir(), 'cfg-'))).tokens.accessTtlMs).toBe(ms);
  });

  it('accepts 30d for the refresh lifetime and splits ADMIN_ROLES on commas', () => {
    const config = loadConfig({ ...secrets, REFRESH_TOKEN_TTL: '30d', ADMIN_ROLES: ' bff-admin, ops ,' }, mkdtempSync(join(tmpdir(), 'cfg-')));
    expect(config.tokens.refreshTtlMs).toBe(2_592_000_000);
    expect(config.adminRoles).toEqual(['bff-admin', 'ops']);
  });

  it('requires a second factor of the admin roles by default, of none with `none`, or of the roles listed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const defaults = loadConfig({ ...secrets, ADMIN_ROLES: 'bff-admin,ops' }, dir).mfa;
    expect(defaults).toMatchObject({ requiredRoles: ['bff-admin', 'ops'], challengeTtlMs: 300_000, challengeAttempts: 5, user: { points: 10, windowMs: 900_000 }, reauthMaxAgeMs: 300_000 });
    expect(loadConfig({ ...secrets, MFA_REQUIRED_ROLES: 'None' }, dir).mfa.requiredRoles).toEqual([]);
    expect(loadConfig({ ...secrets, MFA_REQUIRED_ROLES: ' authenticated , bff-admin' }, dir).mfa.requiredRoles).toEqual(['authenticated', 'bff-admin']);
    expect(loadConfig({ ...secrets, PUBLIC_URL: 'https://auth.example.com/' }, dir).mfa.passkeys).toMatchObject({ rpId: 'auth.example.com', origin: 'https://auth.example.com' });
    expect(problemsOf({ ...secrets, REAUTH_MAX_AGE: 'soon', MFA_LIMIT_USER: '10' })).toEqual([expect.stringContaining('MFA_LIMIT_USER'), expect.stringContaining('REAUTH_MAX_AGE')]);
  });

  it('names every bad variable in one go', () => {
    const problems = problemsOf({
      ...secrets,
      PORT: 'eighty',
      ACCESS_TOKEN_TTL: 'soon',
      STRAPI_URL: 'ftp://strapi',
      DATABASE_URL: 'mysql://x',
      MIGRATIONS_RUN: 'maybe',
      SESSION_CACHE_TTL: '5s',
    });
    for (const name of ['PORT', 'ACCESS_TOKEN_TTL', 'STRAPI_URL', 'DATABASE_URL', 'MIGRATIONS_RUN', 'SESSION_CACHE_TTL']) {
      expect(problems.some((problem) => problem.startsWith(name))).toBe(true);
    }
  });

  it('takes TRUST_PROXY as a list of addresses and refuses hop counts, which cannot check the peer', () => {
    expect(loadConfig({ ...secrets, TRUST_PROXY: 'loopback, 10.0.0.0/8' }, mkdtempSync(join(tmpdir(), 'cfg-'))).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(problemsOf({ ...secrets, TRUST_PROXY: '2' })).toEqual([expect.stringContaining('TRUST_PROXY must be')]);
    expect(problemsOf({ ...secrets, TRUST_PROXY: 'my-proxy.internal' })).toEqual([expect.stringContaining('TRUST_PROXY must be')]);
  });

  it('takes CORS_ORIGINS as exact origins and never *', () => {
    expect(loadConfig({ ...secrets, CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }, mkdtempSync(join(tmpdir(), 'cfg-'))).browser.corsOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
    for (const bad of ['*', 'app.example.com', 'https://app.example.com/path']) {
      expect(problemsOf({ ...secrets, CORS_ORIGINS: bad })).toEqual([expect.stringContaining('CORS_ORIGINS must list exact origins')]);
    }
  });

  it('allows insecure (non-Secure) cookies in development only', () => {
    expect(loadConfig({ ...secrets, COOKIE_INSECURE_DEV: 'true' }, mkdtempSync(join(tmpdir(), 'cfg-'))).browser.insecureCookies).toBe(true);
    expect(problemsOf({ NODE_ENV: 'production', ...secrets, COOKIE_INSECURE_DEV: 'true' })).toEqual([expect.stringContaining('COOKIE_INSECURE_DEV')]);
  });

  it('refuses an idle lifetime longer than the absolute one', () => {
    expect(problemsOf({ ...secrets, REFRESH_TOKEN_TTL: '1d', REFRESH_TOKEN_IDLE_TTL: '2d' })).toEqual([
      'REFRESH_TOKEN_IDLE_TTL must not be longer than REFRESH_TOKEN_TTL',
    ]);
  });

  it('does not echo database passwords back in errors', () => {
    const [problem] = problemsOf({ ...secrets, DATABASE_URL: 'mysql://user:topsecret@host/db' });
    expect(problem).toContain('DATABASE_URL');
    expect(problem).not.toContain('topsecret');
  });

  describe('metrics', () => {
    const at = (env: Env) => loadConfig({ ...secrets, ...env }, mkdtempSync(join(tmpdir(), 'cfg-'))).metrics;

    it('serves /metrics on the app’s port outside production, and nowhere in production without a token or port', () => {
      expect(at({}).exposure).toBe('main_port');
      expect(at({ NODE_ENV: 'production' })).toMatchObject({ exposure: 'off', requested: true });
      expect(at({ NODE_ENV: 'production', METRICS_TOKEN: 'a'.repeat(24) })).toMatchObject({ exposure: 'main_port', token: 'a'.repeat(24) });
      expect(at({ NODE_ENV: 'production', METRICS_PORT: '9464' })).toMatchObject({ exposure: 'own_port', port: 9464, host: '127.0.0.1' });
      expect(at({ METRICS_ENABLED: 'false', METRICS_PORT: '9464' })).toMatchObject({ exposure: 'off', requested: false });
    });

    it('refuses a short METRICS_TOKEN and a METRICS_PORT equal to PORT', () => {
      expect(problemsOf({ ...secrets, METRICS_TOKEN: 'short' })).toEqual([expect.stringContaining('METRICS_TOKEN must be at least 16 characters')]);
      expect(problemsOf({ ...secrets, PORT: '4000', METRICS_PORT: '4000' })).toEqual(['METRICS_PORT must differ from PORT (both are 4000)']);
      expect(problemsOf({ ...secrets, METRICS_PORT: 'nine' })).toEqual([expect.stringContaining('METRICS_PORT must be a whole number')]);
    });
  });

  describe('in production', () => {
    it('refuses to start without secrets', () => {
      const problems = problemsOf({ NODE_ENV: 'production' });
      expect(problems).toEqual(
        expect.arrayContaining([expect.stringContaining('SESSION_ENCRYPTION_KEY is required'), expect.stringContaining('JWT_PRIVATE_KEY')]),
      );
    });

    it('refuses placeholder secrets', () => {
      expect(problemsOf({ NODE_ENV: 'production', SESSION_ENCRYPTION_KEY: 'change-me', JWT_PRIVATE_KEY: secrets.JWT_PRIVATE_KEY })).toEqual([
        expect.stringContaining('SESSION_ENCRYPTION_KEY must be 32 random bytes'),
      ]);
      expect(problemsOf({ NODE_ENV: 'production', SESSION_ENCRYPTION_KEY: '0'.repeat(64), JWT_PRIVATE_KEY: secrets.JWT_PRIVATE_KEY })).toEqual([
        expect.stringContaining('placeholder'),
      ]);
    });

    it('refuses a signing key that is not ES256', () => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
      expect(problemsOf({ NODE_ENV: 'production', SESSION_ENCRYPTION_KEY: secrets.SESSION_ENCRYPTION_KEY, JWT_PRIVATE_KEY: rsa })).toEqual([
        'JWT_PRIVATE_KEY must be an EC P-256 private key (ES256)',
      ]);
    });

    it('refuses the generated development keys', () => {
      const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
      loadConfig({}, dir);
      const dev = JSON.parse(readFileSync(join(dir, 'data', 'dev-keys.json'), 'utf8')) as { sessionEncryptionKey: string; jwtPrivateKey: string };
      expect(() => loadConfig({ NODE_ENV: 'production', SESSION_ENCRYPTION_KEY: dev.sessionEncryptionKey, JWT_PRIVATE_KEY: dev.jwtPrivateKey }, dir)).toThrow(
        /generated development key/,
      );
    });

    it('starts with real secrets, also when given as files', () => {
      const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
      const keyFile = join(dir, 'jwt.pem');
      writeFileSync(keyFile, secrets.JWT_PRIVATE_KEY);
      const config = loadConfig({ NODE_ENV: 'production', SESSION_ENCRYPTION_KEY: secrets.SESSION_ENCRYPTION_KEY, JWT_PRIVATE_KEY_FILE: keyFile }, dir);
      expect(config.keys.devKeysFile).toBeUndefined();
      expect(config.keys.signing.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });
  });

  it('generates development keys once, into a private file under the data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const first = loadConfig({}, dir);
    const second = loadConfig({}, dir);
    expect(first.keys.devKeysFile).toBe(join(dir, 'data', 'dev-keys.json'));
    expect(second.keys.signing.kid).toBe(first.keys.signing.kid);
    expect(statSync(join(dir, 'data', 'dev-keys.json')).mode & 0o777).toBe(0o600);
  });
});
