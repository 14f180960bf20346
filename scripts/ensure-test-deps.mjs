#!/usr/bin/env node
// `npm test` runs this first: everything the suite needs beyond `npm ci`.
//  - the real Strapi 5 fixture (test/strapi-fixture, one-time npm ci of ~700 MB);
//  - Debian's Chromium for the Swagger UI browser test (never a browser download).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureFixtureInstalled } from './strapi-fixture.mjs';

const CHROMIUM = '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    console.error(`[test-deps] ${CHROMIUM} is missing. Install Debian's package first: sudo apt-get install chromium`);
    process.exit(1);
  }
  console.log("[test-deps] Installing Debian's chromium for the browser test (apt-get, one time)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`[test-deps] apt-get ${args.join(' ')} failed (exit ${result.status}).`);
      process.exit(1);
    }
  }
}

try {
  ensureFixtureInstalled();
} catch (error) {
  console.error(`[test-deps] ${error.message}`);
  process.exit(1);
}
ensureChromium();
