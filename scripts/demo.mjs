#!/usr/bin/env node
// `npm run demo`: the fixture Strapi 5 (test/strapi-fixture/, seeded from seed.json) and the BFF
// side by side on loopback, for trying the API from Swagger UI or curl.
//
//   PORT              the BFF's port (3000)
//   DEMO_STRAPI_PORT  the fixture Strapi's port (1337)
//   DATABASE_URL      passed to the BFF if set; otherwise it runs its embedded Postgres under data/
//
// Every other BFF variable (LOG_LEVEL, SESSION_ENCRYPTION_KEY, ...) is passed through as well, and
// so are the fixture's FIXTURE_* settings (e.g. FIXTURE_EMAIL_CONFIRMATION=true to refuse
// unconfirmed users such as dave).
// Ctrl-C stops both (press it twice to kill them at once). If either one dies, the other is
// stopped and the demo exits non-zero.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureFixtureInstalled, fixtureDir, repoRoot } from './strapi-fixture.mjs';

const STRAPI_BOOT_TIMEOUT_MS = 120_000;
const BFF_READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
const LOG_TAIL_LINES = 40;
const useProcessGroups = process.platform !== 'win32';

function say(message) {
  process.stdout.write(`[demo] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`[demo] ${message}\n`);
  process.exit(1);
}

function portFrom(name, fallback) {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${name} must be a port number from 1 to 65535 (got "${raw}").`);
  return port;
}

/** Resolves to the error code (e.g. EADDRINUSE) if host:port can't be bound, or undefined if it is free. */
function portProblem(port, host) {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', (error) => resolve(error.code ?? String(error)));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}

async function requirePortFree(port, host, what, variable) {
  const problem = await portProblem(port, host);
  if (problem === undefined) return;
  const reason = problem === 'EADDRINUSE' ? 'is already in use' : `can't be used (${problem})`;
  fail(`Port ${port} on ${host} (${what}) ${reason}. Stop whatever holds it, or pick another port with ${variable}=<port>.`);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** True if the embedded Postgres under the data dir is already running (the BFF then reuses it). */
function embeddedPostgresRunning() {
  const dataDir = path.resolve(repoRoot, process.env.DATA_DIR?.trim() || 'data');
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid);
}

// ------------------------------------------------------------------------------------------------
// Child processes
// ------------------------------------------------------------------------------------------------

/** @type {Set<{name: string, child: import('node:child_process').ChildProcess}>} */
const running = new Set();
let shuttingDown = false;
// Until both are ready only warnings and errors are shown (the rest is kept for the failure
// tail), so the banner isn't buried in boot chatter; afterwards every line is shown.
let verbose = false;

function bffLevel(line) {
  try {
    return JSON.parse(line).level;
  } catch {
    return undefined;
  }
}

const importantDuringBoot = {
  strapi: (line) => /\b(warn|warning|error)\b/i.test(line),
  bff: (line) => !['trace', 'debug', 'info'].includes(bffLevel(line)),
};

function formatBffLine(line) {
  // The BFF logs pino JSON lines; show them as "LEVEL message (extra fields)".
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof entry !== 'object' || entry === null) return line;
  const { level, msg, time: _time, service: _service, pid: _pid, hostname: _hostname, err, ...rest } = entry;
  let text = `${String(level ?? 'info').toUpperCase().padEnd(5)} ${msg ?? ''}`;
  if (err && typeof err === 'object' && 'message' in err) text += ` — ${err.message}`;
  const extra = Object.entries(rest);
  if (extra.length > 0) text += ` ${JSON.stringify(Object.fromEntries(extra))}`;
  return text;
}

function startChild(name, command, args, options, format = (line) => line) {
  const child = spawn(command, args, {
    ...options,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a terminal Ctrl-C reaches only the demo, which stops the children
    // in order, and the whole group (Strapi under the fixture script, the BFF's embedded
    // Postgres) can be killed if it doesn't stop in time.
    detached: useProcessGroups,
  });
  const tail = [];
  const handle = { name, child, tail, format };
  running.add(handle);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      tail.push(line);
      if (tail.length > LOG_TAIL_LINES) tail.shift();
      if (line.trim() === '') return;
      if (verbose || importantDuringBoot[name]?.(line) !== false) process.stdout.write(`[${name}] ${format(line)}\n`);
    });
  }
  handle.exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      tail.push(`failed to start: ${error.message}`);
      resolve({ code: null, signal: null, error });
    });
  });
  void handle.exited.then(({ code, signal }) => {
    if (shuttingDown) return;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    process.stderr.write(`[demo] ${name} ${how} unexpectedly. Its last log lines:\n`);
    printTail(handle);
    void shutdown(1);
  });
  return handle;
}

