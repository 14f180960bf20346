import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startBff, type RunningBff } from '../support/bff';
import { launchChromium } from '../support/chromium';
import { builtExampleApp, removeBuiltExampleApp, serveExampleApp, type ServedApp } from '../support/example-app';
import { login } from '../support/flows';
import { seedUsers, startStrapi, type SeedUser, type StrapiFixture } from '../support/strapi';

/**
 * The example app (examples/spa, built with Vite) on the client package, in Chromium, against the
 * real BFF and the real Strapi fixture, in both transports. The app is served from
 * http://127.0.0.1:<port>, an origin in the BFF's CORS_ORIGINS; the BFF is on another port.
 * Access tokens live 10 s (the shortest ACCESS_TOKEN_TTL) so that they run out during a test.
 */

type Transport = 'cookie' | 'token';
const TRANSPORTS: Transport[] = ['cookie', 'token'];
const TABS = 5;
const CALLS_PER_TAB = 20;

/** The slice of the app's `window.bff` (the client) the tests drive. */
interface AppWindow {
  bff: {
    accessExpiresAt: number | null;
    signedIn: boolean;
    fetch(input: string): Promise<{ status: number }>;
    me(): Promise<{ session: { id: string } }>;
  };
}

interface AccessLine {
  method: string;
  path: string;
  statusCode: number;
}

function accessLines(logs: string[]): AccessLine[] {
  return logs.flatMap((line) => {
    try {
      const entry = JSON.parse(line) as Partial<AccessLine> & { msg?: string };
      return entry.msg === 'request completed' && entry.method && entry.path && entry.statusCode ? [entry as AccessLine] : [];
    } catch {
      return [];
    }
  });
}

const signedInState = 'body[data-state="signed-in"]';
const signedOutState = 'body[data-state="signed-out"]';

async function openTab(context: BrowserContext, app: ServedApp): Promise<Page> {
  const page = await context.newPage();
  await page.goto(app.url);
  await page.locator('body:not([data-state="loading"])').waitFor();
  return page;
}

async function signIn(page: Page, user: SeedUser, deviceName: string): Promise<void> {
  await page.locator('#signin-form').waitFor();
  await page.fill('#signin-form [name="identifier"]', user.username);
  await page.fill('#signin-form [name="password"]', user.password);
  await page.fill('#signin-form [name="deviceName"]', deviceName);
  await page.click('#signin-form button[type="submit"]');
  await page.locator(signedInState).waitFor();
}

/** Signs in in the first tab; the others open afterwards and show the same session without signing in. */
async function signedInTabs(context: BrowserContext, app: ServedApp, count: number, user: SeedUser = seedUsers.alice): Promise<Page[]> {
  const first = await openTab(context, app);
  await signIn(first, user, `${TABS} tabs`);
  const others: Page[] = [];
  for (let i = 1; i < count; i += 1) {
    const page = await openTab(context, app);
    await page.locator(signedInState).waitFor();
    others.push(page);
  }
  return [first, ...others];
}

function sessionIdOf(page: Page): Promise<string> {
  return page.evaluate(async () => (await (globalThis as unknown as AppWindow).bff.me()).session.id);
}

async function adminToken(bff: RunningBff): Promise<string> {
  return (await login(bff, seedUsers.admin)).accessToken;
}

async function pollUntil<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  await builtExampleApp();
});
afterAll(async () => {
  await browser?.close();
  removeBuiltExampleApp();
});

