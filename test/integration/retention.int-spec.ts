import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RetentionService } from '../../src/audit/retention.service';
import type { AppConfig } from '../../src/config/app-config';
import { openTestDataSource } from '../support/database';

const DAY = 86_400_000;
const config = { retention: { auditMs: 90 * DAY, endedSessionsMs: 30 * DAY, intervalMs: 3_600_000 }, tokens: { reuseGraceMs: 10_000 } } as AppConfig;

describe('retention', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await openTestDataSource();
  });
  afterAll(() => db.destroy());

  async function insertSession(values: { createdAt: Date; expiresAt: Date; revokedAt?: Date }): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO bff_sessions (id, user_id, username, email, strapi_jwt_enc, created_at, last_used_at, expires_at, revoked_at, revoked_reason)
       VALUES ($1, 424242, 'retention', 'retention@example.com', 'v1.x.y.z', $2, $2, $3, $4, $5)`,
      [id, values.createdAt, values.expiresAt, values.revokedAt ?? null, values.revokedAt ? 'logout' : null],
    );
    await db.query(`INSERT INTO bff_refresh_tokens (token_hash, session_id, generation, issued_at) VALUES ($1, $2, 0, $3)`, [
      randomUUID().replace(/-/g, '').padEnd(64, '0'),
      id,
      values.createdAt,
    ]);
    return id;
  }

  it('deletes old audit events and long-ended sessions in batches, and keeps everything recent', async () => {
    const now = new Date();
    const ago = (days: number): Date => new Date(now.getTime() - days * DAY);
    // The suite shares this database: count what other files left past the retention first.
    const [{ n: oldBefore }] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM bff_audit_events WHERE occurred_at < $1`, [ago(90)]);
    await db.query(
      `INSERT INTO bff_audit_events (occurred_at, type, user_id) SELECT $1::timestamptz - (i || ' seconds')::interval, 'login_succeeded', 424242 FROM generate_series(1, 12000) AS i`,
      [ago(91)],
    );
    await db.query(`INSERT INTO bff_audit_events (occurred_at, type, user_id) VALUES ($1, 'login_succeeded', 424242)`, [ago(89)]);
    const oldRevoked = await insertSession({ createdAt: ago(60), expiresAt: ago(-10), revokedAt: ago(31) });
    const oldExpired = await insertSession({ createdAt: ago(70), expiresAt: ago(40) });
    const recentRevoked = await insertSession({ createdAt: ago(20), expiresAt: ago(-10), revokedAt: ago(29) });
    const active = await insertSession({ createdAt: ago(1), expiresAt: ago(-29) });

    const result = await new RetentionService(db, config).sweep(now);

    expect(result?.auditEvents).toBe(oldBefore + 12000);
    const remainingOld = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM bff_audit_events WHERE occurred_at < $1`, [ago(90)]);
    expect(remainingOld[0].n).toBe(0);
    const recent = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM bff_audit_events WHERE user_id = 424242 AND occurred_at >= $1`, [ago(90)]);
    expect(recent[0].n).toBe(1);

    const ids = (await db.query<{ id: string }[]>(`SELECT id FROM bff_sessions WHERE user_id = 424242`)).map((row) => row.id);
    expect(ids.sort()).toEqual([recentRevoked, active].sort());
    expect(ids).not.toContain(oldRevoked);
    expect(ids).not.toContain(oldExpired);
    const orphans = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM bff_refresh_tokens WHERE session_id = ANY($1)`, [[oldRevoked, oldExpired]]);
    expect(orphans[0].n).toBe(0);
  });

  it('clears a sealed successor once the grace window has passed, and keeps one still inside it', async () => {
    const now = new Date();
    // The suite shares this database: count the successors other files left past their window first.
    const [{ n: pastBefore }] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM bff_sessions WHERE successor_enc IS NOT NULL AND previous_rotated_at < $1`,
      [new Date(now.getTime() - config.tokens.reuseGraceMs)],
    );
    const rotated = async (rotatedAgoMs: number): Promise<string> => {
      const id = await insertSession({ createdAt: new Date(now.getTime() - DAY), expiresAt: new Date(now.getTime() + DAY) });
      await db.query(`UPDATE bff_sessions SET refresh_generation = 1, previous_rotated_at = $2, successor_enc = 'v1.sealed.successor.tag' WHERE id = $1`, [
        id,
        new Date(now.getTime() - rotatedAgoMs),
      ]);
      return id;
    };
    const past = await rotated(11_000);
    const inside = await rotated(5_000);

    const result = await new RetentionService(db, config).sweep(now);

    expect(result?.successors).toBe(pastBefore + 1);
    const rows = await db.query<{ id: string; successor_enc: string | null }[]>(`SELECT id, successor_enc FROM bff_sessions WHERE id = ANY($1)`, [[past, inside]]);
    expect(Object.fromEntries(rows.map((row) => [row.id, row.successor_enc]))).toEqual({ [past]: null, [inside]: 'v1.sealed.successor.tag' });
  });

  it('skips the sweep while another instance holds the retention lock', async () => {
    const other = db.createQueryRunner();
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock(7264019332)');
      expect(await new RetentionService(db, config).sweep()).toBeUndefined();
      await other.query('SELECT pg_advisory_unlock(7264019332)');
      expect(await new RetentionService(db, config).sweep()).toEqual({ auditEvents: expect.any(Number), sessions: expect.any(Number), successors: expect.any(Number) });
    } finally {
      await other.release();
    }
  });

  it('keeps the audit trail append-only', async () => {
    await db.query(`INSERT INTO bff_audit_events (occurred_at, type) VALUES (now(), 'registered')`);
    await expect(db.query(`UPDATE bff_audit_events SET type = 'login_succeeded' WHERE type = 'registered'`)).rejects.toThrow(/append-only/);
  });
});
