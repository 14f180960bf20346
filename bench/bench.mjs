// npm run bench — every figure of issue 10, side by side in one run, against the real Strapi 5
// fixture (test/strapi-fixture) and, for the proxy, a trivial upstream (bench/upstream.mjs).
// docs/benchmarks.md explains each figure and holds a recorded run.
//
// Throughput figures are ratios of the BFF to its Strapi (or proxy) counterpart, measured back to
// back in each round with the same load generator; the figure is the median of the per-round
// ratios. The servers under test are pinned to CPU 1, the load generator to CPU 0 (lib.mjs).
//
// Env:
//   BENCH_SHORT=1          a quick check: 3 rounds of 1 s, 10 login samples, 10 s of mixed load, 50k rows
//   BENCH_ROUNDS           rounds per figure (5)
//   BENCH_DURATION         seconds per measurement (5)
//   BENCH_CONNECTIONS      concurrent connections for the throughput figures (50)
//   BENCH_LOGIN_SAMPLES    sequential logins per side and round (100)
//   BENCH_RSS_SECONDS      seconds of mixed load before reading the BFF's RSS (60)
//   BENCH_SCALE_ROWS       sessions in the table for the large scale stage (1000000)
//   BENCH_PARTS            which parts to run, comma-separated: me,refresh,login,proxy,rss,scale (all)
//   BENCH_DATABASE_URL     the Postgres server to create throwaway bff_bench_* databases on
//                          (postgres://postgres@127.0.0.1:5432/postgres); they are dropped at the end
//   BENCH_PIN=0            no CPU pinning
//   BENCH_BFF_ENV          extra settings for every BFF started, KEY=VALUE,KEY=VALUE
//   BENCH_NODE_ARGS        node flags for every BFF started, space-separated (e.g. --max-semi-space-size=4)
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import pg from 'pg';
import { Pool } from 'undici';
import {
  autocannonRate,
  CLIENT_CPU,
  closedLoop,
  Fleet,
  median,
  memoryOf,
  percentile,
  pin,
  pinning,
  postJson,
  root,
  throwawayDatabase,
} from './lib.mjs';
import { measureProxy } from './proxy.mjs';

const short = process.env.BENCH_SHORT === '1';
const knob = (name, normal, quick) => {
  const value = Number(process.env[name] ?? (short ? quick : normal));
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};
const rounds = knob('BENCH_ROUNDS', 5, 3);
const duration = knob('BENCH_DURATION', 5, 1);
const connections = knob('BENCH_CONNECTIONS', 50, 50);
const loginSamples = knob('BENCH_LOGIN_SAMPLES', 100, 10);
const rssSeconds = knob('BENCH_RSS_SECONDS', 60, 10);
const scaleRows = knob('BENCH_SCALE_ROWS', 1_000_000, 50_000);
const ALL_PARTS = ['me', 'refresh', 'login', 'proxy', 'rss', 'scale'];
const parts = new Set((process.env.BENCH_PARTS ?? ALL_PARTS.join(',')).split(',').map((part) => part.trim()).filter(Boolean));
for (const part of parts) if (!ALL_PARTS.includes(part)) throw new Error(`BENCH_PARTS: unknown part "${part}" (known: ${ALL_PARTS.join(', ')})`);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// Refresh is measured without the revalidation at Strapi (that is Strapi's cost, not the BFF's);
// one access token has to last the whole run.
// BENCH_BFF_ENV (KEY=VALUE,…) and BENCH_NODE_ARGS (space-separated) try a setting or a V8 flag on
// every BFF the run starts.
const BFF_ENV = {
  REFRESH_REVALIDATE: 'false',
  ACCESS_TOKEN_TTL: '1h',
  ...Object.fromEntries((process.env.BENCH_BFF_ENV ?? '').split(',').filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])),
};
const BFF_NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const ALICE = { identifier: 'alice@example.com', password: 'Passw0rd!' };
const ADMIN = { identifier: 'admin@example.com', password: 'Passw0rd!' };
// The scale stages' filler sessions belong to users no Strapi has; one of them has 20 sessions at
// both stages, so the filtered listing answers the same page at 1k and at 1M rows.
const SMALL_STAGE_ROWS = 1_000;
const SMALL_STAGE_USERS = 50;
const SMALL_STAGE_USER_BASE = 1_000_000;
const LISTED_USER = SMALL_STAGE_USER_BASE + 7;
const LARGE_STAGE_USERS = 50_000;
const LARGE_STAGE_USER_BASE = 2_000_000;
// Latency at scale is measured at low concurrency, so it shows the queries rather than queueing.
const SCALE_WORKERS = 4;
// The mixed load for the RSS figure: workers per kind of request.
const MIXED = { me: 8, refresh: 8, proxy: 8, login: 1 };

