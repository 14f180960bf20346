import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase } from './support/database';
import { fixtureEnvNames, fixtureOptionsFor, type StrapiMode } from './support/mode';
import { startStrapi, type StrapiFixture } from './support/strapi';

declare global {
  var __BFF_TEST_STATE__: { strapis: Partial<Record<StrapiMode, StrapiFixture>>; databaseName?: string } | undefined;
}

/**
 * One fresh Postgres database for the whole run, and one real Strapi 5 per Strapi mode that a
 * selected jest project needs (each project's globalSetup calls this with its mode).
 */
export async function setUpFor(mode: StrapiMode): Promise<void> {
  const state = (globalThis.__BFF_TEST_STATE__ ??= { strapis: {} });
  if (!state.databaseName) {
    // A no-op when the fixture is already installed; `npm test` also runs it as `pretest`.
    execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'strapi-fixture.mjs'), 'install'], { stdio: 'inherit' });
    const database = await createTestDatabase();
    process.env.TEST_DATABASE_URL = database.url;
    state.databaseName = database.name;
  }
  if (state.strapis[mode]) return;
  const strapi = await startStrapi(fixtureOptionsFor(mode));
  state.strapis[mode] = strapi;
  const names = fixtureEnvNames(mode);
  process.env[names.url] = strapi.url;
  process.env[names.log] = strapi.logFile;
}

/** The `e2e` project: Strapi in its default legacy JWT mode. */
export default function globalSetup(): Promise<void> {
  return setUpFor('legacy-support');
}
