#!/usr/bin/env node
// The real Strapi 5 application the tests and the demo run against lives in
// test/strapi-fixture/ with its own package-lock.json, so its ~700 MB of
// dependencies stay out of the BFF's own install.
//
//   node scripts/strapi-fixture.mjs install   install (once) or re-install after a lock change
//   node scripts/strapi-fixture.mjs start     start Strapi in the foreground for the demo
//
// Environment for `start`: PORT (1337), HOST (127.0.0.1), DATABASE_FILENAME
// (data/strapi-fixture/strapi.db), FIXTURE_JWT_MANAGEMENT (legacy-support | refresh),
// FIXTURE_JWT_EXPIRES_IN, FIXTURE_ACCESS_TOKEN_LIFESPAN (refresh mode, seconds),
// FIXTURE_EMAIL_CONFIRMATION, FIXTURE_API_TOKEN (a read-only API token to create)
// — see test/strapi-fixture/config/ and src/index.js.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fixtureDir = path.join(repoRoot, 'test', 'strapi-fixture');
export const strapiBin = path.join(fixtureDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const lockFile = path.join(fixtureDir, 'package-lock.json');
const stampFile = path.join(fixtureDir, 'node_modules', '.lock-hash');

function lockHash() {
  if (!existsSync(lockFile)) {
    throw new Error(`${path.relative(repoRoot, lockFile)} is missing; it must be committed with the fixture.`);
  }
  return createHash('sha256').update(readFileSync(lockFile)).digest('hex');
}

export function isFixtureInstalled() {
  if (!existsSync(strapiBin) || !existsSync(stampFile)) return false;
  return readFileSync(stampFile, 'utf8').trim() === lockHash();
}

export function ensureFixtureInstalled() {
  if (isFixtureInstalled()) return;
  const hash = lockHash();
  console.log(
    '[strapi-fixture] One-time install of the Strapi 5 test fixture (~700 MB in test/strapi-fixture/node_modules); ' +
      'this takes a couple of minutes.',
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: fixtureDir, stdio: 'inherit' });
  if (result.error || result.status !== 0) {
    const reason = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
    throw new Error(`npm ci in ${path.relative(repoRoot, fixtureDir)} failed (${reason}).`);
  }
  writeFileSync(stampFile, `${hash}\n`);
  console.log('[strapi-fixture] Installed.');
}

function startInForeground() {
  ensureFixtureInstalled();
  const dataDir = path.join(repoRoot, 'data', 'strapi-fixture');
  mkdirSync(dataDir, { recursive: true });
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    PORT: process.env.PORT ?? '1337',
    HOST: process.env.HOST ?? '127.0.0.1',
    DATABASE_FILENAME: process.env.DATABASE_FILENAME ?? path.join(dataDir, 'strapi.db'),
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
  };
  console.log(`[strapi-fixture] Starting Strapi on http://${env.HOST}:${env.PORT} (database ${env.DATABASE_FILENAME})`);
  const child = spawn(process.execPath, [strapiBin, 'start'], { cwd: fixtureDir, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 0 : 1));
  });
}

function main(command) {
  switch (command) {
    case 'install':
      ensureFixtureInstalled();
      return;
    case 'start':
      startInForeground();
      return;
    default:
      console.error('Usage: node scripts/strapi-fixture.mjs <install|start>');
      process.exitCode = 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv[2]);
  } catch (error) {
    console.error(`[strapi-fixture] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
