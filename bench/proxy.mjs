// npm run bench:proxy — requests/s through the BFF proxy vs a bare undici reverse proxy, same upstream.
//
// Both proxies forward GET /api/articles to a trivial local upstream. The BFF run carries a real
// access token, so every request pays for token verification, the session check (≤1 s cache),
// decrypting the Strapi JWT and header hygiene. Rounds alternate so drift hits both sides alike.
// Each round measures all three back to back and yields one ratio per BFF target; the reported
// figure is the median of those per-round ratios, which shrugs off a noisy neighbour better
// than a ratio of overall means.
// Env: BENCH_DURATION (s, default 5), BENCH_CONNECTIONS (default 50), BENCH_ROUNDS (default 5),
// DATABASE_URL (default: the BFF's embedded Postgres under data/bench).
import autocannon from 'autocannon';
import { fork, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const duration = Number(process.env.BENCH_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const children = [];

// On two or more cores, the proxy under test gets CPU 1 to itself while the load generator and
// the upstream share CPU 0, so the proxies are measured rather than the contention between them.
const pinning = process.env.BENCH_PIN !== '0' && cpus().length >= 2 && existsSync('/usr/bin/taskset');
function pin(pid, cpu) {
  if (pinning) spawnSync('taskset', ['-a', '-cp', String(cpu), String(pid)], { stdio: 'ignore' });
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function startScript(script, env, cpu) {
  return new Promise((resolve, reject) => {
    const child = fork(join(root, 'bench', script), { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    pin(child.pid, cpu);
    children.push(child);
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function waitFor(url, status, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status === status) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
}

function load(url, headers, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, headers, pipelining: 1 }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      resolve(result.requests.average);
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const [upstreamPort, barePort, bffPort, pgPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  pin(process.pid, 0);
  await startScript('upstream.mjs', { PORT: String(upstreamPort) }, 0);
  await startScript('bare-proxy.mjs', { PORT: String(barePort), UPSTREAM: `http://127.0.0.1:${upstreamPort}` }, 1);

  const dataDir = join(root, 'data', 'bench');
  mkdirSync(dataDir, { recursive: true });
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  const bff = spawn(process.execPath, [...nodeArgs, join(root, 'dist', 'src', 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(bffPort),
      HOST: '127.0.0.1',
      STRAPI_URL: `http://127.0.0.1:${upstreamPort}`,
      DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(pgPort),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(bff);
  pin(bff.pid, 1);
  await waitFor(`http://127.0.0.1:${bffPort}/health/ready`, 200, 60_000);

  const login = await fetch(`http://127.0.0.1:${bffPort}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: 'bench', password: 'bench' }),
  });
  const { accessToken } = await login.json();
  if (!accessToken) throw new Error(`login failed: ${login.status}`);

  const targets = {
    // The bare proxy passes the same Authorization header through unchecked, so the upstream
    // (sharing CPU 0 with the load generator) parses the same request in both runs.
    bare: { url: `http://127.0.0.1:${barePort}/api/articles`, headers: { authorization: `Bearer ${accessToken}` } },
    bffAuthenticated: { url: `http://127.0.0.1:${bffPort}/api/articles`, headers: { authorization: `Bearer ${accessToken}` } },
    bffAnonymous: { url: `http://127.0.0.1:${bffPort}/api/articles`, headers: {} },
  };
  // BENCH_ONLY=bffAuthenticated (for profiling) runs a single target.
  if (process.env.BENCH_ONLY) for (const name of Object.keys(targets)) if (name !== process.env.BENCH_ONLY) delete targets[name];
  const results = { bare: [], bffAuthenticated: [], bffAnonymous: [] };
  console.log(
    `bench:proxy — ${rounds} rounds × ${duration} s, ${connections} connections, node ${process.version}, ` +
      (pinning ? 'proxies pinned to CPU 1, load generator and upstream to CPU 0' : 'no CPU pinning'),
  );
  for (const [name, target] of Object.entries(targets)) await load(target.url, target.headers, 2); // warm-up
  for (let round = 1; round <= rounds; round++) {
    for (const [name, target] of Object.entries(targets)) {
      const rps = await load(target.url, target.headers, duration);
      results[name].push(rps);
      console.log(`  round ${round}  ${name.padEnd(17)} ${rps.toFixed(0).padStart(7)} req/s`);
    }
  }
  if (process.env.BENCH_ONLY) return;
  const ratios = (name) => results[name].map((rps, round) => rps / results.bare[round]);
  const show = (values) => values.map((ratio) => ratio.toFixed(2)).join(' ');
  console.log('');
  console.log(
    `median req/s   bare proxy ${median(results.bare).toFixed(0)}   BFF authenticated ${median(results.bffAuthenticated).toFixed(0)}   ` +
      `BFF anonymous ${median(results.bffAnonymous).toFixed(0)}`,
  );
  console.log(`ratio BFF authenticated / bare proxy: ${median(ratios('bffAuthenticated')).toFixed(2)} (median of rounds: ${show(ratios('bffAuthenticated'))})`);
  console.log(`ratio BFF anonymous / bare proxy:     ${median(ratios('bffAnonymous')).toFixed(2)} (median of rounds: ${show(ratios('bffAnonymous'))})`);
}

async function stopAll() {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
}

main()
  .then(stopAll)
  .catch(async (error) => {
    console.error(error);
    await stopAll();
    process.exit(1);
  });
