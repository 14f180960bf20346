import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { parseSigningKey } from '../../src/config/keys';
import type { StrapiClient } from '../../src/strapi/strapi.client';
import type { StrapiUser } from '../../src/strapi/strapi.types';
import { openTestDataSource } from '../support/database';
import { sessionServices, type SessionServices } from '../support/session-services';

/**
 * The rotation engine on a real Postgres, below HTTP. Two DataSources with their own pools
 * stand in for two BFF instances sharing one database.
 */
const config = {
  tokens: { accessTtlMs: 900_000, refreshTtlMs: 30 * 86_400_000, refreshIdleTtlMs: 7 * 86_400_000, reuseGraceMs: 10_000, issuer: 'bff', audience: 'bff' },
  sessionCacheTtlMs: 500,
  refreshRevalidate: false,
  strapi: { refreshAheadMs: 30_000 },
  retention: { intervalMs: 3_600_000 },
  keys: { sessionEncryptionKey: randomBytes(32), signing: parseSigningKey(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()), previousVerificationKeys: [] },
} as unknown as AppConfig;

/**
 * One BFF instance's session services on its own DataSource, with shorthands for the tests below.
 * Strapi is faked at our own adapter seam: these tests are about rotation on Postgres.
 */
function instance(dataSource: DataSource) {
  let current: StrapiUser = { id: 0, username: '', email: '' };
  const services: SessionServices = sessionServices(dataSource, config, { me: () => Promise.resolve(current), canLookUpAccounts: false } as unknown as StrapiClient);
  return {
    ...services,
    async start(input: ReturnType<typeof startInput>) {
      current = { ...input.user, role: { id: 1, name: 'Authenticated', type: input.role } };
      const response = await services.issuer.signIn({ jwt: input.strapi.jwt, user: input.user }, undefined, { requestId: 'test', ip: undefined, userAgent: undefined });
      const session = (await services.repository.getById(response.session.id))!;
      return { session, refreshToken: response.refreshToken, refreshExpiresAt: services.issuer.refreshExpiresAt(session) };
    },
    refresh: (token: string, options: { now?: Date } = {}) => services.refresher.refresh(token, undefined, options.now),
    getById: (id: string) => services.repository.getById(id),
    strapiJwt: (session: Parameters<typeof services.credentials.strapiJwt>[0]) => services.credentials.strapiJwt(session),
    requireActive: (id: string, userId: number) => services.active.requireActive(id, userId),
    revoke: (...args: Parameters<typeof services.revoker.revoke>) => services.revoker.revoke(...args),
  };
}

const fakeStrapiJwt = (expSeconds: number): string =>
  `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(JSON.stringify({ id: 1, iat: 1, exp: expSeconds })).toString('base64url')}.sig-${randomBytes(8).toString('hex')}`;

let userSeq = 1000;
function startInput(jwt = fakeStrapiJwt(Math.floor(Date.now() / 1000) + 86_400 * 30)) {
  const id = userSeq++;
  return { user: { id, documentId: `doc${id}`, username: `user${id}`, email: `user${id}@example.com` }, role: 'authenticated', strapi: { jwt } };
}

