import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Logger } from '@nestjs/common';
import { AppError } from '../../src/common/app-error';
import type { AppConfig } from '../../src/config/app-config';
import { parseSigningKey } from '../../src/config/keys';
import type { SessionEntity } from '../../src/sessions/session.entity';
import type { StrapiClient } from '../../src/strapi/strapi.client';
import type { StrapiAccountStatus, StrapiTokenPair, StrapiUser } from '../../src/strapi/strapi.types';
import { openTestDataSource } from '../support/database';
import { sessionServices, type SessionServices } from '../support/session-services';

const config = {
  tokens: { accessTtlMs: 900_000, refreshTtlMs: 30 * 86_400_000, refreshIdleTtlMs: 7 * 86_400_000, reuseGraceMs: 10_000, issuer: 'bff', audience: 'bff' },
  sessionCacheTtlMs: 500,
  refreshRevalidate: false,
  strapi: { refreshAheadMs: 30_000 },
  retention: { intervalMs: 3_600_000 },
  keys: { sessionEncryptionKey: randomBytes(32), signing: parseSigningKey(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()), previousVerificationKeys: [] },
} as unknown as AppConfig;

/** A Strapi-like token whose payload says when it expires; only `exp` matters to the BFF. */
const tokenExpiringIn = (ms: number): string => `h.${Buffer.from(JSON.stringify({ exp: Math.floor((Date.now() + ms) / 1000) })).toString('base64url')}.s-${randomBytes(6).toString('hex')}`;

/**
 * Strapi at our own adapter seam, and nothing else faked: the sessions, their sealed credentials,
 * the row lock and the revocations are the real code on the real Postgres. Its refresh endpoint
 * can be held open, refuse, or be away.
 */
class FakeStrapi {
  refreshCalls = 0;
  logouts = 0;
  refreshAnswer: () => Promise<StrapiTokenPair> = () => Promise.resolve({ jwt: tokenExpiringIn(600_000), refreshToken: tokenExpiringIn(14 * 86_400_000) });
  account: StrapiAccountStatus | undefined;
  user: StrapiUser = { id: 0, username: '', email: '' };

  readonly client: StrapiClient;

  constructor() {
    const strapi = {
      me: () => Promise.resolve(this.user),
      refreshTokens: () => {
        this.refreshCalls++;
        return this.refreshAnswer();
      },
      logout: () => {
        this.logouts++;
        return Promise.resolve(true);
      },
      accountStatus: () => Promise.resolve(this.account ?? 'active'),
    };
    Object.defineProperty(strapi, 'canLookUpAccounts', { get: () => this.account !== undefined });
    this.client = strapi as unknown as StrapiClient;
  }
}
let fake: FakeStrapi;

let userSeq = 7_000;

