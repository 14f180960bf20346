import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase } from './support/database';
import { startStrapi, type StrapiFixture } from './support/strapi';

declare global {
  var __BFF_TEST_STATE__: { strapi?: StrapiFixture; databaseName?: string } | undefined;
}

/** One real Strapi 5 (legacy JWT mode) and one fresh Postgres database for the whole run. */
export default async function globalSetup(): Promise<void> {
  // A no-op when the fixture is already installed; `npm test` also runs it as `pretest`.
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'strapi-fixture.mjs'), 'install'], { stdio: 'inherit' });
  const database = await createTestDatabase();
  process.env.TEST_DATABASE_URL = database.url;
  globalThis.__BFF_TEST_STATE__ = { databaseName: database.name };
  const strapi = await startStrapi();
  globalThis.__BFF_TEST_STATE__.strapi = strapi;
  process.env.STRAPI_FIXTURE_URL = strapi.url;
  process.env.STRAPI_FIXTURE_LOG = strapi.logFile;
}
