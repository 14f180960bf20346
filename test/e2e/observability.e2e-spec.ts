import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { MetricsService } from '../../src/metrics/metrics.service';
import { request, startBff, withBff, type RunningBff } from '../support/bff';
import { testDatabaseUrl } from '../support/database';
import { expectEnvelope, login, refresh, until } from '../support/flows';
import { seedUsers } from '../support/strapi';

/** The value of one series in a Prometheus text exposition, e.g. `bff_logins_total{outcome="success"}`. */
function sample(exposition: string, series: string): number | undefined {
  const line = exposition.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const METRICS_TOKEN = 'scrape-token-for-the-metrics-test';

describe('metrics', () => {
  let bff: RunningBff;
  let db: Client;

  beforeAll(async () => {
    // No grace window, so a replayed refresh token is a reuse at once; one forgot-password per address.
    bff = await startBff({ REFRESH_REUSE_GRACE: '0s', EMAIL_FLOW_LIMIT_ADDRESS: '1/1h', METRICS_TOKEN });
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
  });
  afterAll(async () => {
    await bff.close();
    await db.end();
  });

  const scrape = async (): Promise<string> => {
    const response = await bff.request('GET', '/metrics', { token: METRICS_TOKEN });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text;
  };

  it('counts a scripted flow exactly: sign-ins, refreshes, a reuse, revocations, a proxied call and a refusal', async () => {
    const first = await login(bff, seedUsers.alice, 'metrics');
    expectEnvelope(await bff.request('POST', '/auth/login', { json: { identifier: seedUsers.alice.email, password: 'not-the-password' } }), 401, 'invalid_credentials');
    const rotated = await refresh(bff, first.refreshToken);
    expect(rotated.status).toBe(200);
    expectEnvelope(await refresh(bff, first.refreshToken), 401, 'refresh_token_reused');
    expectEnvelope(await refresh(bff, 'bffrt_not-a-real-token'), 401, 'invalid_refresh_token');

    const second = await login(bff, seedUsers.alice, 'metrics');
    expect((await bff.request('POST', '/auth/logout', { token: second.accessToken })).status).toBe(204);

    expect((await bff.request('GET', '/api/articles')).status).toBe(200);

    const email = `metrics-${randomUUID()}@example.com`;
    expect((await bff.request('POST', '/auth/forgot-password', { json: { email } })).status).toBe(204);
    expectEnvelope(await bff.request('POST', '/auth/forgot-password', { json: { email } }), 429, 'rate_limited');

    const text = await scrape();
    expect({
      loginsOk: sample(text, 'bff_logins_total{outcome="success"}'),
      loginsFailed: sample(text, 'bff_logins_total{outcome="failure"}'),
      loginsLimited: sample(text, 'bff_logins_total{outcome="rate_limited"}'),
      refreshOk: sample(text, 'bff_refreshes_total{outcome="success"}'),
      refreshReused: sample(text, 'bff_refreshes_total{outcome="reused"}'),
      refreshInvalid: sample(text, 'bff_refreshes_total{outcome="invalid"}'),
      reuseDetected: sample(text, 'bff_refresh_reuse_detected_total'),
      revokedForReuse: sample(text, 'bff_sessions_revoked_total{reason="reuse_detected"}'),
      revokedAtLogout: sample(text, 'bff_sessions_revoked_total{reason="logout"}'),
      limitedForgot: sample(text, 'bff_rate_limited_total{route="forgot_password"}'),
      limitedLogin: sample(text, 'bff_rate_limited_total{route="login"}'),
      strapiLoginsOk: sample(text, 'bff_upstream_requests_total{route="login",status_class="2xx"}'),
      strapiLoginsRefused: sample(text, 'bff_upstream_requests_total{route="login",status_class="4xx"}'),
      strapiForgot: sample(text, 'bff_upstream_requests_total{route="forgot_password",status_class="2xx"}'),
      strapiLoginTimings: sample(text, 'bff_upstream_duration_seconds_count{route="login"}'),
      proxied2xx: sample(text, 'bff_proxy_duration_seconds_count{status_class="2xx"}'),
      proxied4xx: sample(text, 'bff_proxy_duration_seconds_count{status_class="4xx"}'),
    }).toEqual({
      loginsOk: 2,
      loginsFailed: 1,
      loginsLimited: 0,
      refreshOk: 1,
      refreshReused: 1,
      refreshInvalid: 1,
      reuseDetected: 1,
      revokedForReuse: 1,
      revokedAtLogout: 1,
      limitedForgot: 1,
      limitedLogin: 0,
      strapiLoginsOk: 2,
      strapiLoginsRefused: 1,
      strapiForgot: 1,
      strapiLoginTimings: 3,
      proxied2xx: 1,
      proxied4xx: undefined,
    });
    expect(sample(text, 'bff_proxy_duration_seconds_bucket{le="+Inf",status_class="2xx"}')).toBe(1);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('reports the active sessions as the database counts them, recounted at most every 30 s', async () => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM bff_sessions WHERE revoked_at IS NULL AND expires_at > now() AND last_used_at > now() - interval '7 days'`,
    );
    const before = sample(await scrape(), 'bff_active_sessions');
    expect(before).toBe(rows[0].n);
    await login(bff, seedUsers.bob, 'metrics');
    expect(sample(await scrape(), 'bff_active_sessions')).toBe(before);
  });

  it('answers a scrape without the METRICS_TOKEN, or with another, 401 in the error envelope', async () => {
    expectEnvelope(await bff.request('GET', '/metrics'), 401, 'unauthorized');
    expectEnvelope(await bff.request('GET', '/metrics', { token: `${METRICS_TOKEN}-not` }), 401, 'unauthorized');
    expectEnvelope(await bff.request('GET', '/metrics', { headers: { authorization: `Basic ${METRICS_TOKEN}` } }), 401, 'unauthorized');
  });

  it('serves /metrics only on METRICS_PORT when that is set', async () => {
    await withBff({ METRICS_PORT: '0' }, async (own) => {
      expectEnvelope(await own.request('GET', '/metrics'), 404, 'not_found');
      const port = own.app.get(MetricsService).ownPort();
      expect(port).toEqual(expect.any(Number));
      const scraped = await request(`http://127.0.0.1:${String(port)}`, 'GET', '/metrics');
      expect(scraped.status).toBe(200);
      expect(scraped.text).toContain('bff_logins_total{outcome="success"} 0');
      expectEnvelope(await request(`http://127.0.0.1:${String(port)}`, 'GET', '/auth/me'), 404, 'not_found');
    });
  });
});

