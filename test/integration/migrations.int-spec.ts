import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../support/database';

describe('migrations', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });
  afterAll(() => dataSource.destroy());

  it('leave nothing for the schema builder to change: the SQL matches the entities', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('are all applied, and synchronize stays off', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    expect(dataSource.options.synchronize).toBe(false);
  });
});
