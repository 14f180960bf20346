import { Client } from 'pg';
import { request as httpRequest, startBff, strapiFixtureUrl, testKeys, type RunningBff } from '../support/bff';
import { testDatabaseUrl } from '../support/database';
import { login, refresh, type TokenBody } from '../support/flows';
import { SecretBox } from '../../src/tokens/secret-box';
import { isRefreshMode } from '../support/mode';
import { seedUsers } from '../support/strapi';

describe('secrets stay secret', () => {
  let bff: RunningBff;
  let db: Client;
  let strapiJwt: string;

  beforeAll(async () => {
    bff = await startBff();
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    // What Strapi itself hands out for alice: the BFF must never pass this on.
    const direct = await httpRequest<{ jwt: string }>(strapiFixtureUrl(), 'POST', '/api/auth/local', {
      json: { identifier: seedUsers.alice.email, password: seedUsers.alice.password },
    });
    strapiJwt = direct.body.jwt;
  });
  afterAll(async () => {
    await Promise.all([bff.close(), db.end()]);
  });

  it('never returns the Strapi JWT, from any endpoint', async () => {
    const bodies: string[] = [];
    const first = await bff.request<TokenBody>('POST', '/auth/login', { json: { identifier: 'alice', password: seedUsers.alice.password } });
    bodies.push(first.text);
    const rotated = await refresh(bff, first.body.refreshToken);
    bodies.push(rotated.text);
    bodies.push((await bff.request('GET', '/auth/me', { token: rotated.body.accessToken })).text);
    bodies.push((await bff.request('GET', '/.well-known/jwks.json')).text);
    bodies.push((await bff.request('GET', '/docs-json')).text);

    const stored = (await db.query('SELECT strapi_jwt_enc, strapi_refresh_enc FROM bff_sessions WHERE id = $1', [first.body.session.id])).rows[0] as {
      strapi_jwt_enc: string;
      strapi_refresh_enc: string | null;
    };
    expect(stored.strapi_jwt_enc).toMatch(/^v1\./);
    // The exact JWT this session holds, recovered with the key the database does not have.
    const box = new SecretBox(Buffer.from(testKeys.SESSION_ENCRYPTION_KEY, 'base64'));
    const held = box.open(stored.strapi_jwt_enc, `session:${first.body.session.id}:strapi-jwt`);
    expect(held.split('.')).toHaveLength(3);
    expect(stored.strapi_jwt_enc).not.toContain(held.split('.')[2]);
    // In Strapi's refresh mode, Strapi's refresh token is held the same way.
    const heldRefresh = stored.strapi_refresh_enc === null ? undefined : box.open(stored.strapi_refresh_enc, `session:${first.body.session.id}:strapi-refresh`);
    expect(heldRefresh === undefined).toBe(!isRefreshMode());
    const heldSecrets = [held, held.split('.')[2], ...(heldRefresh ? [heldRefresh, heldRefresh.split('.')[2]] : [])];
    expect(bff.logs.join('\n')).not.toContain(held.split('.')[2]);
    for (const body of bodies) {
      for (const secret of heldSecrets) expect(body).not.toContain(secret);
      // Strapi's JWTs for alice share header and payload prefix; the signature part is unique to a token.
      expect(body).not.toContain(strapiJwt.split('.')[0] + '.' + strapiJwt.split('.')[1].slice(0, 10));
      expect(body).not.toMatch(/"jwt"/);
    }
  });

  it('keeps the database useless on its own: no token in clear, and nothing in it refreshes a session', async () => {
    const tokens = await login(bff, seedUsers.bob);
    const sessions = await db.query('SELECT * FROM bff_sessions WHERE id = $1', [tokens.session.id]);
    const chain = await db.query('SELECT * FROM bff_refresh_tokens WHERE session_id = $1', [tokens.session.id]);
    const dump = JSON.stringify([sessions.rows, chain.rows]);
    expect(dump).not.toContain(tokens.refreshToken);
    expect(dump).not.toContain(tokens.accessToken);
    expect(dump).not.toContain('eyJ');
    expect(dump).not.toContain(testKeys.SESSION_ENCRYPTION_KEY);

    // Anything an attacker could lift from the dump is refused as a refresh token.
    const row = chain.rows[0] as { token_hash: string };
    for (const candidate of [row.token_hash, `bffrt_${Buffer.from(row.token_hash, 'hex').toString('base64url')}`]) {
      const response = await refresh(bff, candidate);
      expect(response.status).toBe(401);
    }
    expect((await refresh(bff, tokens.refreshToken)).status).toBe(200);
  });

  it('writes no password, token, cookie or Authorization value to the logs', async () => {
    const tokens = await login(bff, seedUsers.alice);
    const rotated = await refresh(bff, tokens.refreshToken);
    await bff.request('GET', '/auth/me', { token: rotated.body.accessToken, headers: { cookie: 'tracking=cookie-secret-value' } });
    await bff.request('POST', '/auth/login', { json: { identifier: 'alice', password: 'wrong-password-in-logs?' } });
    await bff.request('POST', '/auth/logout', { token: rotated.body.accessToken });
    await bff.request('GET', '/auth/me', { token: rotated.body.accessToken });

    const logs = bff.logs.join('\n');
    expect(logs).toContain('request completed');
    for (const secret of [
      seedUsers.alice.password,
      'wrong-password-in-logs?',
      tokens.accessToken,
      tokens.refreshToken,
      rotated.body.accessToken,
      rotated.body.refreshToken,
      'cookie-secret-value',
      'Bearer ',
      strapiJwt.split('.')[0] + '.' + strapiJwt.split('.')[1],
      testKeys.SESSION_ENCRYPTION_KEY,
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
