import { dropTestDatabase } from './support/database';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__BFF_TEST_STATE__;
  await state?.strapi?.stop();
  if (state?.databaseName) await dropTestDatabase(state.databaseName);
}
