import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { Client } from 'pg';
import { request, startBff, strapiFixtureLog, strapiFixtureUrl, withBff, type RunningBff } from '../support/bff';
import { testDatabaseUrl } from '../support/database';
import { expectEnvelope, login, until, type TokenBody } from '../support/flows';
import { isRefreshMode } from '../support/mode';
import { fixtureDir, seedArticles, seedUsers, startStrapi } from '../support/strapi';

interface Echo {
  method: string;
  url: string;
  ip: string;
  headers: Record<string, string>;
  body: unknown;
}

function rawRequest(base: string, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Echo }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Echo }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const strapiLog = (): string => readFileSync(strapiFixtureLog(), 'utf8');

/**
 * Proves Strapi never received the request tagged with `marker`. Strapi logs each request as it
 * answers it, in order, so once a later request of our own shows up in its log, anything it had
 * received before would be there too.
 */
async function expectStrapiNeverSaw(marker: string): Promise<void> {
  const later = randomUUID();
  expect((await request(strapiFixtureUrl(), 'GET', `/api/test-echo?marker=${later}`)).status).toBe(200);
  await until(`Strapi to log the request tagged ${later}`, () => strapiLog().includes(later));
  expect(strapiLog()).not.toContain(marker);
}

describe('forwarding /api/* and /graphql to Strapi', () => {
  let bff: RunningBff;
  let alice: TokenBody;

  beforeAll(async () => {
    bff = await startBff();
    alice = await login(bff, seedUsers.alice);
  });
  afterAll(() => bff.close());

  it('forwards a request without a token anonymously, under Strapi’s public role', async () => {
    const response = await bff.request<{ data: { title: string }[]; meta: unknown }>('GET', '/api/articles');
    expect(response.status).toBe(200);
    expect(response.body.data.map((article) => article.title)).toEqual(expect.arrayContaining(['Hello from Strapi', 'Sessions behind a BFF']));
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('acts as the signed-in user: /api/users/me answers for that user', async () => {
    const response = await bff.request<{ username: string; email: string }>('GET', '/api/users/me', { token: alice.accessToken });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ username: 'alice', email: 'alice@example.com' });
  });

  it('reads and creates content with the BFF access token alone', async () => {
    const title = `Written through the BFF ${randomUUID()}`;
    const created = await bff.request<{ data: { documentId: string; title: string } }>('POST', '/api/articles', {
      token: alice.accessToken,
      json: { data: { title, body: 'streamed' } },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.title).toBe(title);

    const read = await bff.request<{ data: { title: string } }>('GET', `/api/articles/${created.body.data.documentId}`, { token: alice.accessToken });
    expect(read.body.data.title).toBe(title);

    // Anonymous callers may not create: Strapi's 403 and its envelope come back unchanged.
    const anonymous = await bff.request<{ data: null; error: { status: number; name: string } }>('POST', '/api/articles', { json: { data: { title } } });
    expect(anonymous.status).toBe(403);
    expect(anonymous.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError' } });
  });

  it('passes Strapi’s status codes and error envelopes through unchanged', async () => {
    const missing = await bff.request<{ data: null; error: { status: number; name: string } }>('GET', '/api/articles/no-such-document', { token: alice.accessToken });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
    const invalid = await bff.request<{ error: { status: number; name: string } }>('POST', '/api/articles', { token: alice.accessToken, json: { data: {} } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.name).toBe('ValidationError');
  });

  it('refuses a revoked session with 401 and forwards nothing', async () => {
    const tokens = await login(bff, seedUsers.bob);
    expect((await bff.request('POST', '/auth/logout', { token: tokens.accessToken })).status).toBe(204);
    const marker = randomUUID();
    expectEnvelope(await bff.request('GET', `/api/test-echo?marker=${marker}`, { token: tokens.accessToken }), 401, 'session_revoked');
    await expectStrapiNeverSaw(marker);
  });

  it.each([
    ['a garbage bearer token', 'Bearer garbage'],
    ['a Basic credential', 'Basic YWxpY2U6UGFzc3cwcmQh'],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s with 401 instead of downgrading to anonymous', async (_name, authorization) => {
    const marker = randomUUID();
    const response = await bff.request('GET', `/api/test-echo?marker=${marker}`, { headers: { authorization } });
    expectEnvelope(response, 401, 'invalid_access_token');
    await expectStrapiNeverSaw(marker);
  });

  it('refuses a path Strapi could read differently, such as /api//auth/local, with 400 invalid_path', async () => {
    const response = await bff.request('POST', '/api//auth/local', { json: { identifier: 'alice', password: seedUsers.alice.password } });
    expectEnvelope(response, 400, 'invalid_path');
    expect(response.text).not.toContain('"jwt"');
  });

  it.each(['/api/auth/local', '/api/auth/local/register', '/api/connect/github', '/api/AUTH/local', '/api/%61uth/local', '/api/articles/../auth/local'])(
    'answers %s itself with 404 not_proxied',
    async (path) => {
      const response = await bff.request('POST', path, { json: { identifier: 'alice', password: seedUsers.alice.password } });
      const body = expectEnvelope(response, 404, 'not_proxied');
      expect(body.message).toContain('/auth/');
      expect(response.text).not.toContain('"jwt"');
    },
  );

  it('keeps cookies and the BFF token from Strapi, and Strapi’s cookies from the client', async () => {
    // node:http rather than fetch, which refuses to send Connection-listed headers.
    const response = await rawRequest(bff.url, '/api/test-echo', JSON.stringify({ hello: 'strapi' }), {
      authorization: `Bearer ${alice.accessToken}`,
      'content-type': 'application/json',
      cookie: 'session=browser-cookie',
      'x-request-id': 'proxy-test-1',
      'x-forwarded-for': '6.6.6.6',
      connection: 'keep-alive, x-custom-hop',
      'x-custom-hop': 'drop-me',
    });
    expect(response.status).toBe(200);
    const seen = response.body.headers;
    expect(seen.cookie).toBeUndefined();
    expect(seen.authorization).toMatch(/^Bearer eyJ/);
    expect(seen.authorization).not.toContain(alice.accessToken);
    expect(seen['x-custom-hop']).toBeUndefined();
    // TRUST_PROXY is off, so the client's own X-Forwarded-For is replaced, not extended.
    expect(seen['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen['x-forwarded-proto']).toBe('http');
    // Without PUBLIC_URL the BFF doesn't know its public host, and never takes the client's word for it.
    expect(seen['x-forwarded-host']).toBeUndefined();
    expect(seen['x-request-id']).toBe('proxy-test-1');
    expect(response.body.body).toEqual({ hello: 'strapi' });

    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['x-fixture']).toBe('echo');
    expect(response.headers['x-request-id']).toBe('proxy-test-1');
  });

  it('believes X-Forwarded-* only from proxies named in TRUST_PROXY', async () => {
    await withBff({ TRUST_PROXY: 'loopback' }, async (behindProxy) => {
      const echo = await rawRequest(behindProxy.url, '/api/test-echo', '{}', {
        'content-type': 'application/json',
        'x-forwarded-for': '203.0.113.7, 127.0.0.1',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'app.example.com',
      });
      expect(echo.body.headers).toMatchObject({ 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' });
      expect(echo.body.headers['x-forwarded-host']).toBeUndefined();
    });
  });

  it('takes X-Forwarded-Host and -Proto from PUBLIC_URL, never from the client', async () => {
    await withBff({ TRUST_PROXY: 'loopback', PUBLIC_URL: 'https://bff.example.com' }, async (published) => {
      const echo = await rawRequest(published.url, '/api/test-echo', '{}', {
        'content-type': 'application/json',
        host: 'evil.example.net',
        'x-forwarded-host': 'evil.example.net',
        'x-forwarded-proto': 'http',
      });
      expect(echo.body.headers).toMatchObject({ 'x-forwarded-host': 'bff.example.com', 'x-forwarded-proto': 'https' });
    });
  });

  it('forwards bracketed query strings byte for byte', async () => {
    const query = '?filters[title][$eq]=Hello%20from%20Strapi&populate[0]=author&sort[0]=title:asc&x=%E2%9C%93&y=a+b';
    const echo = await bff.request<Echo>('GET', `/api/test-echo${query}`);
    expect(echo.body.url).toBe(`/api/test-echo${query}`);

    const filtered = await bff.request<{ data: { title: string }[] }>('GET', '/api/articles?filters[title][$eq]=Hello%20from%20Strapi');
    expect(filtered.body.data.map((article) => article.title)).toEqual(['Hello from Strapi']);
  });

  it('forwards GraphQL with the same identity rules', async () => {
    const articles = { query: '{ articles { title } }' };
    const anonymous = await bff.request<{ data: { articles: { title: string }[] } }>('POST', '/graphql', { json: articles });
    expect(anonymous.status).toBe(200);
    // Exactly the list Strapi gives an anonymous caller itself, seeded articles included.
    expect(anonymous.body).toEqual((await request(strapiFixtureUrl(), 'POST', '/graphql', { json: articles })).body);
    expect(anonymous.body.data.articles.map((article) => article.title)).toEqual(expect.arrayContaining(seedArticles.map((article) => article.title)));

    const me = await bff.request<{ data: { me: { username: string } } }>('POST', '/graphql', { token: alice.accessToken, json: { query: '{ me { username } }' } });
    expect(me.body.data.me.username).toBe('alice');

    expectEnvelope(await bff.request('POST', '/graphql', { headers: { authorization: 'Bearer nope' }, json: { query: '{ me { username } }' } }), 401, 'invalid_access_token');
  });

  it('streams a 48 MB multipart upload (under the 50 MB PROXY_BODY_LIMIT) through with bounded memory', async () => {
    if (!isRefreshMode()) return uploadFortyEightMegabytes(bff, alice.accessToken);
    // Strapi checks the JWT only once it has read the whole body, and this suite's refresh-mode
    // Strapi issues 4 s JWTs: give the upload a Strapi whose JWTs (600 s, its default) outlast it.
    const strapi = await startStrapi({ accessTokenLifespan: 600 });
    try {
      await withBff({ STRAPI_URL: strapi.url }, async (longLived) => uploadFortyEightMegabytes(longLived, (await login(longLived, seedUsers.alice)).accessToken));
    } finally {
      await strapi.stop();
    }
    // A Strapi of its own to boot, then 48 MB through it: a loaded 2-core machine needs well over a minute.
  }, 180_000);
});

/** Sends 48 MB to /api/upload through `bff` and checks that the BFF process's memory stayed flat. */
async function uploadFortyEightMegabytes(bff: RunningBff, accessToken: string): Promise<void> {
  const size = 48 * 1024 * 1024;
  const boundary = `----bff${randomUUID()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(256 * 1024, 7);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
    },
    pull(controller) {
      if (sent >= size) {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });

  // Sample this process (which runs the BFF) while the upload streams through it.
  if (!global.gc) throw new Error('This test needs node --expose-gc; run it through npm test');
  global.gc();
  const baseline = process.memoryUsage();
  let peakGrowth = 0;
  const sampler = setInterval(() => {
    // Collect first, so the sample counts what is held, not garbage awaiting collection.
    global.gc!();
    const now = process.memoryUsage();
    peakGrowth = Math.max(peakGrowth, now.heapUsed + now.arrayBuffers - (baseline.heapUsed + baseline.arrayBuffers));
  }, 25);
  const response = await fetch(`${bff.url}/api/upload`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${accessToken}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + size + tail.length),
    },
    body,
    duplex: 'half',
  });
  const text = await response.text();
  clearInterval(sampler);

  // On failure, show what answered (BFF envelope or Strapi's error) and what the BFF logged.
  expect({ status: response.status, body: response.status === 201 ? '' : `${text.slice(0, 500)}\n${bff.logs.slice(-5).join('')}` }).toEqual({ status: 201, body: '' });
  const uploaded = JSON.parse(text) as { name: string; size: number; url: string }[];
  // Strapi keeps uploads in the fixture's public/uploads/, shared by every run: don't pile them up.
  rmSync(join(fixtureDir, 'public', uploaded[0].url), { force: true });
  expect(uploaded[0]).toMatchObject({ name: 'big.bin', url: expect.stringMatching(/^\/uploads\/big_\w+\.bin$/) as unknown });
  expect(uploaded[0].size).toBeCloseTo(size / 1000, -1); // Strapi reports kB
  // 48 MB went through; the BFF process grew by far less than the payload.
  expect(peakGrowth).toBeLessThan(16 * 1024 * 1024);
}

describe('proxy faults', () => {
  it('answers 503 upstream_unavailable when Strapi refuses connections', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    await withBff({ STRAPI_URL: `http://127.0.0.1:${port}` }, async (bff) => {
      expectEnvelope(await bff.request('GET', '/api/articles'), 503, 'upstream_unavailable');
    });
  });

  it('answers 504 upstream_timeout when Strapi does not answer in time', async () => {
    const held = new Set<Socket>();
    const silent: Server = createServer((socket) => void held.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      await withBff({ STRAPI_URL: `http://127.0.0.1:${port}`, STRAPI_TIMEOUT: '300ms' }, async (bff) => {
        expectEnvelope(await bff.request('GET', '/api/articles'), 504, 'upstream_timeout');
      });
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('ends the session with upstream_rejected when Strapi stops accepting its JWT', async () => {
    const strapi = await startStrapi();
    const db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    try {
      await withBff({ STRAPI_URL: strapi.url }, async (bff) => {
        const tokens = await login(bff, seedUsers.alice);
        expect((await bff.request('GET', '/api/users/me', { token: tokens.accessToken })).status).toBe(200);

        // A new secret: every JWT Strapi issued before is now refused with 401.
        await strapi.restart({ jwtSecret: `rotated-${randomUUID()}` });
        // With a body: Strapi reads it all before refusing the JWT, and the BFF still answers cleanly.
        expectEnvelope(await bff.request('POST', '/api/articles', { token: tokens.accessToken, json: { data: { title: 'refused', body: 'x'.repeat(100_000) } } }), 401, 'session_expired');
        const row = (await db.query('SELECT revoked_reason, revoked_by FROM bff_sessions WHERE id = $1', [tokens.session.id])).rows[0];
        expect(row).toEqual({ revoked_reason: 'upstream_rejected', revoked_by: 'system' });
        expectEnvelope(await bff.request('GET', '/api/articles', { token: tokens.accessToken }), 401, 'session_expired');
      });
    } finally {
      await db.end();
      await strapi.stop();
    }
    // A Strapi of its own, booted twice (the restart with a new secret).
  }, 180_000);
});
