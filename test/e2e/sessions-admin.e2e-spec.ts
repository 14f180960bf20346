import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { request, startBff, strapiFixtureUrl, type RunningBff } from '../support/bff';
import { testDatabaseUrl } from '../support/database';
import { expectEnvelope, login, refresh, type TokenBody } from '../support/flows';
import { seedUsers } from '../support/strapi';

interface MySession {
  id: string;
  deviceName: string | null;
  ip: string | null;
  current: boolean;
}
interface AdminSession {
  id: string;
  userId: number;
  username: string;
  email: string;
  status: string;
  revokedReason: string | null;
  revokedBy: string | null;
  revokeNote: string | null;
  refreshCount: number;
}
interface Page<T> {
  data: T[];
  meta: { page: number; pageSize: number; total: number };
}
interface AuditEvent {
  type: string;
  userId: number | null;
  sessionId: string | null;
  actor: string | null;
  reason: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
}

describe('session management', () => {
  let bff: RunningBff;
  let admin: TokenBody;
  let db: Client;

  beforeAll(async () => {
    bff = await startBff();
    admin = await login(bff, seedUsers.admin, 'admin console');
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
  });
  afterAll(async () => {
    await bff.close();
    await db.end();
  });

  /** The user's sessions not yet revoked (other files' sessions of the same user included), but `except`. */
  const unrevokedSessionsOf = async (userId: number, except: string = randomUUID()): Promise<string[]> =>
    (await db.query<{ id: string }>('SELECT id FROM bff_sessions WHERE user_id = $1 AND revoked_at IS NULL AND id <> $2', [userId, except])).rows.map((row) => row.id);

  describe('self-service', () => {
    it('lists the caller’s active sessions and marks the current one', async () => {
      const laptop = await login(bff, seedUsers.alice, 'laptop');
      const phone = await login(bff, seedUsers.alice, 'phone');
      const list = await bff.request<MySession[]>('GET', '/sessions', { token: phone.accessToken });
      expect(list.status).toBe(200);
      const mine = list.body.filter((session) => [laptop.session.id, phone.session.id].includes(session.id));
      expect(mine).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: phone.session.id, deviceName: 'phone', current: true, ip: '127.0.0.1' }),
          expect.objectContaining({ id: laptop.session.id, deviceName: 'laptop', current: false }),
        ]),
      );
      expect(list.body.filter((session) => session.current)).toHaveLength(1);
      expect(Object.keys(list.body[0]).sort()).toEqual(['createdAt', 'current', 'deviceName', 'expiresAt', 'id', 'ip', 'lastUsedAt', 'userAgent']);
    });

    it('ends one of the caller’s sessions, and answers 404 for anyone else’s or unknown ids', async () => {
      const laptop = await login(bff, seedUsers.alice, 'laptop');
      const phone = await login(bff, seedUsers.alice, 'phone');
      const bob = await login(bff, seedUsers.bob);

      expect((await bff.request('DELETE', `/sessions/${laptop.session.id}`, { token: phone.accessToken })).status).toBe(204);
      expectEnvelope(await bff.request('GET', '/auth/me', { token: laptop.accessToken }), 401, 'session_revoked');

      for (const id of [bob.session.id, randomUUID(), 'not-a-uuid']) {
        expectEnvelope(await bff.request('DELETE', `/sessions/${id}`, { token: phone.accessToken }), 404, 'not_found');
      }
      expect((await bff.request('GET', '/auth/me', { token: bob.accessToken })).status).toBe(200);
    });

    it('signs out every other device, then everywhere', async () => {
      const a = await login(bff, seedUsers.bob, 'a');
      const b = await login(bff, seedUsers.bob, 'b');
      const c = await login(bff, seedUsers.bob, 'c');

      const open = await unrevokedSessionsOf(c.user.id, c.session.id);
      expect(open).toEqual(expect.arrayContaining([a.session.id, b.session.id]));
      const others = await bff.request<{ revoked: number }>('DELETE', '/sessions?scope=others', { token: c.accessToken });
      expect(others.status).toBe(200);
      expect(others.body.revoked).toBe(open.length);
      expect(await unrevokedSessionsOf(c.user.id, c.session.id)).toEqual([]);
      expectEnvelope(await bff.request('GET', '/auth/me', { token: a.accessToken }), 401, 'session_revoked');
      expectEnvelope(await refresh(bff, b.refreshToken), 401, 'session_revoked');
      expect((await bff.request('GET', '/auth/me', { token: c.accessToken })).status).toBe(200);

      const all = await bff.request<{ revoked: number }>('DELETE', '/sessions?scope=all', { token: c.accessToken });
      expect(all.body).toEqual({ revoked: 1 });
      expectEnvelope(await bff.request('GET', '/auth/me', { token: c.accessToken }), 401, 'session_revoked');
    });

    it('needs an explicit scope', async () => {
      const tokens = await login(bff, seedUsers.bob);
      expectEnvelope(await bff.request('DELETE', '/sessions', { token: tokens.accessToken }), 400, 'validation_failed');
      expectEnvelope(await bff.request('DELETE', '/sessions?scope=everyone', { token: tokens.accessToken }), 400, 'validation_failed');
    });
  });

  describe('admin', () => {
    it('refuses callers without an admin role with 403 forbidden', async () => {
      const alice = await login(bff, seedUsers.alice);
      for (const [method, path] of [
        ['GET', '/admin/sessions'],
        ['GET', `/admin/sessions/${alice.session.id}`],
        ['DELETE', `/admin/sessions/${admin.session.id}`],
        ['DELETE', `/admin/users/${admin.user.id}/sessions`],
        ['GET', '/admin/audit-events'],
      ]) {
        expectEnvelope(await bff.request(method, path, { token: alice.accessToken }), 403, 'forbidden');
      }
      expectEnvelope(await bff.request('GET', '/admin/sessions'), 401, 'unauthorized');
      expect((await bff.request('GET', '/auth/me', { token: admin.accessToken })).status).toBe(200);
    });

    it('finds a user’s sessions and revokes one, which then stops working', async () => {
      const victim = await login(bff, seedUsers.bob, 'stolen laptop');
      const page = await bff.request<Page<AdminSession>>('GET', `/admin/sessions?userId=${victim.user.id}&status=active&pageSize=100`, { token: admin.accessToken });
      expect(page.status).toBe(200);
      expect(page.body.meta).toMatchObject({ page: 1, pageSize: 100 });
      expect(page.body.data.every((session) => session.userId === victim.user.id && session.status === 'active')).toBe(true);
      expect(page.body.data.find((session) => session.id === victim.session.id)).toMatchObject({ username: 'bob', email: 'bob@example.com' });

      const revoke = await bff.request('DELETE', `/admin/sessions/${victim.session.id}`, { token: admin.accessToken, json: { reason: 'Reported stolen' } });
      expect(revoke.status).toBe(204);
      // On the instance that revoked it, the session ends at once (other instances within 1 s:
      // sessions-across-instances.e2e-spec.ts), so there is nothing to wait for.
      expectEnvelope(await bff.request('GET', '/auth/me', { token: victim.accessToken }), 401, 'session_revoked');
      expectEnvelope(await bff.request('GET', '/api/users/me', { token: victim.accessToken }), 401, 'session_revoked');

      const detail = await bff.request<AdminSession>('GET', `/admin/sessions/${victim.session.id}`, { token: admin.accessToken });
      expect(detail.body).toMatchObject({ status: 'revoked', revokedReason: 'admin_revoked', revokedBy: `admin:${admin.user.id}`, revokeNote: 'Reported stolen' });
      const revokedList = await bff.request<Page<AdminSession>>('GET', `/admin/sessions?userId=${victim.user.id}&status=revoked&pageSize=100`, { token: admin.accessToken });
      expect(revokedList.body.data.map((session) => session.id)).toContain(victim.session.id);
      expectEnvelope(await bff.request('GET', `/admin/sessions/${randomUUID()}`, { token: admin.accessToken }), 404, 'not_found');
    });

    it('revokes every session of a user', async () => {
      const one = await login(bff, seedUsers.alice);
      const two = await login(bff, seedUsers.alice);
      const open = await unrevokedSessionsOf(one.user.id);
      expect(open).toEqual(expect.arrayContaining([one.session.id, two.session.id]));
      const result = await bff.request<{ revoked: number }>('DELETE', `/admin/users/${one.user.id}/sessions`, { token: admin.accessToken });
      expect(result.status).toBe(200);
      expect(result.body.revoked).toBe(open.length);
      expect(await unrevokedSessionsOf(one.user.id)).toEqual([]);
      for (const tokens of [one, two]) expectEnvelope(await bff.request('GET', '/auth/me', { token: tokens.accessToken }), 401, 'session_revoked');
      expectEnvelope(await bff.request('DELETE', '/admin/users/2147483648/sessions', { token: admin.accessToken }), 400, 'validation_failed');
      expectEnvelope(await bff.request('DELETE', `/admin/users/nobody-${randomUUID()}/sessions`, { token: admin.accessToken }), 404, 'not_found');
    });

    it('finds a user’s sessions with q: an email or username in any case, or a user id', async () => {
      const mine = await login(bff, seedUsers.bob, 'search');
      for (const q of ['bob@example.com', 'BOB@Example.COM', 'Bob', ` bob `, String(mine.user.id)]) {
        const page = await bff.request<Page<AdminSession>>('GET', `/admin/sessions?q=${encodeURIComponent(q)}&pageSize=100`, { token: admin.accessToken });
        expect({ q, status: page.status }).toEqual({ q, status: 200 });
        expect(page.body.data.find((session) => session.id === mine.session.id)).toMatchObject({ username: 'bob', email: 'bob@example.com' });
        expect(page.body.data.filter((session) => session.userId !== mine.user.id)).toEqual([]);
      }
      const none = await bff.request<Page<AdminSession>>('GET', `/admin/sessions?q=nobody-${randomUUID()}%40example.com`, { token: admin.accessToken });
      expect(none.body).toMatchObject({ data: [], meta: { total: 0, totalExact: true } });
      for (const query of ['q=', 'q=%20', `q=${'x'.repeat(256)}`, 'q=a&q=b']) {
        expectEnvelope(await bff.request('GET', `/admin/sessions?${query}`, { token: admin.accessToken }), 400, 'validation_failed');
      }
    });

    it('lists and revokes a user’s sessions by email or username under /admin/users/{userId}/sessions', async () => {
      const one = await login(bff, seedUsers.alice, 'by email');
      const byEmail = await bff.request<Page<AdminSession>>('GET', `/admin/users/${encodeURIComponent('ALICE@example.com')}/sessions?pageSize=100`, { token: admin.accessToken });
      expect(byEmail.status).toBe(200);
      expect(byEmail.body.data.map((session) => session.id)).toContain(one.session.id);
      expect(byEmail.body.data.filter((session) => session.userId !== one.user.id)).toEqual([]);
      const byId = await bff.request<Page<AdminSession>>('GET', `/admin/users/${one.user.id}/sessions?pageSize=100`, { token: admin.accessToken });
      expect(byId.body.data.map((session) => session.id)).toEqual(byEmail.body.data.map((session) => session.id));

      const open = await unrevokedSessionsOf(one.user.id);
      const result = await bff.request<{ revoked: number }>('DELETE', '/admin/users/alice/sessions', { token: admin.accessToken });
      expect(result.body).toEqual({ revoked: open.length });
      expectEnvelope(await bff.request('GET', '/auth/me', { token: one.accessToken }), 401, 'session_revoked');
      expectEnvelope(await bff.request('GET', `/admin/users/nobody-${randomUUID()}%40example.com/sessions`, { token: admin.accessToken }), 404, 'not_found');
    });

    it('bounds and validates paging', async () => {
      for (const query of ['pageSize=101', 'page=0', 'status=bogus', 'userId=abc', 'pageSize=-1']) {
        expectEnvelope(await bff.request('GET', `/admin/sessions?${query}`, { token: admin.accessToken }), 400, 'validation_failed');
      }
      const paged = await bff.request<Page<AdminSession>>('GET', '/admin/sessions?status=all&pageSize=2&page=2', { token: admin.accessToken });
      expect(paged.body.data.length).toBeLessThanOrEqual(2);
      expect(paged.body.meta).toMatchObject({ page: 2, pageSize: 2 });
      expect(paged.body.meta.total).toBeGreaterThan(2);
    });

    it('takes the admin role away at the next refresh when Strapi removes it', async () => {
      const strapi = strapiFixtureUrl();
      const bob = await login(bff, seedUsers.bob);
      expect((await request(strapi, 'PUT', `/api/test-admin/users/bob/role`, { json: { type: 'bff-admin' } })).status).toBe(200);
      try {
        const promoted = await refresh(bff, bob.refreshToken);
        expect(promoted.body.user.role).toBe('bff-admin');
        expect((await bff.request('GET', '/admin/sessions', { token: promoted.body.accessToken })).status).toBe(200);

        expect((await request(strapi, 'PUT', `/api/test-admin/users/bob/role`, { json: { type: 'authenticated' } })).status).toBe(200);
        const demoted = await refresh(bff, promoted.body.refreshToken);
        expect(demoted.body.user.role).toBe('authenticated');
        expectEnvelope(await bff.request('GET', '/admin/sessions', { token: demoted.body.accessToken }), 403, 'forbidden');
      } finally {
        await request(strapi, 'PUT', `/api/test-admin/users/bob/role`, { json: { type: 'authenticated' } });
      }
    });
  });

  describe('audit trail', () => {
    const eventsOf = async (query: string): Promise<AuditEvent[]> =>
      (await bff.request<Page<AuditEvent>>('GET', `/admin/audit-events?${query}&pageSize=100`, { token: admin.accessToken })).body.data;

    it('records sign-ins, failures (identifier only), revocations with actor and reason, and reuse', async () => {
      await bff.request('POST', '/auth/login', { json: { identifier: 'carol@example.com', password: 'the-wrong-one' }, headers: { 'x-request-id': 'audit-failed-login' } });
      const failed = (await eventsOf('type=login_failed')).find((event) => event.requestId === 'audit-failed-login');
      expect(failed).toMatchObject({ type: 'login_failed', details: { identifier: 'carol@example.com', code: 'invalid_credentials' }, ip: '127.0.0.1' });
      expect(JSON.stringify(await eventsOf('type=login_failed'))).not.toContain('the-wrong-one');

      const strict = await startBff({ REFRESH_REUSE_GRACE: '0' });
      try {
        const t0 = await login(strict, seedUsers.bob, 'audited');
        await refresh(strict, t0.refreshToken);
        await refresh(strict, t0.refreshToken);
        const events = await eventsOf(`sessionId=${t0.session.id}`);
        expect(events.map((event) => event.type)).toEqual(['session_revoked', 'refresh_token_reused', 'login_succeeded']);
        expect(events[0]).toMatchObject({ actor: 'system', reason: 'reuse_detected', userId: t0.user.id });
        expect(events[2]).toMatchObject({ ip: '127.0.0.1', userAgent: expect.any(String), requestId: expect.any(String) });
      } finally {
        await strict.close();
      }
    });

    it('records who revoked what, and filters by user, type and time', async () => {
      const since = new Date().toISOString();
      const victim = await login(bff, seedUsers.alice);
      await bff.request('DELETE', `/admin/sessions/${victim.session.id}`, { token: admin.accessToken, json: { reason: 'audit check' } });
      const revoked = await eventsOf(`userId=${victim.user.id}&type=session_revoked&from=${encodeURIComponent(since)}`);
      expect(revoked).toEqual([
        expect.objectContaining({ sessionId: victim.session.id, actor: `admin:${admin.user.id}`, reason: 'admin_revoked', details: { note: 'audit check' } }),
      ]);
      expect(await eventsOf(`userId=${victim.user.id}&to=${encodeURIComponent(since)}&from=${encodeURIComponent(since)}`)).toEqual([]);
      expectEnvelope(await bff.request('GET', '/admin/audit-events?type=nonsense', { token: admin.accessToken }), 400, 'validation_failed');
      expectEnvelope(await bff.request('GET', '/admin/audit-events?from=yesterday', { token: admin.accessToken }), 400, 'validation_failed');
    });

    it('records registrations', async () => {
      const username = `audited${Date.now()}`;
      const created = await bff.request<TokenBody>('POST', '/auth/register', { json: { username, email: `${username}@example.com`, password: 'Passw0rd!' } });
      // By session: other test files run other Strapi instances, whose user ids overlap with this one's.
      expect(await eventsOf(`sessionId=${created.body.session.id}&type=registered`)).toEqual([
        expect.objectContaining({ userId: created.body.user.id, type: 'registered' }),
      ]);
    });
  });
});