const databases = [];
const say = (line) => console.log(line);
const json = { 'content-type': 'application/json' };

async function main() {
  pin(process.pid, CLIENT_CPU);
  const started = new Date();
  say(
    `npm run bench — ${rounds} rounds × ${duration} s, ${connections} connections, ${loginSamples} logins per side and round, ` +
      `${rssSeconds} s mixed load, ${scaleRows.toLocaleString('en')} rows at scale${short ? ' (BENCH_SHORT)' : ''}`,
  );
  say(`  ${machine()}`);
  say(`  ${pinning ? 'servers under test pinned to CPU 1, load generator and trivial upstream to CPU 0' : 'no CPU pinning'}; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);

  const fleet = new Fleet();
  const database = await track(throwawayDatabase(adminUrl));
  say('Starting the fixture Strapi (legacy JWT mode)…');
  const strapi = await fleet.strapi({ jwtManagement: 'legacy-support' });
  await ensureArticles(strapi.url, 3);
  let strapiRefreshMode;
  if (parts.has('refresh')) {
    say('Starting the fixture Strapi in refresh mode…');
    strapiRefreshMode = await fleet.strapi({ jwtManagement: 'refresh' });
  }
  say('Starting the BFF…');
  const bff = await fleet.bff({ strapiUrl: strapi.url, databaseUrl: database.url, env: BFF_ENV, nodeArgs: BFF_NODE_ARGS });

  const figures = {};
  if (parts.has('me') || parts.has('refresh') || parts.has('login')) Object.assign(figures, await roundsAgainstStrapi(bff, strapi, strapiRefreshMode));
  if (parts.has('proxy')) {
    say('Proxy: BFF vs a bare undici proxy and @fastify/reply-from, same trivial upstream…');
    figures.proxy = await measureProxy({ rounds, duration, connections, databaseUrl: database.url, nodeArgs: BFF_NODE_ARGS, say });
  }
  if (parts.has('rss')) figures.rss = await residentMemory(strapi, database);
  if (parts.has('scale')) figures.scale = await atScale(strapi);

  say('');
  say(`Finished in ${((Date.now() - started.getTime()) / 60_000).toFixed(1)} min; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}.`);
  say('');
  for (const line of report(figures, started)) say(line);
}

// ------------------------------------------------------------------------------------------------
// /auth/me, refresh and login, against Strapi, round by round
// ------------------------------------------------------------------------------------------------

async function roundsAgainstStrapi(bff, strapi, strapiRefreshMode) {
  const { accessToken } = await postJson(`${bff.url}/auth/login`, ALICE);
  const authorization = { authorization: `Bearer ${accessToken}` };

  // One session per connection on each side: each keeps its own chain of rotating refresh tokens.
  let bffChains = [];
  let strapiChains = [];
  if (parts.has('refresh')) {
    say(`Signing in ${connections} sessions at the BFF and at Strapi (refresh mode) for the refresh chains…`);
    bffChains = await signInMany(`${bff.url}/auth/login`, connections);
    strapiChains = await signInMany(`${strapiRefreshMode.url}/api/auth/local`, connections);
  }
  const refreshChains = (origin, path, chains, seconds) =>
    closedLoop({
      origin,
      workers: connections,
      seconds,
      request: (worker) => ({ method: 'POST', path, headers: json, body: JSON.stringify({ refreshToken: chains[worker] }) }),
      onResponse: (worker, text) => {
        chains[worker] = JSON.parse(text).refreshToken;
      },
    });

  // Requests/s of each side: autocannon for the plain GETs, the closed-loop client for the
  // refresh chains (autocannon would abandon a request in flight when its time is up, and the
  // next use of that chain's token would then count as reuse).
  const sides = {
    me: {
      bff: (seconds) => autocannonRate({ url: `${bff.url}/auth/me`, headers: authorization, connections, seconds }),
      strapi: (seconds) => autocannonRate({ url: `${strapi.url}/api/articles`, connections, seconds }),
    },
    refresh: {
      bff: async (seconds) => (await refreshChains(bff.url, '/auth/refresh', bffChains, seconds)).rps,
      strapi: async (seconds) => (await refreshChains(strapiRefreshMode.url, '/api/auth/refresh', strapiChains, seconds)).rps,
    },
  };

  say('Warming up…');
  for (const name of ['me', 'refresh']) {
    if (!parts.has(name)) continue;
    await sides[name].bff(2);
    await sides[name].strapi(2);
  }
  if (parts.has('login')) await loginLatencies(bff.url, strapi.url, 3);

  const results = { me: { bff: [], strapi: [] }, refresh: { bff: [], strapi: [] }, login: { bff: [], strapi: [], role: [] } };
  for (let round = 1; round <= rounds; round++) {
    // Which side goes first alternates, so a drifting neighbour weighs on both alike.
    const order = round % 2 === 1 ? ['strapi', 'bff'] : ['bff', 'strapi'];
    for (const name of ['me', 'refresh']) {
      if (!parts.has(name)) continue;
      for (const side of order) results[name][side].push(await sides[name][side](duration));
      const [b, s] = [results[name].bff.at(-1), results[name].strapi.at(-1)];
      say(`  round ${round}  ${name.padEnd(8)} BFF ${b.toFixed(0).padStart(6)} req/s   Strapi ${s.toFixed(0).padStart(6)} req/s   ${(b / s).toFixed(1)}×`);
    }
    if (parts.has('login')) {
      const { bff: bffMs, strapi: strapiMs, role: roleMs } = await loginLatencies(bff.url, strapi.url, loginSamples);
      results.login.bff.push(bffMs);
      results.login.strapi.push(strapiMs);
      results.login.role.push(roleMs);
      say(
        `  round ${round}  login    BFF p50 ${bffMs.toFixed(1)} ms   Strapi p50 ${strapiMs.toFixed(1)} ms   overhead ${(bffMs - strapiMs).toFixed(1)} ms` +
          `   (Strapi's role lookup p50 ${roleMs.toFixed(1)} ms)`,
      );
    }
  }
  const figures = {};
  for (const name of ['me', 'refresh']) if (parts.has(name)) figures[name] = results[name];
  if (parts.has('login')) figures.login = results.login;
  return figures;
}

