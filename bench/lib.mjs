// Shared by the benchmarks: processes (pinned, stopped at the end), the real Strapi fixture, a
// BFF built from dist/, throwaway databases, and the two load generators (autocannon for plain
// request rates; a closed-loop client for anything whose next request depends on the last answer).
import autocannon from 'autocannon';
import { fork, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Pool } from 'undici';
import { ensureFixtureInstalled, fixtureDir, strapiBin } from '../scripts/strapi-fixture.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// On two or more cores, the server under test gets CPU 1 while the load generator (this process)
// and the trivial upstream share CPU 0, so the servers are measured rather than the contention
// between them. Postgres is the machine's own service and is left wherever the OS puts it.
export const SERVER_CPU = 1;
export const CLIENT_CPU = 0;
export const pinning = process.env.BENCH_PIN !== '0' && cpus().length >= 2 && existsSync('/usr/bin/taskset');
export function pin(pid, cpu) {
  if (pinning) spawnSync('taskset', ['-a', '-cp', String(cpu), String(pid)], { stdio: 'ignore' });
}

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(url, status, timeoutMs, alive = () => true) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`the process behind ${url} exited while starting`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.status === status) return;
    } catch {}
    await sleep(200);
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs / 1000} s`);
}

/** Child processes of one benchmark part; stop() ends them all (SIGTERM, then SIGKILL). */
/** The node flags `npm start` gives the BFF in that checkout (its package.json), so the bench runs what users run. */
export function startFlags(dir = root) {
  const start = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts?.start ?? '';
  return start.split(/\s+/).filter((word) => word.startsWith('--'));
}

export class Fleet {
  /** Every fleet not yet stopped, so an interrupted run can stop them all. */
  static live = new Set();
  children = [];
  dirs = [];

  constructor() {
    Fleet.live.add(this);
  }

  /** A bench/*.mjs script that sends an IPC message once it listens. */
  script(name, env, cpu) {
    return new Promise((resolve, reject) => {
      const child = fork(join(root, 'bench', name), { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      pin(child.pid, cpu);
      this.children.push(child);
      child.once('message', () => resolve(child));
      child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    });
  }

  /**
   * The BFF as `npm start` runs it (dist/, access log at info), with development keys in DATA_DIR
   * (a fresh temporary one by default). Without databaseUrl it runs its embedded Postgres there.
   * `dir` is the checkout whose dist/ runs (another build, for side-by-side comparisons).
   */
  async bff({ strapiUrl, databaseUrl, dataDir, env = {}, cpu = SERVER_CPU, nodeArgs = [], dir = root }) {
    const port = await freePort();
    if (!dataDir) {
      // Only the development keys go here. (An embedded Postgres can't live under a 0700
      // directory such as this one: give it a dataDir of its own.)
      dataDir = mkdtempSync(join(tmpdir(), 'bff-bench-'));
      this.dirs.push(dataDir);
    }
    const child = spawn(process.execPath, [...startFlags(dir), ...nodeArgs, join(dir, 'dist', 'src', 'main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(port),
        HOST: '127.0.0.1',
        STRAPI_URL: strapiUrl,
        DATA_DIR: dataDir,
        EMBEDDED_POSTGRES_PORT: String(await freePort()),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    this.children.push(child);
    pin(child.pid, cpu);
    const url = `http://127.0.0.1:${port}`;
    await waitFor(`${url}/health/ready`, 200, 120_000, () => child.exitCode === null);
    return { url, pid: child.pid };
  }

  /**
   * The real Strapi 5 fixture, started the way test/support/strapi.ts starts it: production mode,
   * a fresh SQLite file, the seeded users and articles, and the parent watchdog that ends it if
   * this process dies. FIXTURE_ROUTE_ECHO stays off: that header is for the path-parity tests.
   */
  async strapi({ jwtManagement = 'legacy-support', cpu = SERVER_CPU } = {}) {
    ensureFixtureInstalled();
    const port = await freePort();
    // The watchdog only ever deletes a directory named strapi-fixture-*.
    const dir = mkdtempSync(join(tmpdir(), 'strapi-fixture-'));
    this.dirs.push(dir);
    const logFile = join(dir, 'strapi.log');
    const inherited = Object.fromEntries(['PATH', 'HOME', 'TMPDIR', 'LANG'].filter((key) => process.env[key] !== undefined).map((key) => [key, process.env[key]]));
    const log = openSync(logFile, 'a');
    const child = spawn(process.execPath, ['--require', join(fixtureDir, 'parent-watchdog.js'), strapiBin, 'start'], {
      cwd: fixtureDir,
      env: {
        ...inherited,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_FILENAME: join(dir, 'strapi.db'),
        FIXTURE_JWT_MANAGEMENT: jwtManagement,
        FIXTURE_JWT_EXPIRES_IN: '30d',
        FIXTURE_EMAIL_CONFIRMATION: 'false',
        FIXTURE_ACCESS_TOKEN_LIFESPAN: '600',
        FIXTURE_PARENT_PID: String(process.pid),
        FIXTURE_TEMP_DIR: dir,
        STRAPI_TELEMETRY_DISABLED: 'true',
        STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
        BROWSER: 'none',
      },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.children.push(child);
    pin(child.pid, cpu);
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitFor(`${url}/_health`, 204, 300_000, () => child.exitCode === null);
    } catch (error) {
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-30).join('\n') : '';
      throw new Error(`${error.message}\nStrapi's last lines:\n${tail}`);
    }
    return { url, pid: child.pid, logFile };
  }

  async stop() {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', resolve);
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
    this.children = [];
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
    this.dirs = [];
    Fleet.live.delete(this);
  }
}

