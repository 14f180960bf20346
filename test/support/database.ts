import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrationsLocked } from '../../src/database/data-source-options';

/** The server tests create their throwaway databases on. This machine kind runs Postgres on 5432 with trust auth. */
export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Creates a fresh, uniquely named database. Tests only ever touch databases whose name starts
 * with `bff_test_`, so a mis-set variable can never point them at real data.
 */
export async function createTestDatabase(): Promise<{ url: string; name: string }> {
  const name = `bff_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`Tests need a Postgres server at ${ADMIN_URL} (set TEST_DATABASE_ADMIN_URL to use another): ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return { url: withDatabase(ADMIN_URL, name), name };
}

export async function dropTestDatabase(name: string): Promise<void> {
  if (!name.startsWith('bff_test_')) throw new Error(`Refusing to drop ${name}: not a test database`);
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url || !new URL(url).pathname.startsWith('/bff_test_')) {
    throw new Error('TEST_DATABASE_URL is not set to a bff_test_ database; run the suite through jest so global setup creates it');
  }
  return url;
}

/** A migrated DataSource on the suite's test database, for integration tests that work below HTTP. */
export async function openTestDataSource(): Promise<DataSource> {
  const dataSource = await new DataSource(dataSourceOptions(testDatabaseUrl(), 20)).initialize();
  await runMigrationsLocked(dataSource);
  return dataSource;
}
