// npm run bench:variants -- <variant> <variant> …: proxy throughput of several BFF builds or
// settings side by side, in the same rounds, against the same trivial upstream (bench/upstream.mjs).
// The first variant is the reference; each other one is reported as the median of its per-round
// ratios to it. This is how a change's cost is judged: "within 5 % of the build before it",
// "rate limit on vs off", "metrics on vs off".
//
// A variant is `label[@dir][,KEY=VALUE…]`:
//   current                                 this checkout's dist/ with its defaults
//   before@/work/baseline                   another checkout's dist/ (build it first)
//   limited,PROXY_RATE_LIMIT=100000000/1m   this checkout with extra settings
// Each variant gets its own throwaway database (builds may differ in migrations) on
// BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres), dropped at the end.
// Env: BENCH_DURATION (s, 5), BENCH_CONNECTIONS (50), BENCH_ROUNDS (7), BENCH_ANONYMOUS=1 (no token).
import { isAbsolute, resolve } from 'node:path';
import { autocannonRate, CLIENT_CPU, Fleet, freePort, median, pin, pinning, postJson, root, SERVER_CPU, throwawayDatabase } from './lib.mjs';

function parseVariant(text) {
  const [head, ...settings] = text.split(',');
  const [label, dir] = head.split('@');
  if (!label) throw new Error(`variant "${text}": a label is required (label[@dir][,KEY=VALUE…])`);
  const env = {};
  for (const setting of settings) {
    const at = setting.indexOf('=');
    if (at < 1) throw new Error(`variant "${text}": "${setting}" is not KEY=VALUE`);
    env[setting.slice(0, at)] = setting.slice(at + 1);
  }
  return { label, dir: dir ? (isAbsolute(dir) ? dir : resolve(root, dir)) : root, env };
}

async function main() {
  const variants = process.argv.slice(2).map(parseVariant);
  if (variants.length < 2) throw new Error('give at least two variants, the reference first: npm run bench:variants -- before@/path current');
  const duration = Number(process.env.BENCH_DURATION ?? 5);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
  const anonymous = process.env.BENCH_ANONYMOUS === '1';
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  console.log(
    `bench:variants — ${variants.map((variant) => variant.label).join(' vs ')}; ${rounds} rounds × ${duration} s, ${connections} connections, ` +
      `${anonymous ? 'anonymous' : 'authenticated'} GET /api/articles, node ${process.version}, ` +
      (pinning ? 'BFFs pinned to CPU 1, load generator and upstream to CPU 0' : 'no CPU pinning'),
  );
  const fleet = new Fleet();
  const databases = [];
  try {
    pin(process.pid, CLIENT_CPU);
    const upstreamPort = await freePort();
    await fleet.script('upstream.mjs', { PORT: String(upstreamPort) }, CLIENT_CPU);
    const upstream = `http://127.0.0.1:${upstreamPort}`;
    const targets = [];
    for (const variant of variants) {
      const database = await throwawayDatabase(adminUrl);
      databases.push(database);
      const bff = await fleet.bff({ strapiUrl: upstream, databaseUrl: database.url, dir: variant.dir, env: variant.env, cpu: SERVER_CPU });
      const headers = {};
      if (!anonymous) {
        const { accessToken } = await postJson(`${bff.url}/auth/login`, { identifier: 'bench', password: 'bench' });
        if (!accessToken) throw new Error(`${variant.label}: login gave no access token`);
        headers.authorization = `Bearer ${accessToken}`;
      }
      targets.push({ ...variant, url: `${bff.url}/api/articles`, headers, rates: [] });
    }
    for (const target of targets) await autocannonRate({ url: target.url, headers: target.headers, connections, seconds: 2 }); // warm-up
    for (let round = 0; round < rounds; round++) {
      // Each round starts with a different variant, so no variant always runs first (or last).
      for (let k = 0; k < targets.length; k++) {
        const target = targets[(round + k) % targets.length];
        const rps = await autocannonRate({ url: target.url, headers: target.headers, connections, seconds: duration });
        target.rates[round] = rps;
        console.log(`  round ${round + 1}  ${target.label.padEnd(24)} ${rps.toFixed(0).padStart(7)} req/s`);
      }
    }
    const [reference, ...others] = targets;
    console.log('');
    for (const target of targets) console.log(`median req/s  ${target.label.padEnd(24)} ${median(target.rates).toFixed(0)}`);
    for (const target of others) {
      const ratios = target.rates.map((rps, round) => rps / reference.rates[round]);
      console.log(
        `ratio ${target.label} / ${reference.label}: ${median(ratios).toFixed(3)} (per round: ${ratios.map((ratio) => ratio.toFixed(3)).join(' ')})`,
      );
    }
  } finally {
    await fleet.stop();
    for (const database of databases) await database.drop().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