async function signInMany(url, count) {
  const tokens = [];
  // A few at a time: each is a bcrypt check in Strapi.
  for (let i = 0; i < count; i += 5) {
    const batch = await Promise.all(Array.from({ length: Math.min(5, count - i) }, () => postJson(url, ALICE)));
    for (const body of batch) {
      if (!body.refreshToken) throw new Error(`${url} answered without a refresh token (is that Strapi in refresh mode?)`);
      tokens.push(body.refreshToken);
    }
  }
  return tokens;
}

/**
 * p50 of `samples` sequential logins through the BFF and straight at Strapi, interleaved one by
 * one so both sides see the same moment of the machine. One request in flight: latency, not queueing.
 */
async function loginLatencies(bffUrl, strapiUrl, samples) {
  // The BFF's sign-in makes a second Strapi call that Strapi's own login doesn't: the user with
  // their role (GET /api/users/me?populate=role), which decides admin rights. Its p50 is measured
  // here too, interleaved the same way, so the report can say how much of the overhead it is.
  const { jwt } = await postJson(`${strapiUrl}/api/auth/local`, ALICE);
  const post = { method: 'POST', headers: json, body: JSON.stringify(ALICE) };
  const sides = {
    bff: { pool: new Pool(bffUrl, { connections: 1 }), request: { ...post, path: '/auth/login' }, times: [] },
    strapi: { pool: new Pool(strapiUrl, { connections: 1 }), request: { ...post, path: '/api/auth/local' }, times: [] },
    role: { pool: new Pool(strapiUrl, { connections: 1 }), request: { method: 'GET', path: '/api/users/me?populate=role', headers: { authorization: `Bearer ${jwt}` } }, times: [] },
  };
  try {
    for (let i = 0; i < samples; i++) {
      for (const name of i % 2 === 0 ? ['bff', 'strapi', 'role'] : ['role', 'strapi', 'bff']) {
        const side = sides[name];
        const sent = performance.now();
        const response = await side.pool.request(side.request);
        const text = await response.body.text();
        side.times.push(performance.now() - sent);
        if (response.statusCode !== 200) throw new Error(`${side.request.method} ${side.request.path}: ${response.statusCode} ${text.slice(0, 300)}`);
      }
    }
  } finally {
    await Promise.all(Object.values(sides).map((side) => side.pool.close()));
  }
  const p50 = (times) => percentile(Float64Array.from(times).sort(), 50);
  return { bff: p50(sides.bff.times), strapi: p50(sides.strapi.times), role: p50(sides.role.times) };
}

