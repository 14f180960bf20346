import { Client } from 'pg';
import { request as httpRequest, startBff, strapiFixtureUrl, testKeys, type RunningBff } from '../support/bff';
import { testDatabaseUrl } from '../support/database';
import { login, refresh, type TokenBody } from '../support/flows';
import { SecretBox } from '../../src/tokens/secret-box';
import { isRefreshMode } from '../support/mode';
import { seedUsers } from '../support/strapi';
import { challengeFor, enrolTotp, registerUser, unusedCode, verify } from '../support/mfa';

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

  it('keeps TOTP secrets, recovery codes and mfaTokens out of the database dump and the logs', async () => {
    const user = await registerUser(bff, 'sec');
    const enrolled = await enrolTotp(bff, user.tokens.accessToken);
    const mfaToken = await challengeFor(bff, user);
    const verified = await verify(bff, mfaToken, 'totp', await unusedCode(enrolled));
    expect(verified.status).toBe(200);
    const viaRecovery = await verify(bff, await challengeFor(bff, user), 'recovery_code', enrolled.recoveryCodes[0]);
    expect(viaRecovery.status).toBe(200);
    const waiting = await challengeFor(bff, user);

    const tables = ['bff_totp_factors', 'bff_recovery_codes', 'bff_mfa_challenges', 'bff_audit_events', 'bff_sessions', 'bff_rate_limits'];
    const dump = JSON.stringify(await Promise.all(tables.map(async (table): Promise<unknown[]> => (await db.query(`SELECT * FROM ${table}`)).rows as unknown[])));
    const logs = bff.logs.join('\n');
    const secrets = [
      enrolled.secret,
      enrolled.secret.toLowerCase(),
      ...enrolled.recoveryCodes,
      ...enrolled.recoveryCodes.map((code) => code.replace(/-/g, '')),
      mfaToken,
      mfaToken.slice('bffmfa_'.length),
      waiting.slice('bffmfa_'.length),
    ];
    for (const secret of secrets) {
      expect(dump).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
    // The secret is there, sealed: it opens with the key the database doesn't have.
    const row = (await db.query('SELECT id, secret_enc FROM bff_totp_factors WHERE user_id = $1', [user.tokens.user.id])).rows[0] as { id: string; secret_enc: string };
    const box = new SecretBox(Buffer.from(testKeys.SESSION_ENCRYPTION_KEY, 'base64'));
    expect(box.open(row.secret_enc, `totp:${row.id}:${user.tokens.user.id}:${user.tokens.user.documentId ?? ''}`)).toBe(enrolled.secret);
    // The waiting sign-in holds Strapi's credentials sealed, never a JWT in clear.
    const pending = (await db.query('SELECT pending_enc FROM bff_mfa_challenges WHERE ended_at IS NULL AND user_id = $1', [user.tokens.user.id])).rows as { pending_enc: string }[];
    expect(pending).toHaveLength(1);
    expect(pending[0].pending_enc).toMatch(/^v1\./);
    expect(dump).not.toContain('eyJ');
  });
});
