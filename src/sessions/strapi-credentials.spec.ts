import { Logger } from '@nestjs/common';
import { AppError } from '../common/app-error';
import type { AppConfig } from '../config/app-config';
import type { StrapiClient } from '../strapi/strapi.client';
import type { SessionEntity } from './session.entity';
import type { RenewalOutcome, SessionService } from './session.service';
import type { SessionsRepository } from './sessions.repository';
import { StrapiCredentials } from './strapi-credentials';

/** A Strapi-like JWT whose payload says when it expires; only `exp` matters here. */
const jwtExpiringIn = (ms: number): string =>
  `h.${Buffer.from(JSON.stringify({ exp: Math.floor((Date.now() + ms) / 1000) })).toString('base64url')}.s-${ms}`;

function sessionWith(jwt: string, refreshMode = true): SessionEntity {
  const exp = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as { exp: number };
  return { id: 'session-1', strapiJwtEncrypted: `sealed:${jwt}`, strapiJwtExpiresAt: new Date(exp.exp * 1000), strapiRefreshEncrypted: refreshMode ? 'sealed-refresh' : null } as SessionEntity;
}

/**
 * StrapiCredentials decides when a Strapi JWT is renewed and what happens when that fails. The
 * locked renewal itself (SessionService) runs against real Postgres and Strapi in the e2e suite
 * (strapi-refresh-mode.refresh-spec.ts); here it is replaced to pin down the decisions.
 */
describe('StrapiCredentials', () => {
  // The fallback path warns by design; keep the test output quiet.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']);
  });

  let renew: jest.Mock<Promise<RenewalOutcome>, []>;
  let credentials: StrapiCredentials;

  beforeEach(() => {
    renew = jest.fn<Promise<RenewalOutcome>, []>();
    const sessions = {
      onEnded: () => undefined,
      strapiJwt: (session: Pick<SessionEntity, 'strapiJwtEncrypted'>) => session.strapiJwtEncrypted.replace(/^sealed:/, ''),
      renewStrapiCredential: renew,
    } as unknown as SessionService;
    const config = { strapi: { refreshAheadMs: 30_000 }, retention: { intervalMs: 60_000 } } as AppConfig;
    credentials = new StrapiCredentials(sessions, {} as SessionsRepository, {} as StrapiClient, config);
  });

  it('never renews in Strapi’s legacy mode, and not before STRAPI_REFRESH_AHEAD', async () => {
    expect(credentials.isDue(sessionWith(jwtExpiringIn(5_000), false))).toBe(false);
    expect(credentials.isDue(sessionWith(jwtExpiringIn(120_000)))).toBe(false);
    expect(credentials.isDue(sessionWith(jwtExpiringIn(20_000)))).toBe(true);
    const fresh = jwtExpiringIn(120_000);
    await expect(credentials.jwtFor(sessionWith(fresh))).resolves.toBe(fresh);
    expect(renew).not.toHaveBeenCalled();
  });

  it('renews once for any number of concurrent callers, and hands them all the new JWT', async () => {
    const renewed = jwtExpiringIn(600_000);
    let finish!: () => void;
    renew.mockImplementation(() => new Promise((resolve) => (finish = () => resolve({ kind: 'renewed', session: sessionWith(renewed) }))));
    const session = sessionWith(jwtExpiringIn(10_000));
    const callers = Array.from({ length: 10 }, () => credentials.jwtFor(session));
    finish();
    await expect(Promise.all(callers)).resolves.toEqual(Array(10).fill(renewed));
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('keeps using a JWT that is still valid when Strapi can’t renew it yet', async () => {
    const current = jwtExpiringIn(10_000);
    renew.mockRejectedValue(new AppError('upstream_unavailable', 'down'));
    await expect(credentials.jwtFor(sessionWith(current))).resolves.toBe(current);
  });

  it('fails with the fault once the JWT has expired, and with the verdict when Strapi ended the session', async () => {
    renew.mockRejectedValue(new AppError('upstream_unavailable', 'down'));
    await expect(credentials.jwtFor(sessionWith(jwtExpiringIn(-1_000)))).rejects.toMatchObject({ code: 'upstream_unavailable' });

    renew.mockResolvedValue({ kind: 'ended', code: 'session_expired' });
    await expect(credentials.jwtFor(sessionWith(jwtExpiringIn(10_000)))).rejects.toMatchObject({ code: 'session_expired', status: 401 });
    renew.mockResolvedValue({ kind: 'ended', code: 'account_blocked' });
    await expect(credentials.jwtFor(sessionWith(jwtExpiringIn(10_000)))).rejects.toMatchObject({ code: 'account_blocked', status: 403 });
  });
});