describe('StrapiCredentials: Strapi’s JWT, sealed, renewed once, ended with the session', () => {
  let dbA: DataSource;
  let dbB: DataSource;
  let a: SessionServices;
  let b: SessionServices;

  beforeAll(async () => {
    // Deferred renewals warn by design; keep the output quiet.
    Logger.overrideLogger(false);
    dbA = await openTestDataSource();
    dbB = await openTestDataSource();
  });
  afterAll(async () => {
    Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']);
    await Promise.all([dbA.destroy(), dbB.destroy()]);
  });
  beforeEach(() => {
    fake = new FakeStrapi();
    a = sessionServices(dbA, config, fake.client);
    b = sessionServices(dbB, config, fake.client);
  });

  /** A session signed in with a Strapi JWT that expires in `jwtMs` (and, in refresh mode, Strapi's refresh token). */
  async function signedIn(jwtMs: number, refreshMode = true): Promise<SessionEntity> {
    const id = userSeq++;
    fake.user = { id, username: `cred${id}`, email: `cred${id}@example.com`, role: { id: 1, name: 'Authenticated', type: 'authenticated' } };
    const response = await a.issuer.signIn(
      { jwt: tokenExpiringIn(jwtMs), refreshToken: refreshMode ? tokenExpiringIn(14 * 86_400_000) : undefined, user: fake.user },
      undefined,
      { requestId: 'test', ip: undefined, userAgent: undefined },
    );
    return (await a.repository.getById(response.session.id))!;
  }

  it('never renews in Strapi’s legacy mode, nor before STRAPI_REFRESH_AHEAD', async () => {
    const legacy = await signedIn(5_000, false);
    const fresh = await signedIn(120_000);
    expect([a.credentials.isDue(legacy), a.credentials.isDue(fresh), a.credentials.isDue(await signedIn(20_000))]).toEqual([false, false, true]);
    await expect(a.credentials.jwtFor(fresh)).resolves.toBe(a.credentials.strapiJwt(fresh));
    expect(fake.refreshCalls).toBe(0);
  });

  it('renews once for concurrent callers on two instances, and stores the new JWT sealed', async () => {
    const session = await signedIn(10_000);
    let release!: () => void;
    const renewed = { jwt: tokenExpiringIn(600_000), refreshToken: tokenExpiringIn(14 * 86_400_000) };
    fake.refreshAnswer = () => new Promise((resolve) => (release = () => resolve(renewed)));
    const callers = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).credentials.jwtFor(session));
    while (fake.refreshCalls === 0) await new Promise((resolve) => setImmediate(resolve));
    release();
    await expect(Promise.all(callers)).resolves.toEqual(Array(12).fill(renewed.jwt));
    expect(fake.refreshCalls).toBe(1);
    const stored = (await a.repository.getById(session.id))!;
    expect(stored.strapiJwtEncrypted).not.toContain(renewed.jwt.split('.')[1]);
    expect(a.credentials.strapiJwt(stored)).toBe(renewed.jwt);
    expect(a.credentials.strapiRefreshToken(stored)).toBe(renewed.refreshToken);
  });

  it('keeps using a JWT that is still valid while Strapi can’t renew it, and changes nothing', async () => {
    const session = await signedIn(10_000);
    fake.refreshAnswer = () => Promise.reject(new AppError('upstream_unavailable', 'down'));
    await expect(a.credentials.jwtFor(session)).resolves.toBe(a.credentials.strapiJwt(session));
    expect(await a.repository.getById(session.id)).toMatchObject({ strapiJwtEncrypted: session.strapiJwtEncrypted, revokedAt: null });
  });

  it('fails with the fault once the JWT has expired, and leaves the session intact', async () => {
    const session = await signedIn(-1_000);
    fake.refreshAnswer = () => Promise.reject(new AppError('upstream_unavailable', 'down'));
    await expect(a.credentials.jwtFor(session)).rejects.toMatchObject({ code: 'upstream_unavailable', status: 503 });
    expect((await a.repository.getById(session.id))?.revokedAt).toBeNull();
  });

  it('ends the session as upstream_rejected when Strapi refuses its refresh token, and logs it out of Strapi', async () => {
    const session = await signedIn(10_000);
    fake.refreshAnswer = () => Promise.reject(new AppError('session_expired', 'refused'));
    await expect(a.credentials.jwtFor(session)).rejects.toMatchObject({ code: 'session_expired', status: 401 });
    expect(await a.repository.getById(session.id)).toMatchObject({ revokedReason: 'upstream_rejected', revokedBy: 'system' });
  });

  it('ends every session of a blocked account when Strapi refuses and the API token says blocked', async () => {
    const session = await signedIn(10_000);
    const other = (await a.repository.getById((await a.issuer.signIn({ jwt: tokenExpiringIn(600_000), user: fake.user }, undefined, { requestId: 't', ip: undefined, userAgent: undefined })).session.id))!;
    fake.account = 'blocked';
    fake.refreshAnswer = () => Promise.reject(new AppError('session_expired', 'refused'));
    await expect(a.credentials.jwtFor(session)).rejects.toMatchObject({ code: 'account_blocked', status: 403 });
    expect((await a.repository.getById(other.id))?.revokedReason).toBe('account_blocked');
  });

  it('answers with the verdict when the session ended elsewhere, whatever time its JWT has left', async () => {
    const session = await signedIn(10_000);
    await b.revoker.revoke({ sessionId: session.id }, { reason: 'account_deleted', actor: 'system' });
    await expect(a.credentials.jwtFor(session)).rejects.toMatchObject({ code: 'account_deleted', status: 401 });
    expect(fake.refreshCalls).toBe(0);
  });
});
