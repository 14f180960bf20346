#!/usr/bin/env node
// `npm run demo:spa`: the example app (examples/spa) on the client package, next to the demo's
// fixture Strapi and BFF (scripts/demo.mjs), in cookie mode from an origin in CORS_ORIGINS.
//
//   DEMO_SPA_PORT  the example app's port (5173)
//   PORT, DEMO_STRAPI_PORT, DATABASE_URL, ...  as for `npm run demo`
//
// The app is built with Vite and served from http://127.0.0.1:<DEMO_SPA_PORT>; its config.json
// points it at the BFF. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const exampleDir = path.join(repoRoot, 'examples', 'spa');
const distDir = path.join(exampleDir, 'dist');
const BFF_READY_TIMEOUT_MS = 300_000;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

function say(message) {
  process.stdout.write(`[demo:spa] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`[demo:spa] ${message}\n`);
  process.exit(1);
}

function portFrom(name, fallback) {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${name} must be a port number from 1 to 65535 (got "${raw}").`);
  return port;
}

function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: 'inherit' });
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** The built app, and config.json pointing it at the BFF. Paths can't leave dist/. */
function serveApp(port, config) {
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://app.invalid').pathname;
    if (pathname === '/config.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(config));
      return;
    }
    const file = path.normalize(path.join(distDir, pathname === '/' ? 'index.html' : decodeURIComponent(pathname)));
    if (!file.startsWith(distDir + path.sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function waitForBff(url, child) {
  const deadline = Date.now() + BFF_READY_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
    try {
      const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.status === 200) return true;
    } catch {
      // Not up yet.
    }
    await sleep(500);
  }
  return false;
}

async function main() {
  const appPort = portFrom('DEMO_SPA_PORT', 5173);
  const bffPort = portFrom('PORT', 3000);
  const bffHost = process.env.HOST?.trim() || '127.0.0.1';
  const bffUrl = `http://${bffHost === '0.0.0.0' ? '127.0.0.1' : bffHost}:${bffPort}`;
  const appOrigin = `http://127.0.0.1:${appPort}`;

  say('Building the example app (vite build examples/spa)…');
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = await run(process.execPath, [vite, 'build', exampleDir, '--logLevel', 'warn'], { cwd: exampleDir });
  if (build.code !== 0) fail('Building the example app failed; see the output above.');

  let server;
  try {
    server = await serveApp(appPort, { bffUrl, transport: 'cookie' });
  } catch (error) {
    fail(`Port ${appPort} on 127.0.0.1 can't be used (${error.code ?? error.message}). Pick another with DEMO_SPA_PORT=<port>.`);
  }

  const corsOrigins = [process.env.CORS_ORIGINS?.trim(), appOrigin].filter(Boolean).join(',');
  const demo = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'demo.mjs')], {
    cwd: repoRoot,
    env: { ...process.env, CORS_ORIGINS: corsOrigins },
    stdio: 'inherit',
  });
  // Ctrl-C reaches the demo too (same terminal); a signal sent to this process alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (demo.exitCode === null && demo.signalCode === null) demo.kill(signal);
    });
  }
  demo.once('exit', (code, signal) => {
    server.close();
    server.closeAllConnections();
    process.exit(code ?? (signal ? 1 : 0));
  });

  if (await waitForBff(bffUrl, demo)) {
    // After the demo's own banner, which follows readiness.
    await sleep(1000);
    const rule = '='.repeat(78);
    process.stdout.write(
      [
        '',
        rule,
        `  Example app   ${appOrigin}/   (cookie mode; ?transport=token for token mode)`,
        `  BFF           ${bffUrl}   (CORS_ORIGINS=${corsOrigins})`,
        '  Sign in with one of the demo logins above; open a second tab to see them share the session.',
        rule,
        '',
      ].join('\n'),
    );
  }
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
