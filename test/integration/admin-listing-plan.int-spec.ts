import { DataSource } from 'typeorm';
import { boundedCountQuery, COUNT_CAP } from '../../src/database/bounded-count';
import { dataSourceOptions, runMigrationsLocked } from '../../src/database/data-source-options';
import { SessionsRepository, type SessionPageQuery } from '../../src/sessions/sessions.repository';
import { createTestDatabase, dropTestDatabase } from '../support/database';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

const ROWS = 1_000_000;
const USERS = 50_000;

/**
 * The admin listing on a million session rows: every filter combination must be answered from an
 * index, never a sequential scan of bff_sessions. Its own database, so the rows don't slow other tests.
 */
describe('admin session listing with a million sessions', () => {
  let name: string;
  let db: DataSource;
  let repository: SessionsRepository;

  beforeAll(async () => {
    const database = await createTestDatabase();
    name = database.name;
    db = await new DataSource(dataSourceOptions(database.url, 2)).initialize();
    await runMigrationsLocked(db);
    await db.query(
      `INSERT INTO bff_sessions (id, user_id, username, email, role, strapi_jwt_enc, created_at, last_used_at, expires_at, revoked_at, revoked_reason, revoked_by)
       SELECT md5(i::text)::uuid, i % $2, 'user' || (i % $2), 'user' || (i % $2) || '@example.com', 'authenticated', 'v1.x.y.z',
              now() - (i || ' seconds')::interval, now() - (i || ' seconds')::interval, now() + interval '30 days' - (i || ' seconds')::interval,
              CASE WHEN i % 10 = 0 THEN now() - (i || ' seconds')::interval END,
              CASE WHEN i % 10 = 0 THEN 'logout' END,
              CASE WHEN i % 10 = 0 THEN 'self' END
       FROM generate_series(1, $1) AS i`,
      [ROWS, USERS],
    );
    await db.query('ANALYZE bff_sessions');
    repository = new SessionsRepository(db);
  }, 180_000);

  afterAll(async () => {
    await db?.destroy();
    if (name) await dropTestDatabase(name);
  });

  async function planOf(query: Partial<SessionPageQuery>): Promise<PlanNode[]> {
    const [sql, parameters] = repository
      .pageQuery({ status: 'all', page: 1, pageSize: 20, now: new Date(), idleTtlMs: 7 * 86_400_000, ...query })
      .getQueryAndParameters();
    const [{ 'QUERY PLAN': plan }] = await db.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
    return nodes(plan[0].Plan);
  }

  it.each<[string, Partial<SessionPageQuery>, string]>([
    ['one user’s sessions', { userId: 4242, status: 'all' }, 'idx_bff_sessions_user_created'],
    ['one user’s active sessions', { userId: 4242, status: 'active' }, 'idx_bff_sessions_user_created'],
    ['all active sessions, newest first', { status: 'active' }, 'idx_bff_sessions_active_created'],
    ['all sessions, newest first', { status: 'all' }, 'idx_bff_sessions_created'],
    ['page 50 of all sessions', { status: 'all', page: 50, pageSize: 100 }, 'idx_bff_sessions_created'],
    ['a search by email (q)', { q: 'USER4242@example.com', status: 'all' }, 'idx_bff_sessions_email_lower'],
    ['a search by username (q)', { q: 'user4242', status: 'active' }, 'idx_bff_sessions_username_lower'],
    ['a search by user id (q)', { q: '4242', status: 'all' }, 'idx_bff_sessions_user_created'],
  ])('serves %s from an index', async (_name, query, index) => {
    const plan = await planOf(query);
    expect(plan.filter((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'bff_sessions')).toEqual([]);
    expect(plan.map((node) => node['Index Name']).filter(Boolean)).toContain(index);
  });

  it('finds one user’s 20 sessions by email, username or id alike, and counts them exactly', async () => {
    const query = { status: 'all', page: 1, pageSize: 100, now: new Date(), idleTtlMs: 7 * 86_400_000 } as const;
    for (const q of ['user4242@EXAMPLE.com', 'User4242', '4242']) {
      const { rows, total, totalExact } = await repository.findPage({ ...query, q });
      expect({ q, total, totalExact, users: [...new Set(rows.map((row) => row.userId))] }).toEqual({ q, total: ROWS / USERS, totalExact: true, users: [4242] });
    }
    expect(await repository.userIdsMatching('user4242@example.com')).toEqual([4242]);
  });

  it('counts the total of an unfiltered listing no further than 1,000 rows', async () => {
    const query = { status: 'all', page: 1, pageSize: 20, now: new Date(), idleTtlMs: 7 * 86_400_000 } as const;
    expect(await repository.findPage(query)).toMatchObject({ total: COUNT_CAP, totalExact: false });
    expect(await repository.findPage({ ...query, userId: 4242 })).toMatchObject({ total: ROWS / USERS, totalExact: true });
    const [sql, parameters] = boundedCountQuery(repository.pageQuery(query));
    const [{ 'QUERY PLAN': plan }] = await db.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
    expect(nodes(plan[0].Plan).map((node) => node['Node Type'])).toContain('Limit');
  });

  it('returns one user’s 20 sessions as a page with the right total', async () => {
    const [rows, total] = await repository.pageQuery({ userId: 4242, status: 'all', page: 1, pageSize: 20, now: new Date(), idleTtlMs: 7 * 86_400_000 }).getManyAndCount();
    expect(total).toBe(ROWS / USERS);
    expect(rows).toHaveLength(20);
    expect(rows.every((row) => row.userId === 4242)).toBe(true);
  });
});