/**
 * A throwaway database on the server at adminUrl, named bff_bench_*; drop() removes it. Nothing
 * else is ever dropped, so a mis-set variable can't point the benchmark at real data.
 */
export async function throwawayDatabase(adminUrl) {
  const name = `bff_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`The benchmark needs a Postgres server at ${adminUrl} (set BENCH_DATABASE_URL to another): ${error.message}`);
  }
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (!name.startsWith('bff_bench_')) throw new Error(`refusing to drop ${name}`);
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Requests/s from autocannon; any non-2xx answer or error fails the run rather than skewing it. */
export function autocannonRate({ url, headers = {}, method = 'GET', body, connections, seconds }) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, headers, method, body, pipelining: 1 }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${method} ${url}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      resolve(result.requests.average);
    });
  });
}

/**
 * A closed-loop load generator: `workers` loops, each with one request in flight on its own
 * connection, for `seconds`. Each worker builds its next request from what it knows (a refresh
 * chain's current token) and learns from the answer, and a worker never abandons a request it
 * has sent, so a chain of rotating tokens is never broken by the end of a run. Any non-2xx
 * answer fails the run.
 */
export async function closedLoop({ origin, workers, seconds, request, onResponse }) {
  const pool = new Pool(origin, { connections: workers, pipelining: 1, keepAliveTimeout: 30_000 });
  const latencies = [];
  let failed = false;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: workers }, async (_, worker) => {
        while (!failed && performance.now() < deadline) {
          const options = request(worker);
          const sent = performance.now();
          let response;
          try {
            response = await pool.request(options);
          } catch (error) {
            failed = true;
            throw error;
          }
          const text = await response.body.text();
          latencies.push(performance.now() - sent);
          if (response.statusCode >= 300) {
            failed = true;
            throw new Error(`${options.method} ${origin}${options.path}: ${response.statusCode} ${text.slice(0, 300)}`);
          }
          onResponse?.(worker, text);
        }
      }),
    );
  } finally {
    await pool.close();
  }
  return summarize(latencies, (performance.now() - started) / 1000);
}

export function summarize(latencies, seconds) {
  const sorted = Float64Array.from(latencies).sort();
  return { requests: sorted.length, rps: sorted.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The median; for an even count, the mean of the middle two. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function postJson(url, body, headers = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`POST ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** VmRSS and VmHWM (peak) of a Linux process, in MB. */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}
