import { Client } from 'pg';
import { startBff, type RunningBff } from './bff';
import { testDatabaseUrl } from './database';

export interface TwoInstances {
  a: RunningBff;
  b: RunningBff;
  /** A plain pg client on the same database, to read what the instances wrote. */
  db: Client;
}

/**
 * For a describe block about several BFF instances: registers beforeAll/afterAll that start two
 * instances on the suite's database and Strapi, as a deployment would run them, and a pg client.
 * The fields are set once beforeAll has run.
 */
export function twoInstancesWithDatabase(): TwoInstances {
  const two = {} as TwoInstances;
  beforeAll(async () => {
    [two.a, two.b] = await Promise.all([startBff(), startBff()]);
    two.db = new Client({ connectionString: testDatabaseUrl() });
    await two.db.connect();
  });
  afterAll(async () => {
    await Promise.all([two.a.close(), two.b.close(), two.db.end()]);
  });
  return two;
}