function printTail(handle) {
  const lines = handle.tail.length > 0 ? handle.tail : ['(no output)'];
  for (const line of lines) process.stderr.write(`  [${handle.name}] ${handle.format(line)}\n`);
}

function signalTree(handle, signal) {
  const { pid } = handle.child;
  if (pid === undefined) return;
  try {
    if (useProcessGroups) process.kill(-pid, signal);
    else handle.child.kill(signal);
  } catch {
    // Already gone.
  }
}

function treeAlive(handle) {
  const { pid } = handle.child;
  if (pid === undefined) return false;
  if (!useProcessGroups) return handle.child.exitCode === null && handle.child.signalCode === null;
  return isAlive(-pid);
}

async function stopChild(handle) {
  const { child } = handle;
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    // Only the top process: the fixture script forwards SIGTERM to Strapi, and the BFF stops its
    // embedded Postgres itself.
    child.kill('SIGTERM');
  }
  const deadline = Date.now() + STOP_GRACE_MS;
  let groupSignalled = false;
  while (Date.now() < deadline && treeAlive(handle)) {
    if (!groupSignalled && (child.exitCode !== null || child.signalCode !== null)) {
      // The top process is gone but left something behind (e.g. a crashed BFF's Postgres).
      signalTree(handle, 'SIGTERM');
      groupSignalled = true;
    }
    await sleep(100);
  }
  if (treeAlive(handle)) {
    process.stderr.write(`[demo] ${handle.name} did not stop within ${STOP_GRACE_MS / 1000} s; killing it\n`);
    signalTree(handle, 'SIGKILL');
  }
  await handle.exited;
  running.delete(handle);
}

async function shutdown(exitCode) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (running.size > 0) say('Stopping Strapi and the BFF…');
  await Promise.all([...running].map((handle) => stopChild(handle)));
  say('Stopped.');
  process.exit(exitCode);
}

let firstInterrupt = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // A second Ctrl-C kills at once; one arriving right after the first (npm relaying the
    // terminal's signal) doesn't count.
    if (firstInterrupt === 0) firstInterrupt = Date.now();
    else if (Date.now() - firstInterrupt > 1000) {
      process.stderr.write('[demo] Killing both now.\n');
      for (const handle of running) signalTree(handle, 'SIGKILL');
      process.exit(130);
    }
    void shutdown(0);
  });
}

// Last resort (an exception in this script): never leave the children behind.
process.on('exit', () => {
  for (const handle of running) if (treeAlive(handle)) signalTree(handle, 'SIGKILL');
});

async function waitFor(url, expectedStatus, timeoutMs, handle) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (handle.child.exitCode !== null || handle.child.signalCode !== null || shuttingDown) return { ok: false, last };
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.status === expectedStatus) return { ok: true };
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(500);
  }
  return { ok: false, last };
}

function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: 'inherit' });
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

function npmCommand(args) {
  // Under `npm run`, npm_execpath is npm's own CLI script: run it with this Node.
  const execPath = process.env.npm_execpath;
  if (execPath && /\.(c|m)?js$/.test(execPath)) return { command: process.execPath, args: [execPath, ...args], shell: false };
  if (process.platform === 'win32') return { command: 'npm.cmd', args, shell: true };
  return { command: 'npm', args, shell: false };
}

