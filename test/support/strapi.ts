/**
 * A real Strapi 5 (test/strapi-fixture/) for end-to-end tests.
 *
 *   const strapi = await startStrapi({ jwtManagement: 'refresh' });
 *   // ... point the BFF at strapi.url ...
 *   await strapi.stop();
 *
 * Every call gets its own free port and a fresh SQLite file in a temp dir, seeded from
 * test/strapi-fixture/seed.json (exported here as `seedUsers`, `seedRoles`, `seedArticles`).
 * Boot takes a few seconds, so start one per test file (beforeAll), not one per test.
 *
 * Simulating an outage: `kill()` stops the process but keeps the port and the database;
 * `start()` brings the same instance back (same url, same data, seeding is idempotent);
 * `restart()` does both. `stop()` is final: it kills and deletes the temp dir.
 *
 * Mails Strapi sends (reset codes, confirmation links) are captured, never delivered:
 * `readMailbox(strapi.url)` and `clearMailbox(strapi.url)` read and empty them. The mailbox
 * is in Strapi's memory, so kill()/restart() empties it.
 *
 * A fixture that is never stopped does not keep jest alive, and exits by itself (with its
 * temp dir) within a second of the test process going away.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fixtureOptionsFor, strapiMode } from './mode';

export interface StrapiFixtureOptions {
  /** users-permissions `jwtManagement`; default 'legacy-support'. */
  jwtManagement?: 'legacy-support' | 'refresh';
  /** The users-permissions advanced setting `email_confirmation`; default false. */
  emailConfirmation?: boolean;
  /** Lifetime of legacy JWTs (users-permissions `jwt.expiresIn`), e.g. '30d' or '5s'; default '30d'. */
  jwtExpiresIn?: string;
  /** The users-permissions JWT secret; changing it at restart() makes Strapi refuse every JWT it issued before. */
  jwtSecret?: string;
  /** Refresh mode only: lifetime of Strapi's access JWTs in seconds (`sessions.accessTokenLifespan`); default 600. */
  accessTokenLifespan?: number;
  /** users-permissions' own rate limiter on `/auth/*` (10 per minute per path and client address); default off. */
  rateLimit?: boolean;
  /** Every mail Strapi tries to send fails, as with no provider or SMTP down; default false. */
  emailFails?: boolean;
}

/**
 * A read-only Strapi API token every fixture has (bootstrap stores it as Strapi would), for
 * BFFs started with STRAPI_API_TOKEN. Known to the tests only; the fixture is loopback-only.
 */
export const fixtureApiToken = 'fixture-read-only-api-token-3f9c2a7e51d84b06a1e2c7d9';

export interface StrapiFixture {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 (the REST API is under /api). */
  readonly url: string;
  readonly port: number;
  /** Strapi's stdout and stderr. */
  readonly logFile: string;
  readonly databaseFile: string;
  /** Stop for good and delete the temp dir. Safe to call twice. */
  stop(): Promise<void>;
  /** Stop the process only ("Strapi is down"); the port and the database are kept for start(). */
  kill(): Promise<void>;
  /** Start again after kill(), on the same port with the same database. No-op if running. */
  start(): Promise<void>;
  /** kill() then start(), optionally with changed options (same port and database). */
  restart(overrides?: StrapiFixtureOptions): Promise<void>;
}

export type SeedRoleType = 'authenticated' | 'bff-admin';
export type SeedUserName = 'alice' | 'bob' | 'admin' | 'carol' | 'dave';

export interface SeedUser {
  readonly username: string;
  readonly email: string;
  readonly password: string;
  readonly role: SeedRoleType;
  readonly confirmed: boolean;
  readonly blocked: boolean;
}

export interface SeedRole {
  readonly name: string;
  readonly type: string;
  readonly description: string;
}

export interface SeedArticle {
  readonly title: string;
  readonly body: string;
}

export interface SentMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string | null;
  readonly html: string | null;
}

const BOOT_TIMEOUT_MS = 90_000;
const KILL_GRACE_MS = 5_000;
const LOG_TAIL_LINES = 50;

