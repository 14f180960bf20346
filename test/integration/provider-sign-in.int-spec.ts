import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthService } from '../../src/auth/auth.service';
import { loadConfig } from '../../src/config/load-config';
import type { StrapiClient } from '../../src/strapi/strapi.client';
import type { StrapiAuthResult, StrapiUser } from '../../src/strapi/strapi.types';
import { openTestDataSource } from '../support/database';
import { authService, sessionServices, type SessionServices } from '../support/session-services';

/**
 * A successful provider callback can't be produced without an outside provider, so this test
 * stands in for Strapi at our own adapter seam (StrapiClient) and runs everything else for real:
 * sessions, rotation and the audit trail on Postgres.
 */
describe('provider sign-in from a successful Strapi callback', () => {
  let db: DataSource;
  let auth: AuthService;
  let sessions: SessionServices;
  const calls: { provider: string; query: string }[] = [];

  const user: StrapiUser = { id: 9_000_001, documentId: 'providerdoc', username: 'octocat', email: 'octocat@example.com', role: { id: 1, name: 'Authenticated', type: 'authenticated' } };
  const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const strapiJwt = `${b64({ alg: 'HS256' })}.${b64({ id: user.id, iat: 1, exp: Math.floor(Date.now() / 1000) + 3600 })}.sig`;

  beforeAll(async () => {
    db = await openTestDataSource();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'bff-provider-')),
      REFRESH_REVALIDATE: 'false',
      SESSION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      JWT_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    });
    const strapi = {
      providerCallback: (provider: string, query: string): Promise<StrapiAuthResult> => {
        calls.push({ provider, query });
        return Promise.resolve({ jwt: strapiJwt, user: { ...user, role: undefined } });
      },
      me: () => Promise.resolve(user),
    } as unknown as StrapiClient;
    sessions = sessionServices(db, config, strapi);
    auth = authService(db, config, strapi, sessions);
  });
  afterAll(() => db.destroy());

  it('starts a BFF session like a password login, keeps Strapi’s JWT server-side, and records the sign-in', async () => {
    const context = { requestId: 'provider-test', ip: '203.0.113.9', userAgent: 'test' };
    const response = await auth.providerSignIn('github', 'access_token=provider-token&raw%5Bscope%5D=user', context);

    expect(calls).toEqual([{ provider: 'github', query: 'access_token=provider-token&raw%5Bscope%5D=user' }]);
    expect(response).toMatchObject({ tokenType: 'Bearer', user: { id: user.id, username: 'octocat', role: 'authenticated' } });
    expect(JSON.stringify(response)).not.toContain(strapiJwt);

    const session = await sessions.repository.getById(response.session.id);
    expect(session).toMatchObject({ userId: user.id, ip: '203.0.113.9' });
    expect(session && sessions.credentials.strapiJwt(session)).toBe(strapiJwt);
    const rotated = await auth.refresh(response.refreshToken, context);
    expect(rotated.session.id).toBe(response.session.id);

    const events = await db.query<{ type: string; details: { provider: string } }[]>(`SELECT type, details FROM bff_audit_events WHERE session_id = $1`, [response.session.id]);
    expect(events).toEqual([{ type: 'login_succeeded', details: { provider: 'github' } }]);
  });
});