// ------------------------------------------------------------------------------------------------
// RSS after mixed load
// ------------------------------------------------------------------------------------------------

async function residentMemory(strapi, database) {
  say(`RSS: a fresh BFF under ${rssSeconds} s of mixed load (me, refresh, login, proxied GETs)…`);
  const fleet = new Fleet();
  try {
    const bff = await fleet.bff({ strapiUrl: strapi.url, databaseUrl: database.url, env: BFF_ENV, nodeArgs: BFF_NODE_ARGS });
    const atBoot = memoryOf(bff.pid);
    const { accessToken } = await postJson(`${bff.url}/auth/login`, ALICE);
    const authorization = { authorization: `Bearer ${accessToken}` };
    const chains = await signInMany(`${bff.url}/auth/login`, MIXED.refresh);
    const get = (path) => () => ({ method: 'GET', path, headers: authorization });
    const kinds = await Promise.all([
      closedLoop({ origin: bff.url, workers: MIXED.me, seconds: rssSeconds, request: get('/auth/me') }),
      closedLoop({ origin: bff.url, workers: MIXED.proxy, seconds: rssSeconds, request: get('/api/articles') }),
      closedLoop({
        origin: bff.url,
        workers: MIXED.refresh,
        seconds: rssSeconds,
        request: (worker) => ({ method: 'POST', path: '/auth/refresh', headers: json, body: JSON.stringify({ refreshToken: chains[worker] }) }),
        onResponse: (worker, text) => {
          chains[worker] = JSON.parse(text).refreshToken;
        },
      }),
      closedLoop({ origin: bff.url, workers: MIXED.login, seconds: rssSeconds, request: () => ({ method: 'POST', path: '/auth/login', headers: json, body: JSON.stringify(ALICE) }) }),
    ]);
    const after = memoryOf(bff.pid);
    const served = Object.fromEntries(['me', 'proxy', 'refresh', 'login'].map((name, i) => [name, kinds[i].requests]));
    say(`  RSS at boot ${atBoot.rssMb.toFixed(0)} MB, after the load ${after.rssMb.toFixed(0)} MB (peak ${after.peakMb.toFixed(0)} MB); requests served: ${JSON.stringify(served)}`);
    return { atBoot: atBoot.rssMb, after: after.rssMb, peak: after.peakMb, served };
  } finally {
    await fleet.stop();
  }
}

// ------------------------------------------------------------------------------------------------
// Scale: refresh and the admin listing with 1k and with BENCH_SCALE_ROWS sessions in the table
// ------------------------------------------------------------------------------------------------

