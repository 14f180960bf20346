// npm run bench:proxy — requests/s through the BFF proxy vs two proxies without authentication,
// all forwarding to the same trivial upstream: a bare undici reverse proxy (bench/bare-proxy.mjs)
// and the one a user would build with @fastify/reply-from (bench/reply-from-proxy.mjs).
//
// Every proxy forwards GET /api/articles to a trivial local upstream. The BFF run carries a real
// access token, so every request pays for token verification, the session check (≤1 s cache),
// decrypting the Strapi JWT and header hygiene. Each round measures every target back to back and
// yields one ratio per BFF target and baseline; the reported figure is the median of those
// per-round ratios, which shrugs off a noisy neighbour better than a ratio of overall means.
// `npm run bench` runs this as one of its parts (measureProxy below).
// Env: BENCH_DURATION (s, default 5), BENCH_CONNECTIONS (default 50), BENCH_ROUNDS (default 5),
// DATABASE_URL (default: the BFF's embedded Postgres under data/bench), BENCH_PIN=0 (no pinning),
// BENCH_ONLY=<target> (one target, for profiling with BENCH_NODE_ARGS=--cpu-prof),
// BENCH_METRICS=compare (a second BFF with METRICS_ENABLED=false is measured in every round as
// bffMetricsOff, and the ratio metrics on / off is printed: the issue's goal is ≥ 0.95).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { autocannonRate, CLIENT_CPU, Fleet, freePort, median, pin, pinning, postJson, root, SERVER_CPU } from './lib.mjs';

export const PROXY_TARGETS = ['bare', 'replyFrom', 'bffAuthenticated', 'bffAnonymous', 'bffMetricsOff'];

/**
 * Measures the proxy against both baselines. Returns req/s per target and round, and the ratios of
 * each BFF target to each baseline per round. `say` gets one line per measurement.
 */
export async function measureProxy({ rounds, duration, connections, databaseUrl, only, nodeArgs = [], say = console.log, compareMetrics = process.env.BENCH_METRICS === 'compare' }) {
  const fleet = new Fleet();
  try {
    pin(process.pid, CLIENT_CPU);
    const upstream = `http://127.0.0.1:${await startOnFreePort(fleet, 'upstream.mjs', {}, CLIENT_CPU)}`;
    const barePort = await startOnFreePort(fleet, 'bare-proxy.mjs', { UPSTREAM: upstream }, SERVER_CPU);
    const replyFromPort = await startOnFreePort(fleet, 'reply-from-proxy.mjs', { UPSTREAM: upstream }, SERVER_CPU);
    let dataDir;
    if (!databaseUrl) {
      // The embedded Postgres keeps its data between runs, as before.
      dataDir = join(root, 'data', 'bench');
      mkdirSync(dataDir, { recursive: true });
    }
    // Metrics are on by default outside production (served on the app's port), so this BFF pays for them.
    const bff = await fleet.bff({ strapiUrl: upstream, databaseUrl, dataDir, nodeArgs, env: { METRICS_ENABLED: 'true' } });
    const { accessToken } = await postJson(`${bff.url}/auth/login`, { identifier: 'bench', password: 'bench' });
    if (!accessToken) throw new Error('login at the BFF gave no access token');
    let metricsOff;
    if (compareMetrics) {
      // Same build, same database, METRICS_ENABLED=false: the proxy then records nothing at all.
      // An embedded Postgres belongs to one data folder, so this BFF gets a folder of its own.
      let offDataDir;
      if (!databaseUrl) {
        offDataDir = join(root, 'data', 'bench-metrics-off');
        mkdirSync(offDataDir, { recursive: true });
      }
      const off = await fleet.bff({ strapiUrl: upstream, databaseUrl, dataDir: offDataDir, nodeArgs, env: { METRICS_ENABLED: 'false' } });
      const signedIn = await postJson(`${off.url}/auth/login`, { identifier: 'bench', password: 'bench' });
      if (!signedIn.accessToken) throw new Error('login at the metrics-off BFF gave no access token');
      metricsOff = { url: `${off.url}/api/articles`, headers: { authorization: `Bearer ${signedIn.accessToken}` } };
    }

    const authorization = { authorization: `Bearer ${accessToken}` };
    // The baselines pass the same Authorization header through unchecked, so the upstream
    // (sharing CPU 0 with the load generator) parses the same request in every run.
    const targets = {
      bare: { url: `http://127.0.0.1:${barePort}/api/articles`, headers: authorization },
      replyFrom: { url: `http://127.0.0.1:${replyFromPort}/api/articles`, headers: authorization },
      bffAuthenticated: { url: `${bff.url}/api/articles`, headers: authorization },
      bffAnonymous: { url: `${bff.url}/api/articles`, headers: {} },
      ...(metricsOff ? { bffMetricsOff: metricsOff } : {}),
    };
    if (only) for (const name of Object.keys(targets)) if (name !== only) delete targets[name];
    const results = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
    for (const target of Object.values(targets)) await autocannonRate({ ...target, connections, seconds: 2 }); // warm-up
    for (let round = 1; round <= rounds; round++) {
      for (const [name, target] of Object.entries(targets)) {
        const rps = await autocannonRate({ ...target, connections, seconds: duration });
        results[name].push(rps);
        say(`  round ${round}  ${name.padEnd(17)} ${rps.toFixed(0).padStart(7)} req/s`);
      }
    }
    const ratios = {};
    if (!only) {
      for (const bffTarget of ['bffAuthenticated', 'bffAnonymous']) {
        for (const baseline of ['bare', 'replyFrom']) {
          ratios[`${bffTarget}/${baseline}`] = results[bffTarget].map((rps, round) => rps / results[baseline][round]);
        }
      }
      if (metricsOff) ratios['bffAuthenticated/bffMetricsOff'] = results.bffAuthenticated.map((rps, round) => rps / results.bffMetricsOff[round]);
    }
    return { results, ratios };
  } finally {
    await fleet.stop();
  }
}