export const fixtureDir = path.resolve(__dirname, '..', 'strapi-fixture');
const repoRoot = path.resolve(fixtureDir, '..', '..');
const strapiBin = path.join(fixtureDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const watchdog = path.join(fixtureDir, 'parent-watchdog.js');

// ---------------------------------------------------------------------------------------------
// Seed data (test/strapi-fixture/seed.json is the single source; the fixture's bootstrap reads it)
// ---------------------------------------------------------------------------------------------

const SEED_USER_NAMES: readonly SeedUserName[] = ['alice', 'bob', 'admin', 'carol', 'dave'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field<T>(record: Record<string, unknown>, key: string, guard: (v: unknown) => v is T, where: string): T {
  const value = record[key];
  if (!guard(value)) throw new Error(`seed.json: ${where}.${key} is missing or has the wrong type`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isRoleType = (v: unknown): v is SeedRoleType => v === 'authenticated' || v === 'bff-admin';

interface Seed {
  users: Record<SeedUserName, SeedUser>;
  roles: { bffAdmin: SeedRole };
  articles: SeedArticle[];
}

function loadSeed(): Seed {
  const raw: unknown = JSON.parse(readFileSync(path.join(fixtureDir, 'seed.json'), 'utf8'));
  if (!isRecord(raw) || !isRecord(raw.users) || !isRecord(raw.roles) || !Array.isArray(raw.articles)) {
    throw new Error('seed.json: expected { users: {...}, roles: {...}, articles: [...] }');
  }
  const rawUsers = raw.users;
  const users = Object.fromEntries(
    SEED_USER_NAMES.map((name): [SeedUserName, SeedUser] => {
      const user = rawUsers[name];
      if (!isRecord(user)) throw new Error(`seed.json: users.${name} is missing`);
      const where = `users.${name}`;
      return [
        name,
        Object.freeze({
          username: field(user, 'username', isString, where),
          email: field(user, 'email', isString, where),
          password: field(user, 'password', isString, where),
          role: field(user, 'role', isRoleType, where),
          confirmed: field(user, 'confirmed', isBoolean, where),
          blocked: field(user, 'blocked', isBoolean, where),
        }),
      ];
    }),
  ) as Record<SeedUserName, SeedUser>;

  const bffAdmin = raw.roles.bffAdmin;
  if (!isRecord(bffAdmin)) throw new Error('seed.json: roles.bffAdmin is missing');
  const roles = {
    bffAdmin: Object.freeze({
      name: field(bffAdmin, 'name', isString, 'roles.bffAdmin'),
      type: field(bffAdmin, 'type', isString, 'roles.bffAdmin'),
      description: field(bffAdmin, 'description', isString, 'roles.bffAdmin'),
    }),
  };

  const articles = raw.articles.map((article: unknown, i): SeedArticle => {
    const where = `articles[${String(i)}]`;
    if (!isRecord(article)) throw new Error(`seed.json: ${where} is not an object`);
    return Object.freeze({
      title: field(article, 'title', isString, where),
      body: field(article, 'body', isString, where),
    });
  });

  return { users, roles, articles };
}

const seed = loadSeed();

/** The seeded users by name: `seedUsers.alice.email`, `seedUsers.admin.password`, ... */
export const seedUsers: Readonly<Record<SeedUserName, SeedUser>> = Object.freeze(seed.users);
export const seedRoles: Readonly<{ bffAdmin: SeedRole }> = Object.freeze(seed.roles);
export const seedArticles: readonly SeedArticle[] = Object.freeze(seed.articles);

// ---------------------------------------------------------------------------------------------
// Install check (the install itself lives in scripts/strapi-fixture.mjs; `npm test` runs it first)
// ---------------------------------------------------------------------------------------------

function ensureFixtureInstalled(): void {
  const stamp = path.join(fixtureDir, 'node_modules', '.lock-hash');
  const lockHash = createHash('sha256')
    .update(readFileSync(path.join(fixtureDir, 'package-lock.json')))
    .digest('hex');
  if (existsSync(strapiBin) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lockHash) return;

  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'strapi-fixture.mjs'), 'install'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new Error('Installing the Strapi fixture failed; run `node scripts/strapi-fixture.mjs install` to see why.');
  }
}

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

// Every Strapi this process started, so nothing outlives the run. Inside jest this hook does
// not fire (the sandbox gets its own copy of `process`), so the real guard against orphans is
// test/strapi-fixture/parent-watchdog.js; the hook covers plain Node scripts such as the demo.
const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        if (port > 0) resolve(port);
        else reject(new Error('could not pick a free port'));
      });
    });
  });
}

function healthStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(`${url}/_health`, { method: 'GET', timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => {
      resolve(undefined);
    });
    req.end();
  });
}

function logTail(logFile: string): string {
  if (!existsSync(logFile)) return '(no log)';
  const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n');
  return lines.slice(-LOG_TAIL_LINES).join('\n');
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (!exited(child)) {
    child.kill('SIGTERM');
    if (!(await waitForExit(child, KILL_GRACE_MS))) {
      child.kill('SIGKILL');
      await waitForExit(child, KILL_GRACE_MS);
    }
  }
  running.delete(child);
}

function strapiEnv(port: number, databaseFile: string, options: StrapiFixtureOptions): NodeJS.ProcessEnv {
  // A clean environment: the BFF's own variables (PORT, JWT_SECRET, DATABASE_*) must not leak in.
  const inherited: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SystemRoot']) {
    if (process.env[key] !== undefined) inherited[key] = process.env[key];
  }
  return {
    ...inherited,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_FILENAME: databaseFile,
    FIXTURE_JWT_MANAGEMENT: options.jwtManagement ?? 'legacy-support',
    FIXTURE_JWT_EXPIRES_IN: options.jwtExpiresIn ?? '30d',
    FIXTURE_EMAIL_CONFIRMATION: options.emailConfirmation === true ? 'true' : 'false',
    FIXTURE_ACCESS_TOKEN_LIFESPAN: String(options.accessTokenLifespan ?? 600),
    FIXTURE_RATELIMIT: options.rateLimit === true ? 'true' : 'false',
    FIXTURE_EMAIL_FAIL: options.emailFails === true ? 'true' : 'false',
    FIXTURE_API_TOKEN: fixtureApiToken,
    // Every response says what Strapi's router routed (the proxy's path-parity tests read it).
    FIXTURE_ROUTE_ECHO: 'true',
    ...(options.jwtSecret ? { JWT_SECRET: options.jwtSecret } : {}),
    // Read by test/strapi-fixture/parent-watchdog.js.
    FIXTURE_PARENT_PID: String(process.pid),
    FIXTURE_TEMP_DIR: path.dirname(databaseFile),
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    BROWSER: 'none',
  };
}