async function atScale(strapi) {
  say(`Scale: refresh and the admin listing at ${SMALL_STAGE_ROWS.toLocaleString('en')} and ${scaleRows.toLocaleString('en')} sessions…`);
  const database = await track(throwawayDatabase(adminUrl));
  const fleet = new Fleet();
  const client = new pg.Client({ connectionString: database.url });
  try {
    const bff = await fleet.bff({ strapiUrl: strapi.url, databaseUrl: database.url, env: BFF_ENV, nodeArgs: BFF_NODE_ARGS });
    await client.connect();
    const { accessToken } = await postJson(`${bff.url}/auth/login`, ADMIN);
    const admin = { authorization: `Bearer ${accessToken}` };
    const chains = await signInMany(`${bff.url}/auth/login`, SCALE_WORKERS);

    const measure = async () => {
      const [{ n: sessions }] = (await client.query('SELECT count(*)::int AS n FROM bff_sessions')).rows;
      const loop = (request, onResponse) => closedLoop({ origin: bff.url, workers: SCALE_WORKERS, seconds: duration, request, onResponse });
      const get = (path) => () => ({ method: 'GET', path, headers: admin });
      const refresh = await loop(
        (worker) => ({ method: 'POST', path: '/auth/refresh', headers: json, body: JSON.stringify({ refreshToken: chains[worker] }) }),
        (worker, text) => {
          chains[worker] = JSON.parse(text).refreshToken;
        },
      );
      const oneUser = await loop(get(`/admin/sessions?status=active&userId=${LISTED_USER}`));
      const unfiltered = await loop(get('/admin/sessions'));
      const stage = { sessions, refresh, oneUser, unfiltered };
      say(
        `  ${sessions.toLocaleString('en').padStart(9)} sessions: refresh p50 ${ms(refresh.p50)} p99 ${ms(refresh.p99)}; ` +
          `one user's active p50 ${ms(oneUser.p50)} p99 ${ms(oneUser.p99)}; unfiltered p50 ${ms(unfiltered.p50)} p99 ${ms(unfiltered.p99)}`,
      );
      return stage;
    };

    await seed(client, { rows: SMALL_STAGE_ROWS, users: SMALL_STAGE_USERS, userBase: SMALL_STAGE_USER_BASE, tag: 'small' });
    await warmUp(bff.url, admin);
    const small = await measure();
    const seeding = performance.now();
    await seed(client, { rows: Math.max(0, scaleRows - SMALL_STAGE_ROWS), users: LARGE_STAGE_USERS, userBase: LARGE_STAGE_USER_BASE, tag: 'large' });
    say(`  seeded ${(scaleRows - SMALL_STAGE_ROWS).toLocaleString('en')} more rows in ${((performance.now() - seeding) / 1000).toFixed(0)} s`);
    await warmUp(bff.url, admin);
    const large = await measure();
    return { small, large };
  } finally {
    await client.end().catch(() => undefined);
    await fleet.stop();
  }
}

async function warmUp(origin, admin) {
  for (const path of [`/admin/sessions?status=active&userId=${LISTED_USER}`, '/admin/sessions']) {
    await closedLoop({ origin, workers: 1, seconds: 1, request: () => ({ method: 'GET', path, headers: admin }) });
  }
}

/**
 * Filler sessions as the million-row plan test seeds them (test/integration/admin-listing-plan.int-spec.ts):
 * spread back in time one second apart, a tenth revoked, and one refresh token each, so both tables
 * the refresh path reads have grown.
 */
