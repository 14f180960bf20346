import { randomUUID } from 'node:crypto';
import { request, startBff, strapiFixtureUrl, withBff, type RunningBff } from '../support/bff';
import { decodeJwtPart, expectEnvelope, login, refresh, type TokenBody } from '../support/flows';
import { isRefreshMode } from '../support/mode';
import { fixtureApiToken, seedUsers } from '../support/strapi';

/**
 * What an admin does to an account in Strapi reaches its BFF sessions at the next refresh.
 * Runs against Strapi in both its legacy and refresh modes (jest projects e2e and e2e-refresh).
 */
describe('blocked and deleted accounts', () => {
  let bff: RunningBff;
  const strapi = (): string => strapiFixtureUrl();

  /** A throwaway account (blocking or deleting a seeded user would disturb the other tests). */
  async function newAccount(on: RunningBff): Promise<{ username: string; phone: TokenBody; laptop: TokenBody }> {
    const username = `life${randomUUID().slice(0, 8)}`;
    const credentials = { username, email: `${username}@example.com`, password: 'Passw0rd!' };
    const registered = await on.request<TokenBody>('POST', '/auth/register', { json: { ...credentials, deviceName: 'phone' } });
    expect(registered.status).toBe(201);
    const laptop = await on.request<TokenBody>('POST', '/auth/login', { json: { identifier: username, password: 'Passw0rd!', deviceName: 'laptop' } });
    expect(laptop.status).toBe(200);
    return { username, phone: registered.body, laptop: laptop.body };
  }

  const block = async (username: string): Promise<void> => {
    expect((await request(strapi(), 'PUT', `/api/test-admin/users/${username}/blocked`, { json: { blocked: true } })).status).toBe(200);
  };
  const remove = async (username: string): Promise<void> => {
    expect((await request(strapi(), 'DELETE', `/api/test-admin/users/${username}`)).status).toBe(200);
  };

  beforeAll(async () => {
    bff = await startBff();
  });
  afterAll(() => bff.close());

  it('ends every session of a user blocked in Strapi at the next refresh: 403 account_blocked', async () => {
    const { username, phone, laptop } = await newAccount(bff);
    expect((await refresh(bff, phone.refreshToken)).status).toBe(200);

    await block(username);
    expectEnvelope(await refresh(bff, laptop.refreshToken), 403, 'account_blocked');
    // The other device is out too, and its access token stops working at once.
    expectEnvelope(await bff.request('GET', '/auth/me', { token: phone.accessToken }), 403, 'account_blocked');
    expectEnvelope(await refresh(bff, phone.refreshToken), 403, 'account_blocked');
    // Signing in again is refused by Strapi itself.
    expectEnvelope(await bff.request('POST', '/auth/login', { json: { identifier: username, password: 'Passw0rd!' } }), 403, 'account_blocked');
  });

  it('tells a deleted account from a blocked one when STRAPI_API_TOKEN is set: 401 account_deleted', async () => {
    await withBff({ STRAPI_API_TOKEN: fixtureApiToken }, async (withToken) => {
      const gone = await newAccount(withToken);
      await remove(gone.username);
      expectEnvelope(await refresh(withToken, gone.phone.refreshToken), 401, 'account_deleted');
      expectEnvelope(await refresh(withToken, gone.laptop.refreshToken), 401, 'account_deleted');

      const blocked = await newAccount(withToken);
      await block(blocked.username);
      expectEnvelope(await refresh(withToken, blocked.phone.refreshToken), 403, 'account_blocked');
    });
  });

  it('records why the sessions ended, in the sessions and in the audit trail', async () => {
    await withBff({ STRAPI_API_TOKEN: fixtureApiToken }, async (withToken) => {
      const { username, phone, laptop } = await newAccount(withToken);
      await block(username);
      expectEnvelope(await refresh(withToken, phone.refreshToken), 403, 'account_blocked');

      const admin = await login(withToken, seedUsers.admin);
      // By session id: SQLite-backed Strapi reuses the ids of deleted users, so user ids can repeat here.
      const sessions = await withToken.request<{ data: { id: string; revokedReason: string; revokedBy: string }[] }>('GET', `/admin/sessions?userId=${phone.user.id}&status=all&pageSize=100`, {
        token: admin.accessToken,
      });
      for (const id of [phone.session.id, laptop.session.id]) {
        expect(sessions.body.data.find((session) => session.id === id)).toMatchObject({ revokedReason: 'account_blocked', revokedBy: 'system' });
        const events = await withToken.request<{ data: { type: string; reason: string; actor: string }[] }>('GET', `/admin/audit-events?sessionId=${id}&type=session_revoked`, {
          token: admin.accessToken,
        });
        expect(events.body.data).toEqual([expect.objectContaining({ reason: 'account_blocked', actor: 'system' })]);
      }
    });
  });

  it('puts a role changed in Strapi into the next access token', async () => {
    const { username, phone } = await newAccount(bff);
    expect((await request(strapi(), 'PUT', `/api/test-admin/users/${username}/role`, { json: { type: 'bff-admin' } })).status).toBe(200);
    const promoted = await refresh(bff, phone.refreshToken);
    expect(promoted.status).toBe(200);
    expect(promoted.body.user.role).toBe('bff-admin');
    expect(decodeJwtPart(promoted.body.accessToken, 1).role).toBe('bff-admin');
  });

  it('with REFRESH_REVALIDATE=false, refreshes without asking Strapi: availability over freshness', async () => {
    await withBff({ REFRESH_REVALIDATE: 'false' }, async (lenient) => {
      const { username, phone } = await newAccount(lenient);
      await block(username);
      // The documented trade-off: the block is not seen at refresh, and the role stays as it was.
      const rotated = await refresh(lenient, phone.refreshToken);
      expect({ status: rotated.status, role: rotated.body.user.role }).toEqual({ status: 200, role: 'authenticated' });
    });
  });

  it('ends a deleted user’s session without the API token too, as Strapi refuses its credential', async () => {
    const { username, phone } = await newAccount(bff);
    await remove(username);
    const response = await refresh(bff, phone.refreshToken);
    // Strapi answers a deleted user exactly as a blocked one (legacy mode) or as a bad token
    // (refresh mode); without STRAPI_API_TOKEN the BFF can only report what Strapi said.
    expectEnvelope(response, isRefreshMode() ? 401 : 403, isRefreshMode() ? 'session_expired' : 'account_blocked');
    expectEnvelope(await refresh(bff, phone.refreshToken), response.status, (response.body as { code: string }).code);
  });
});