describe.each(TRANSPORTS)('the example app in %s mode', (transport) => {
  let app: ServedApp;
  let bff: RunningBff;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await serveExampleApp(await builtExampleApp());
    bff = await startBff({ CORS_ORIGINS: app.origin, ACCESS_TOKEN_TTL: '10s' });
    // No proactive refresh: every tab's calls meet the expiry itself.
    app.config = { bffUrl: bff.url, transport, proactiveRefresh: false };
  });
  afterAll(async () => {
    await bff?.close();
    await app?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
  });
  afterEach(async () => {
    await context.close();
  });

  it(`refreshes exactly once when ${TABS} tabs fire ${CALLS_PER_TAB} calls each as the access token expires`, async () => {
    const tabs = await signedInTabs(context, app, TABS);
    const sessionId = await sessionIdOf(tabs[0]);
    const expiresAt = await tabs[0].evaluate(() => (globalThis as unknown as AppWindow).bff.accessExpiresAt);
    expect(expiresAt).toEqual(expect.any(Number));
    const logsBefore = bff.logs.length;

    const statuses = await Promise.all(
      tabs.map((tab) =>
        tab.evaluate(
          async ({ at, calls }) => {
            const { bff: client } = globalThis as unknown as AppWindow;
            await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
            // /api/users/me needs a signed-in user: an anonymous call would get Strapi's 403, not 200.
            return Promise.all(Array.from({ length: calls }, () => client.fetch('/api/users/me').then((response) => response.status, (error: unknown) => String(error))));
          },
          { at: expiresAt ?? 0, calls: CALLS_PER_TAB },
        ),
      ),
    );

    expect(statuses.flat()).toEqual(Array.from({ length: TABS * CALLS_PER_TAB }, () => 200));
    const lines = accessLines(bff.logs.slice(logsBefore));
    expect(lines.filter((line) => line.method === 'POST' && line.path === '/auth/refresh')).toEqual([expect.objectContaining({ statusCode: 200 })]);
    expect(lines.filter((line) => line.path === '/api/users/me' && line.method === 'GET').map((line) => line.statusCode)).toEqual(Array.from({ length: TABS * CALLS_PER_TAB }, () => 200));
    const reused = await bff.request<{ meta: { total: number } }>('GET', `/admin/audit-events?sessionId=${sessionId}&type=refresh_token_reused`, { token: await adminToken(bff) });
    expect(reused.body.meta.total).toBe(0);
    expect(await Promise.all(tabs.map(sessionIdOf))).toEqual(tabs.map(() => sessionId));
  });

  it('shows every other tab signed out within 1 s of a logout in one of them', async () => {
    const tabs = await signedInTabs(context, app, TABS);
    const sessionId = await sessionIdOf(tabs[0]);
    const [, , leaving] = tabs;
    const others = tabs.filter((tab) => tab !== leaving);

    await leaving.click('#logout');
    await leaving.locator(signedOutState).waitFor();
    const loggedOutAt = Date.now();
    await Promise.all(others.map((tab) => tab.locator('#signin-form').waitFor({ state: 'visible', timeout: 1_000 })));
    expect(Date.now() - loggedOutAt).toBeLessThan(1_000);

    for (const tab of others) expect(await tab.locator('#notice').getAttribute('data-code')).toBe('logout');
    const session = await bff.request<{ status: string; revokedReason: string }>('GET', `/admin/sessions/${sessionId}`, { token: await adminToken(bff) });
    expect(session.body).toMatchObject({ status: 'revoked', revokedReason: 'logout' });
  });

  it('ends the session with session_revoked at the next call after an admin revokes it, and shows the sign-in form', async () => {
    const tabs = await signedInTabs(context, app, 2, seedUsers.bob);
    const sessionId = await sessionIdOf(tabs[0]);
    await tabs[0].locator('#article-list li').first().waitFor();

    const revoked = await bff.request('DELETE', `/admin/sessions/${sessionId}`, { token: await adminToken(bff), json: { reason: 'browser test' } });
    expect(revoked.status).toBe(204);
    await tabs[0].click('#reload-articles');

    for (const tab of tabs) {
      await tab.locator('#signin-form').waitFor({ state: 'visible' });
      expect([await tab.locator('#notice').getAttribute('data-code'), await tab.locator('#notice').innerText()]).toEqual(['session_revoked', expect.any(String)]);
    }
    expect(await tabs[0].locator('#events li[data-event="sessionEnded"]').first().innerText()).toContain('session_revoked');
  });
});

describe('the example app when Strapi is down during a refresh', () => {
  let strapi: StrapiFixture;
  let bff: RunningBff;
  let app: ServedApp;

  beforeAll(async () => {
    // A Strapi of its own: the suite's shared one must stay up.
    strapi = await startStrapi();
    app = await serveExampleApp(await builtExampleApp());
    bff = await startBff({ STRAPI_URL: strapi.url, STRAPI_TIMEOUT: '2s', CORS_ORIGINS: app.origin, ACCESS_TOKEN_TTL: '10s' });
  });
  afterAll(async () => {
    await bff?.close();
    await app?.close();
    await strapi?.stop();
  });

  it.each(TRANSPORTS)('stays signed in and recovers once Strapi is back (%s mode)', async (transport) => {
    app.config = { bffUrl: bff.url, transport, proactiveRefresh: false };
    const context = await browser.newContext();
    try {
      const [tab] = await signedInTabs(context, app, 1);
      await tab.locator('#article-list li').first().waitFor();
      const expiresAt = (await tab.evaluate(() => (globalThis as unknown as AppWindow).bff.accessExpiresAt)) ?? 0;

      await strapi.kill();
      await pollUntil(() => Promise.resolve(Date.now()), (now) => now > expiresAt, 15_000, 'the access token to expire');
      const logsBefore = bff.logs.length;
      await tab.click('#reload-articles');

      await tab.locator('#notice[data-code="upstream_unavailable"]').waitFor();
      expect(accessLines(bff.logs.slice(logsBefore))).toContainEqual(expect.objectContaining({ method: 'POST', path: '/auth/refresh', statusCode: 503 }));
      expect(await tab.evaluate(() => (globalThis as unknown as AppWindow).bff.signedIn)).toBe(true);
      await tab.locator(signedInState).waitFor();

      await strapi.start();
      await pollUntil(
        () => tab.evaluate(async () => (await (globalThis as unknown as AppWindow).bff.fetch('/api/users/me').catch(() => ({ status: 0 }))).status),
        (status) => status === 200,
        60_000,
        'a call through the BFF after Strapi came back',
      );
      await tab.click('#reload-articles');
      await tab.locator('#notice').waitFor({ state: 'hidden' });
      expect(await tab.locator('#events li[data-event="sessionEnded"]').count()).toBe(0);
      expect(await tab.locator('#signin-form').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