/** Starts a bench/*.mjs server on a free port and answers the port. */
async function startOnFreePort(fleet, script, env, cpu) {
  const port = await freePort();
  await fleet.script(script, { ...env, PORT: String(port) }, cpu);
  return port;
}

async function main() {
  const duration = Number(process.env.BENCH_DURATION ?? 5);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const only = process.env.BENCH_ONLY;
  console.log(
    `bench:proxy — ${rounds} rounds × ${duration} s, ${connections} connections, node ${process.version}, ` +
      (pinning ? 'proxies pinned to CPU 1, load generator and upstream to CPU 0' : 'no CPU pinning'),
  );
  const { results, ratios } = await measureProxy({
    rounds,
    duration,
    connections,
    databaseUrl: process.env.DATABASE_URL,
    only,
    nodeArgs: process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [],
  });
  if (only) return;
  const show = (values) => values.map((ratio) => ratio.toFixed(2)).join(' ');
  const line = (label, key) => console.log(`${label.padEnd(38)}${median(ratios[key]).toFixed(2)} (median of rounds: ${show(ratios[key])})`);
  console.log('');
  console.log(
    `median req/s   bare proxy ${median(results.bare).toFixed(0)}   reply-from ${median(results.replyFrom).toFixed(0)}   ` +
      `BFF authenticated ${median(results.bffAuthenticated).toFixed(0)}   BFF anonymous ${median(results.bffAnonymous).toFixed(0)}`,
  );
  line('ratio BFF authenticated / bare proxy:', 'bffAuthenticated/bare');
  line('ratio BFF anonymous / bare proxy:', 'bffAnonymous/bare');
  line('ratio BFF authenticated / reply-from:', 'bffAuthenticated/replyFrom');
  line('ratio BFF anonymous / reply-from:', 'bffAnonymous/replyFrom');
  if (ratios['bffAuthenticated/bffMetricsOff']) {
    console.log(`median req/s   BFF metrics off ${median(results.bffMetricsOff).toFixed(0)}`);
    line('ratio metrics on / metrics off:', 'bffAuthenticated/bffMetricsOff');
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