describe('session rotation on Postgres', () => {
  let dbA: DataSource;
  let dbB: DataSource;
  let a: ReturnType<typeof instance>;
  let b: ReturnType<typeof instance>;

  beforeAll(async () => {
    dbA = await openTestDataSource();
    dbB = await openTestDataSource();
    a = instance(dbA);
    b = instance(dbB);
  });

  afterAll(async () => {
    await dbA.destroy();
    await dbB.destroy();
  });

  async function chainOf(sessionId: string): Promise<{ generation: number; rotated: boolean }[]> {
    const rows: { generation: number; rotated_at: Date | null }[] = await dbA.query(
      'SELECT generation, rotated_at FROM bff_refresh_tokens WHERE session_id = $1 ORDER BY generation',
      [sessionId],
    );
    return rows.map((row) => ({ generation: row.generation, rotated: row.rotated_at !== null }));
  }

  it('keeps a single chain when 20 refreshes of one token race across two instances', async () => {
    const { session, refreshToken } = await a.start(startInput());
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).refresh(refreshToken)));

    const successors = new Set(results.map((result) => result.refreshToken));
    expect(successors.size).toBe(1);
    expect(await chainOf(session.id)).toEqual([
      { generation: 0, rotated: true },
      { generation: 1, rotated: false },
    ]);
    const [successor] = successors;
    const next = await b.refresh(successor);
    expect(next.session.refreshGeneration).toBe(2);
    expect((await a.getById(session.id))?.revokedAt).toBeNull();
  });

  it('revokes the whole session when any rotated-away token is replayed after the grace window', async () => {
    const { session, refreshToken: t0 } = await a.start(startInput());
    const start = Date.now();
    const t1 = (await a.refresh(t0, { now: new Date(start + 1_000) })).refreshToken;
    const t2 = (await a.refresh(t1, { now: new Date(start + 2_000) })).refreshToken;
    const t3 = (await a.refresh(t2, { now: new Date(start + 3_000) })).refreshToken;

    await expect(b.refresh(t0, { now: new Date(start + 4_000) })).rejects.toMatchObject({ code: 'refresh_token_reused', status: 401 });
    await expect(a.refresh(t3, { now: new Date(start + 5_000) })).rejects.toMatchObject({ code: 'session_revoked' });
    const revoked = await a.getById(session.id);
    expect(revoked).toMatchObject({ revokedReason: 'reuse_detected', revokedBy: 'system' });
  });

  it('treats the previous token as reuse one moment after the grace window closes', async () => {
    const { session, refreshToken: t0 } = await a.start(startInput());
    const rotatedAt = Date.now() + 1_000;
    const t1 = (await a.refresh(t0, { now: new Date(rotatedAt) })).refreshToken;
    const replay = await b.refresh(t0, { now: new Date(rotatedAt + 10_000) });
    expect(replay.refreshToken).toBe(t1);
    await expect(b.refresh(t0, { now: new Date(rotatedAt + 10_001) })).rejects.toMatchObject({ code: 'refresh_token_reused' });
    expect((await a.getById(session.id))?.revokedReason).toBe('reuse_detected');
  });

  it('ends an idle session and records why', async () => {
    const { session, refreshToken } = await a.start(startInput());
    await expect(a.refresh(refreshToken, { now: new Date(Date.now() + config.tokens.refreshIdleTtlMs + 1_000) })).rejects.toMatchObject({
      code: 'session_expired',
    });
    expect(await a.getById(session.id)).toMatchObject({ revokedReason: 'expired', revokedBy: 'system' });
  });

  it('never lets a session outlive the Strapi JWT it holds', async () => {
    const strapiExp = Math.floor(Date.now() / 1000) + 3_600;
    const { session, refreshExpiresAt } = await a.start(startInput(fakeStrapiJwt(strapiExp)));
    expect(session.expiresAt.getTime()).toBe(strapiExp * 1000);
    expect(refreshExpiresAt.getTime()).toBe(strapiExp * 1000);
  });

  it('refuses unknown and malformed tokens without touching any session', async () => {
    await expect(a.refresh(`bffrt_${randomBytes(32).toString('base64url')}`)).rejects.toMatchObject({ code: 'invalid_refresh_token' });
    await expect(a.refresh('not-a-token')).rejects.toMatchObject({ code: 'invalid_refresh_token' });
  });

  it('stores neither the refresh token nor the Strapi JWT in readable form', async () => {
    const input = startInput();
    const { session, refreshToken } = await a.start(input);
    const rotated = await a.refresh(refreshToken);
    const dump = JSON.stringify([
      await dbA.query('SELECT * FROM bff_sessions WHERE id = $1', [session.id]),
      await dbA.query('SELECT * FROM bff_refresh_tokens WHERE session_id = $1', [session.id]),
    ]);
    for (const secret of [refreshToken, rotated.refreshToken, input.strapi.jwt, input.strapi.jwt.split('.')[2]]) {
      expect(dump).not.toContain(secret);
    }
    expect(a.strapiJwt(rotated.session)).toBe(input.strapi.jwt);
  });

  it('sees a revocation made on another instance within the cache bound', async () => {
    const { session } = await a.start(startInput());
    await expect(b.requireActive(session.id, session.userId)).resolves.toMatchObject({ id: session.id });
    await a.revoke({ sessionId: session.id }, { reason: 'logout', actor: 'self' });
    await expect(a.requireActive(session.id, session.userId)).rejects.toMatchObject({ code: 'session_revoked' });
    await new Promise((resolve) => setTimeout(resolve, config.sessionCacheTtlMs + 10));
    await expect(b.requireActive(session.id, session.userId)).rejects.toMatchObject({ code: 'session_revoked' });
  });
});
