import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startBff, type RunningBff } from '../support/bff';
import { seedUsers } from '../support/strapi';

function serve(html: (port: number) => string): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer((_request, response) => {
      const port = (server.address() as { port: number }).port;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html(port));
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

/**
 * A real browser against the real BFF: a page on an allowed origin signs in with cookies and uses
 * them; a page on another site posts a form at the BFF and gets nowhere.
 * The app is served from http://127.0.0.1:<port> (same site as the BFF, another origin); the
 * attacker from http://localhost:<port>, which is another site.
 */
describe('cookie mode in a real browser', () => {
  let bff: RunningBff;
  let browser: Browser;
  let app: { server: Server; port: number };
  let evil: { server: Server; port: number };

  beforeAll(async () => {
    app = await serve(() => '<!doctype html><title>app</title><p id="out">idle</p>');
    bff = await startBff({ CORS_ORIGINS: `http://127.0.0.1:${app.port}` });
    const bffPort = new URL(bff.url).port;
    evil = await serve(
      () => `<!doctype html><title>evil</title>
        <form id="f" method="POST" action="http://127.0.0.1:${bffPort}/auth/logout" enctype="text/plain"><input name="x" value="y"></form>
        <script>document.getElementById('f').submit()</script>`,
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bff?.close();
    for (const server of [app?.server, evil?.server]) if (server) await new Promise((resolve) => server.close(resolve));
  });

  it('signs in from an allowed origin with cookies the page can’t read, and a cross-site form post can’t end the session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${app.port}/`);

    const signedIn = await page.evaluate(
      async ({ bffUrl, identifier, password }) => {
        const login = await fetch(`${bffUrl}/auth/login`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json', 'x-bff-transport': 'cookie' },
          body: JSON.stringify({ identifier, password }),
        });
        const body = (await login.json()) as Record<string, unknown>;
        const me = await fetch(`${bffUrl}/api/users/me`, { credentials: 'include' });
        const withoutCsrf = await fetch(`${bffUrl}/sessions?scope=others`, { method: 'DELETE', credentials: 'include' });
        return { login: login.status, tokensInJson: 'accessToken' in body || 'refreshToken' in body, me: me.status, user: ((await me.json()) as { username: string }).username, withoutCsrf: withoutCsrf.status, readable: (globalThis as unknown as { document: { cookie: string } }).document.cookie };
      },
      { bffUrl: bff.url, identifier: seedUsers.alice.username, password: seedUsers.alice.password },
    );
    expect(signedIn).toEqual({ login: 200, tokensInJson: false, me: 200, user: 'alice', withoutCsrf: 403, readable: '' });

    const cookies = await context.cookies(bff.url);
    expect(cookies.map((cookie) => cookie.name).sort()).toEqual(['__Host-bff-device', '__Host-bff_access', '__Host-bff_refresh']);
    expect(cookies.every((cookie) => cookie.httpOnly && cookie.secure && cookie.sameSite === 'Strict' && cookie.path === '/')).toBe(true);

    // Another site posts a form at the BFF's logout in the same browser.
    const attack = await context.newPage();
    const answer = attack.waitForResponse((response) => response.url().endsWith('/auth/logout'));
    await attack.goto(`http://localhost:${evil.port}/`);
    expect((await answer).status()).toBeGreaterThanOrEqual(400);

    const stillIn = await page.evaluate(async (bffUrl) => (await fetch(`${bffUrl}/auth/me`, { credentials: 'include' })).status, bff.url);
    expect(stillIn).toBe(200);
    await context.close();
  });
});