describe('logs', () => {
  let bff: RunningBff;
  beforeAll(async () => {
    bff = await startBff({ REFRESH_REUSE_GRACE: '0s' });
  });
  afterAll(() => bff.close());

  const linesWith = (requestId: string): Record<string, unknown>[] =>
    bff.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.requestId === requestId);

  it('gives a service line written during a request ("Sessions revoked") that request’s id', async () => {
    const tokens = await login(bff, seedUsers.bob, 'log test');
    const requestId = `logout-${randomUUID()}`;
    expect((await bff.request('POST', '/auth/logout', { token: tokens.accessToken, headers: { 'x-request-id': requestId } })).status).toBe(204);
    await until('the access-log line of the logout', () => linesWith(requestId).some((entry) => entry.msg === 'request completed'));
    expect(linesWith(requestId).map((entry) => entry.msg)).toEqual(expect.arrayContaining(['Sessions revoked', 'request completed']));
    expect(linesWith(requestId).find((entry) => entry.msg === 'Sessions revoked')).toMatchObject({ context: 'SessionRevoker', reason: 'logout', actor: 'self' });
  });

  it('gives the reuse warning and the revocation it causes the refresh request’s id', async () => {
    const tokens = await login(bff, seedUsers.bob, 'log test');
    expect((await refresh(bff, tokens.refreshToken)).status).toBe(200);
    const requestId = `reuse-${randomUUID()}`;
    const replay = await bff.request('POST', '/auth/refresh', { json: { refreshToken: tokens.refreshToken }, headers: { 'x-request-id': requestId } });
    expectEnvelope(replay, 401, 'refresh_token_reused');
    expect(linesWith(requestId).map((entry) => entry.msg)).toEqual(expect.arrayContaining(['Sessions revoked', 'Refresh token reuse detected; session revoked']));
  });
});