async function seed(client, { rows, users, userBase, tag }) {
  if (rows === 0) return;
  await client.query(
    `INSERT INTO bff_sessions (id, user_id, username, email, role, strapi_jwt_enc, created_at, last_used_at, expires_at, revoked_at, revoked_reason, revoked_by)
     SELECT md5($4 || i::text)::uuid, $3 + (i % $2), 'filler' || (i % $2), 'filler' || (i % $2) || '@example.com', 'authenticated', 'v1.x.y.z',
            now() - (i || ' seconds')::interval, now() - (i || ' seconds')::interval, now() + interval '30 days' - (i || ' seconds')::interval,
            CASE WHEN i % 10 = 0 THEN now() - (i || ' seconds')::interval END,
            CASE WHEN i % 10 = 0 THEN 'logout' END,
            CASE WHEN i % 10 = 0 THEN 'self' END
     FROM generate_series(1, $1) AS i`,
    [rows, users, userBase, tag],
  );
  await client.query(
    `INSERT INTO bff_refresh_tokens (token_hash, session_id, generation, issued_at)
     SELECT encode(sha256(convert_to($2 || i::text, 'UTF8')), 'hex'), md5($2 || i::text)::uuid, 0, now() - (i || ' seconds')::interval
     FROM generate_series(1, $1) AS i`,
    [rows, tag],
  );
  await client.query('ANALYZE bff_sessions');
  await client.query('ANALYZE bff_refresh_tokens');
}

// ------------------------------------------------------------------------------------------------
// Setup and report
// ------------------------------------------------------------------------------------------------

/** The public article list Strapi serves should have `count` rows; the fixture seeds two. */
async function ensureArticles(strapiUrl, count) {
  const list = async () => (await (await fetch(`${strapiUrl}/api/articles`)).json()).data;
  const existing = await list();
  if (existing.length < count) {
    const { jwt } = await postJson(`${strapiUrl}/api/auth/local`, ALICE);
    for (let i = existing.length; i < count; i++) {
      await postJson(`${strapiUrl}/api/articles`, { data: { title: `Benchmark article ${i + 1}`, body: 'Written by npm run bench.' } }, { authorization: `Bearer ${jwt}` });
    }
  }
  const rows = (await list()).length;
  if (rows !== count) throw new Error(`Strapi's public article list has ${rows} rows, expected ${count}`);
}

function machine() {
  const cpu = cpus();
  let commit = 'unknown commit';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    if (execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim()) commit += ' + uncommitted changes';
  } catch {}
  return `commit ${commit}; node ${process.version}; ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}; ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM`;
}

const ms = (value) => `${value.toFixed(1)} ms`;
const rate = (value) => `${Math.round(value).toLocaleString('en')} req/s`;
const list = (values, digits) => values.map((value) => value.toFixed(digits)).join(' ');

