import { dropTestDatabase } from './support/database';

/** Runs once per project that ran; the second call finds nothing left to do. */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__BFF_TEST_STATE__;
  if (!state) return;
  for (const strapi of Object.values(state.strapis)) await strapi.stop();
  state.strapis = {};
  if (state.databaseName) await dropTestDatabase(state.databaseName);
  state.databaseName = undefined;
}