/** Options default to the current Strapi mode's (support/mode.ts), so a file's own Strapi matches its project. */
export async function startStrapi(given: StrapiFixtureOptions = {}): Promise<StrapiFixture> {
  const options = { ...fixtureOptionsFor(strapiMode()), ...given };
  ensureFixtureInstalled();
  installExitHook();

  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'strapi-fixture-'));
  tempDirs.add(dir);
  const logFile = path.join(dir, 'strapi.log');
  const databaseFile = path.join(dir, 'strapi.db');
  let env = strapiEnv(port, databaseFile, options);
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    if (child && !exited(child)) return;
    const log = openSync(logFile, 'a');
    try {
      child = spawn(process.execPath, ['--require', watchdog, strapiBin, 'start'], {
        cwd: fixtureDir,
        env,
        stdio: ['ignore', log, log],
      });
    } finally {
      closeSync(log);
    }
    const current = child;
    // A fixture a test forgot to stop must not keep jest alive; the exit hook kills it instead.
    current.unref();
    running.add(current);
    current.once('exit', () => running.delete(current));

    const deadline = Date.now() + BOOT_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (exited(current)) {
        throw new Error(
          `Strapi exited during boot (code ${String(current.exitCode)}, signal ${String(current.signalCode)}). ` +
            `Last lines of ${logFile}:\n${logTail(logFile)}`,
        );
      }
      if ((await healthStatus(url)) === 204) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await terminate(current);
    throw new Error(
      `Strapi did not answer GET /_health within ${String(BOOT_TIMEOUT_MS / 1000)} s. Last lines of ${logFile}:\n${logTail(logFile)}`,
    );
  }

  async function kill(): Promise<void> {
    if (child) await terminate(child);
  }

  async function stop(): Promise<void> {
    await kill();
    rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }

  try {
    await start();
  } catch (error) {
    // Keep the temp dir: the log named in the error is the only clue.
    tempDirs.delete(dir);
    throw error;
  }

  return {
    url,
    port,
    logFile,
    databaseFile,
    stop,
    kill,
    start,
    async restart(overrides?: StrapiFixtureOptions) {
      await kill();
      if (overrides) env = strapiEnv(port, databaseFile, { ...options, ...overrides });
      await start();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Captured mail
// ---------------------------------------------------------------------------------------------

function isSentMail(value: unknown): value is SentMail {
  return isRecord(value) && typeof value.to === 'string' && typeof value.subject === 'string';
}

function mailboxRequest(url: string, method: 'GET' | 'DELETE'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/test-mailbox`, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.once('error', reject);
    req.end();
  });
}

/** Every mail Strapi has "sent" since it started or since clearMailbox(), oldest first. */
export async function readMailbox(url: string): Promise<SentMail[]> {
  const { status, body } = await mailboxRequest(url, 'GET');
  const parsed: unknown = JSON.parse(body);
  if (status !== 200 || !isRecord(parsed) || !Array.isArray(parsed.data)) {
    throw new Error(`GET /api/test-mailbox answered ${String(status)}: ${body}`);
  }
  return parsed.data.filter(isSentMail);
}

export async function clearMailbox(url: string): Promise<void> {
  const { status, body } = await mailboxRequest(url, 'DELETE');
  if (status !== 204) throw new Error(`DELETE /api/test-mailbox answered ${String(status)}: ${body}`);
}

// ---------------------------------------------------------------------------------------------
// Request counts (how many requests reached a path of Strapi)
// ---------------------------------------------------------------------------------------------

/** How many requests reached `path` (e.g. `/api/auth/local`) since the Strapi started or resetStrapiCounts(). */
export async function strapiRequestCount(url: string, path: string): Promise<number> {
  const response = await fetch(`${url}/api/test-counter?path=${encodeURIComponent(path)}`);
  const body = (await response.json()) as { count?: unknown };
  if (response.status !== 200 || typeof body.count !== 'number') throw new Error(`GET /api/test-counter answered ${response.status}`);
  return body.count;
}

export async function resetStrapiCounts(url: string): Promise<void> {
  const response = await fetch(`${url}/api/test-counter`, { method: 'DELETE' });
  if (response.status !== 204) throw new Error(`DELETE /api/test-counter answered ${response.status}`);
}
