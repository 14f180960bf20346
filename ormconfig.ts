import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './src/config/load-config';
import { dataSourceOptions } from './src/database/data-source-options';
import { startEmbeddedPostgres } from './src/database/embedded-postgres';

/**
 * The DataSource the TypeORM CLI uses (`npm run migration:run`, `migration:generate`).
 * Without DATABASE_URL it points at the embedded Postgres under the data folder, starting it if needed.
 */
async function cliDataSource(): Promise<DataSource> {
  const config = loadConfig();
  const url =
    config.database.url ??
    (await startEmbeddedPostgres(config.dataDir, config.database.embeddedPort, { info: console.log, warn: console.warn })).url;
  return new DataSource(dataSourceOptions(url, 2));
}

export default cliDataSource();