function shellQuote(text) {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// ------------------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------------------

async function main() {
  const strapiPort = portFrom('DEMO_STRAPI_PORT', 1337);
  const bffPort = portFrom('PORT', 3000);
  const bffHost = process.env.HOST?.trim() || '127.0.0.1';
  const bffUrl = `http://${bffHost === '0.0.0.0' ? '127.0.0.1' : bffHost}:${bffPort}`;
  const strapiUrl = `http://127.0.0.1:${strapiPort}`;
  if (strapiPort === bffPort) fail(`PORT and DEMO_STRAPI_PORT are both ${bffPort}; they need different ports.`);

  await requirePortFree(strapiPort, '127.0.0.1', 'fixture Strapi', 'DEMO_STRAPI_PORT');
  await requirePortFree(bffPort, bffHost, 'BFF', 'PORT');
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (!databaseUrl && !embeddedPostgresRunning()) {
    const pgPort = portFrom('EMBEDDED_POSTGRES_PORT', 5433);
    await requirePortFree(pgPort, '127.0.0.1', "BFF's embedded Postgres", 'EMBEDDED_POSTGRES_PORT');
  }

  const seed = JSON.parse(readFileSync(path.join(fixtureDir, 'seed.json'), 'utf8'));

  try {
    ensureFixtureInstalled();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  say('Building the BFF (npm run build)…');
  const npm = npmCommand(['run', '--silent', 'build']);
  const build = await run(npm.command, npm.args, { cwd: repoRoot, shell: npm.shell });
  if (build.code !== 0) {
    fail(`The build failed (${build.error ? build.error.message : `exit code ${build.code ?? build.signal}`}); see the output above.`);
  }
  if (shuttingDown) return;

  say(`Starting the fixture Strapi on ${strapiUrl} (data in data/strapi-fixture/)…`);
  const strapiEnv = { ...process.env, PORT: String(strapiPort), HOST: '127.0.0.1' };
  // The fixture picks its own NODE_ENV (production) and database; the BFF's settings are not for it.
  for (const name of ['NODE_ENV', 'DATABASE_URL', 'DATABASE_FILENAME']) delete strapiEnv[name];
  const strapi = startChild('strapi', process.execPath, [path.join(repoRoot, 'scripts', 'strapi-fixture.mjs'), 'start'], {
    cwd: repoRoot,
    env: strapiEnv,
  });
  let started = Date.now();
  const strapiUp = await waitFor(`${strapiUrl}/_health`, 204, STRAPI_BOOT_TIMEOUT_MS, strapi);
  if (shuttingDown) return;
  if (!strapiUp.ok) {
    process.stderr.write(
      `[demo] Strapi did not answer ${strapiUrl}/_health within ${STRAPI_BOOT_TIMEOUT_MS / 1000} s (${strapiUp.last}). Its last log lines:\n`,
    );
    printTail(strapi);
    return shutdown(1);
  }
  say(`Strapi is up (${((Date.now() - started) / 1000).toFixed(1)} s).`);

  say(`Starting the BFF on ${bffUrl}${databaseUrl ? '' : ' (embedded Postgres under data/postgres)'}…`);
  const bff = startChild(
    'bff',
    process.execPath,
    [path.join(repoRoot, 'dist', 'src', 'main.js')],
    { cwd: repoRoot, env: { ...process.env, PORT: String(bffPort), HOST: bffHost, STRAPI_URL: strapiUrl } },
    formatBffLine,
  );
  started = Date.now();
  const bffUp = await waitFor(`${bffUrl}/health/ready`, 200, BFF_READY_TIMEOUT_MS, bff);
  if (shuttingDown) return;
  if (!bffUp.ok) {
    process.stderr.write(
      `[demo] The BFF did not answer ${bffUrl}/health/ready with 200 within ${BFF_READY_TIMEOUT_MS / 1000} s (${bffUp.last}). Its last log lines:\n`,
    );
    printTail(bff);
    return shutdown(1);
  }
  say(`The BFF is ready (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  // Let the readiness probes' own request logs go by before switching to full output.
  await sleep(300);
  if (shuttingDown) return;
  verbose = true;

  const users = Object.values(seed.users);
  const emailConfirmation = process.env.FIXTURE_EMAIL_CONFIRMATION === 'true';
  const width = (key) => Math.max(key.length, ...users.map((user) => String(user[key]).length));
  const [wName, wEmail, wPassword] = [width('username'), width('email'), width('password')];
  const row = (user) => {
    const notes = [];
    if (user.blocked) notes.push('blocked: login is refused');
    if (!user.confirmed) {
      notes.push(
        emailConfirmation
          ? 'unconfirmed: login is refused'
          : 'unconfirmed; login works while FIXTURE_EMAIL_CONFIRMATION is not true',
      );
    }
    const note = notes.length > 0 ? `  (${notes.join('; ')})` : '';
    return `    ${user.username.padEnd(wName)}  ${user.email.padEnd(wEmail)}  ${user.password.padEnd(wPassword)}  ${user.role}${note}`;
  };
  const example = users.find((user) => !user.blocked && user.confirmed) ?? users[0];
  const body = JSON.stringify({ identifier: example.username, password: example.password });
  const rule = '='.repeat(78);
  const banner = [
    '',
    rule,
    '  strapi-auth-bff demo is running',
    '',
    `  BFF         ${bffUrl}`,
    `  Swagger UI  ${bffUrl}/docs`,
    `  Strapi      ${strapiUrl}  (fixture, REST API under /api)`,
    '',
    '  Demo logins (identifier = username or email):',
    `    ${'username'.padEnd(wName)}  ${'email'.padEnd(wEmail)}  ${'password'.padEnd(wPassword)}  role`,
    ...users.map(row),
    '',
    '  Try it:',
    `    curl -s -X POST ${bffUrl}/auth/login \\`,
    `      -H 'content-type: application/json' \\`,
    `      -d ${shellQuote(body)}`,
    '',
    '  Press Ctrl-C to stop both.',
    rule,
    '',
  ];
  process.stdout.write(`${banner.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`[demo] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  void shutdown(1);
});
