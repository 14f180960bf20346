import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Client } from 'pg';
import { launchChromium } from '../support/chromium';
import { MFA_DEFAULTS, startBff, type RunningBff } from '../support/bff';
import { testDatabaseUrl } from '../support/database';
import { decodeJwtPart, type TokenBody } from '../support/flows';
import { challengeFor, registerUser, type MfaUser } from '../support/mfa';

/**
 * Passkeys need a secure origin with a host name (WebAuthn refuses IP addresses), so the page
 * lives at http://localhost:<port> (PUBLIC_URL, the relying party) and the browser's requests to
 * it are handed to the real BFF by Playwright's routing. Chromium's DevTools virtual
 * authenticator plays the user's device.
 */
const ORIGIN = 'http://localhost:47931';

describe('a passkey as the second factor, in Chromium with a virtual authenticator', () => {
  let bff: RunningBff;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let db: Client;

  beforeAll(async () => {
    bff = await startBff({ ...MFA_DEFAULTS, PUBLIC_URL: ORIGIN });
    browser = await launchChromium();
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    context = await browser.newContext();
    await context.route(`${ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/') return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>passkey test</title>' });
      return route.fulfill({ response: await route.fetch({ url: bff.url + url.pathname + url.search }) });
    });
    page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await Promise.all([bff?.close(), db?.end()]);
  });

  /*
   * The page's code is plain JavaScript in strings: the project's TypeScript has no DOM types.
   * Chromium 129+ has PublicKeyCredential.parse…FromJSON() and credential.toJSON().
   */

  /** Runs navigator.credentials.create() in the page with the BFF's registration options, then registers the result. */
  function registerInPage(accessToken: string): Promise<{ status: number; body: { id: string; recoveryCodes?: string[] } }> {
    return page.evaluate(`(async (token) => {
      const headers = { 'content-type': 'application/json', authorization: 'Bearer ' + token };
      const options = await fetch('/auth/mfa/passkeys/options', { method: 'POST', headers, body: '{}' });
      const started = await options.json();
      if (!options.ok) return { status: options.status, body: started };
      const credential = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(started.options) });
      const answer = await fetch('/auth/mfa/passkeys', { method: 'POST', headers, body: JSON.stringify({ state: started.state, response: credential.toJSON() }) });
      return { status: answer.status, body: await answer.json() };
    })(${JSON.stringify(accessToken)})`);
  }

  /** Answers a sign-in challenge with navigator.credentials.get() in the page. */
  function verifyInPage(mfaToken: string): Promise<{ status: number; body: TokenBody & { code?: string } }> {
    return page.evaluate(`(async (token) => {
      const headers = { 'content-type': 'application/json' };
      const options = await fetch('/auth/mfa/verify/passkey-options', { method: 'POST', headers, body: JSON.stringify({ mfaToken: token }) });
      const started = await options.json();
      if (!options.ok) return { status: options.status, body: started };
      const assertion = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(started.options) });
      const answer = await fetch('/auth/mfa/verify', {
        method: 'POST',
        headers,
        body: JSON.stringify({ mfaToken: token, method: 'passkey', passkey: assertion.toJSON(), passkeyState: started.state }),
      });
      return { status: answer.status, body: await answer.json() };
    })(${JSON.stringify(mfaToken)})`);
  }

  it('registers a passkey, signs in with it as the second factor, and refuses a clone whose counter went backwards', async () => {
    const user: MfaUser = await registerUser(bff, 'pk');
    const registered = await registerInPage(user.tokens.accessToken);
    expect({ status: registered.status, body: registered.body }).toMatchObject({ status: 200 });
    expect(registered.body.recoveryCodes).toHaveLength(10);
    const stored = (await db.query('SELECT credential_id, public_key, counter, transports FROM bff_passkeys WHERE user_id = $1', [user.tokens.user.id])).rows as {
      credential_id: string;
      counter: string;
    }[];
    expect(stored).toHaveLength(1);

    const challenge = await bff.request<{ methods: string[] }>('POST', '/auth/login', { json: { identifier: user.email, password: user.password } });
    expect(challenge.body.methods).toEqual(['passkey', 'recovery_code']);
    const signedIn = await verifyInPage((challenge.body as unknown as { mfaToken: string }).mfaToken);
    expect(signedIn.status).toBe(200);
    expect(decodeJwtPart(signedIn.body.accessToken, 1)).toMatchObject({ amr: ['pwd', 'hwk'], acr: 'aal2' });
    const after = (await db.query('SELECT counter FROM bff_passkeys WHERE user_id = $1', [user.tokens.user.id])).rows[0] as { counter: string };
    expect(Number(after.counter)).toBeGreaterThan(Number(stored[0].counter));

    // Another copy of the authenticator was used further: the stored counter is ahead of this one's.
    await db.query('UPDATE bff_passkeys SET counter = counter + 1000 WHERE user_id = $1', [user.tokens.user.id]);
    const cloned = await verifyInPage(await challengeFor(bff, user));
    expect({ status: cloned.status, code: cloned.body.code }).toEqual({ status: 401, code: 'passkey_rejected' });
    const audit = await db.query("SELECT count(*) AS n FROM bff_audit_events WHERE user_id = $1 AND type = 'passkey_clone_detected'", [user.tokens.user.id]);
    expect(Number((audit.rows[0] as { n: string }).n)).toBe(1);
  });
});