function report(figures, started) {
  const rows = [];
  const row = (...cells) => rows.push(`| ${cells.join(' | ')} |`);
  const verdict = (met) => (met ? 'met' : '**missed**');
  rows.push(`Run of ${started.toISOString().slice(0, 10)}: ${machine()}; ${rounds} rounds × ${duration} s, ${connections} connections.`);
  rows.push('');
  row('figure', 'BFF', 'baseline', 'result (median of rounds)', 'goal', 'per round');
  row('---', '---', '---', '---', '---', '---');
  const ratioRow = (label, baselineLabel, data, goal) => {
    const ratios = data.bff.map((value, i) => value / data.strapi[i]);
    const result = median(ratios);
    row(label, rate(median(data.bff)), `${baselineLabel} ${rate(median(data.strapi))}`, `**${result.toFixed(1)}×**`, goal ? `≥ ${goal}× (${verdict(result >= goal)})` : '—', list(ratios, 1));
  };
  if (figures.me) ratioRow('`GET /auth/me`', 'Strapi `GET /api/articles` (3 rows)', figures.me, 20);
  if (figures.refresh) ratioRow('`POST /auth/refresh` (REFRESH_REVALIDATE=false)', 'Strapi refresh mode `POST /api/auth/refresh`', figures.refresh, 7);
  if (figures.login) {
    const overheads = figures.login.bff.map((value, i) => value - figures.login.strapi[i]);
    const result = median(overheads);
    row(
      'login overhead: p50 of `POST /auth/login` − p50 of Strapi’s',
      `p50 ${ms(median(figures.login.bff))}`,
      `Strapi \`POST /api/auth/local\` p50 ${ms(median(figures.login.strapi))}`,
      `**${result >= 0 ? '+' : ''}${ms(result)}**`,
      `≤ 5 ms (${verdict(result <= 5)})`,
      list(overheads, 1),
    );
    const own = overheads.map((value, i) => value - figures.login.role[i]);
    row(
      '… of which Strapi’s role lookup (`GET /api/users/me?populate=role`, p50)',
      `${ms(median(figures.login.role))}`,
      '—',
      `the BFF’s own part: **${median(own) >= 0 ? '+' : ''}${ms(median(own))}**`,
      `≤ 5 ms (${verdict(median(own) <= 5)})`,
      list(own, 1),
    );
  }
  if (figures.proxy) {
    const { results, ratios } = figures.proxy;
    const proxyRow = (label, target, baseline, baselineLabel, goal) => {
      const values = ratios[`${target}/${baseline}`];
      const result = median(values);
      row(label, rate(median(results[target])), `${baselineLabel} ${rate(median(results[baseline]))}`, `**${result.toFixed(2)}×**`, goal ? `≥ ${goal}× (${verdict(result >= goal)})` : '—', list(values, 2));
    };
    proxyRow('proxy `GET /api/articles`, authenticated', 'bffAuthenticated', 'bare', 'bare undici proxy', 0.6);
    proxyRow('proxy `GET /api/articles`, authenticated', 'bffAuthenticated', 'replyFrom', '`@fastify/reply-from`');
    proxyRow('proxy `GET /api/articles`, anonymous', 'bffAnonymous', 'bare', 'bare undici proxy');
    proxyRow('proxy `GET /api/articles`, anonymous', 'bffAnonymous', 'replyFrom', '`@fastify/reply-from`');
  }
  if (figures.rss) {
    const { atBoot, after, peak } = figures.rss;
    row(`RSS after ${rssSeconds} s of mixed load`, `${after.toFixed(0)} MB (peak ${peak.toFixed(0)} MB)`, `at boot ${atBoot.toFixed(0)} MB`, `**${after.toFixed(0)} MB**`, `≤ 150 MB (${verdict(after <= 150)})`, '—');
  }
  if (figures.scale) {
    const { small, large } = figures.scale;
    rows.push('');
    rows.push(`Scale (${SCALE_WORKERS} connections, ${duration} s each; the listing is the first page of 20):`);
    rows.push('');
    row('sessions in `bff_sessions`', 'refresh p50 / p99', '`GET /admin/sessions?status=active&userId=…` p50 / p99', '`GET /admin/sessions` p50 / p99');
    row('---', '---', '---', '---');
    for (const stage of [small, large]) {
      row(stage.sessions.toLocaleString('en'), `${ms(stage.refresh.p50)} / ${ms(stage.refresh.p99)}`, `${ms(stage.oneUser.p50)} / ${ms(stage.oneUser.p99)}`, `${ms(stage.unfiltered.p50)} / ${ms(stage.unfiltered.p99)}`);
    }
    const growth = (key) => `${(large[key].p50 / small[key].p50).toFixed(2)}× / ${(large[key].p99 / small[key].p99).toFixed(2)}×`;
    row('large ÷ small', growth('refresh'), growth('oneUser'), growth('unfiltered'));
  }
  return rows;
}

// ------------------------------------------------------------------------------------------------

/** Remembers a throwaway database, to drop it at the end whatever happens. */
async function track(creating) {
  const database = await creating;
  databases.push(database);
  return database;
}

async function cleanUp() {
  for (const fleet of [...Fleet.live]) await fleet.stop().catch(() => undefined);
  for (const database of databases.splice(0)) await database.drop().catch((error) => console.error(`Could not drop ${database.name}: ${error.message}`));
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers and dropping the bench databases…`);
    void cleanUp().then(() => process.exit(130));
  });
}

main()
  .then(cleanUp)
  .catch(async (error) => {
    console.error(error);
    await cleanUp();
    process.exit(1);
  });
