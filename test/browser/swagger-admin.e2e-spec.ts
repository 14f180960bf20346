import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { MFA_DEFAULTS, startBff, type RunningBff } from '../support/bff';
import { expectEnvelope, login, type TokenBody } from '../support/flows';
import { challengeFor, registerUser, setRole, totpCode, unusedCode, type Enrolled, type MfaUser } from '../support/mfa';
import { seedUsers } from '../support/strapi';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

/** Opens an operation in Swagger UI and switches it to "Try it out". */
async function tryOut(page: Page, operationId: string, tag: string): Promise<Locator> {
  const operation = page.locator(`#operations-${tag}-${operationId}`);
  await operation.locator('.opblock-summary').first().click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  return operation;
}

async function execute(operation: Locator): Promise<{ status: string; body: string }> {
  await operation.getByRole('button', { name: 'Execute' }).click();
  const status = operation.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor();
  const body = operation.locator('.live-responses-table .response-col_description pre').first();
  return { status: (await status.innerText()).trim(), body: (await body.count()) > 0 ? await body.innerText() : '' };
}

/**
 * At the shipped default an admin role requires a second factor (MFA_REQUIRED_ROLES = ADMIN_ROLES),
 * so the console is used by an admin with an authenticator app: login, then verify, from the page.
 */
describe('Swagger UI as the admin console, in a real browser', () => {
  let bff: RunningBff;
  let browser: Browser;
  let admin: MfaUser;
  let enrolled: Enrolled;
  let adminTokens: TokenBody;

  beforeAll(async () => {
    bff = await startBff(MFA_DEFAULTS);
    browser = await launchChromium();
    // A fresh admin (the seeded one is shared by other specs): its first sign-in enrols TOTP.
    admin = await registerUser(bff, 'swg');
    await setRole(admin.username, 'bff-admin');
    const mfaToken = await challengeFor(bff, admin);
    const started = await bff.request<{ secret: string }>('POST', '/auth/mfa/enrollment/totp', { json: { mfaToken } });
    const step = Math.floor(Date.now() / 30_000);
    const done = await bff.request<TokenBody & { recoveryCodes: string[] }>('POST', '/auth/mfa/enrollment/totp/confirm', { json: { mfaToken, code: totpCode(started.body.secret) } });
    if (done.status !== 200) throw new Error(`enrolment: ${done.status} ${done.text}`);
    enrolled = { secret: started.body.secret, recoveryCodes: done.body.recoveryCodes, lastStep: step };
    adminTokens = done.body;
  });
  afterAll(async () => {
    await browser?.close();
    await bff?.close();
  });

  it('lets an admin sign in, find a user’s session and revoke it, after which the user is refused', async () => {
    const victim = await login(bff, seedUsers.bob, 'victim phone');
    expect((await bff.request('GET', '/auth/me', { token: victim.accessToken })).status).toBe(200);

    const page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
    await page.goto(`${bff.url}/docs`);

    // 1. Sign in from the page: login answers an mfaToken, verify answers the tokens, and the
    //    access token is applied to "Authorize" automatically.
    const loginOp = await tryOut(page, 'login', 'auth');
    await loginOp.locator('textarea.body-param__text').fill(JSON.stringify({ identifier: admin.username, password: admin.password, deviceName: 'Swagger UI' }));
    const challenge = await execute(loginOp);
    expect(challenge.status).toBe('200');
    const { mfaToken, mfaRequired } = JSON.parse(challenge.body) as { mfaToken: string; mfaRequired: boolean };
    expect(mfaRequired).toBe(true);
    expect(await page.locator('.auth-wrapper .authorize.locked').count()).toBe(0);
    const verifyOp = await tryOut(page, 'verifyMfa', 'mfa');
    await verifyOp.locator('textarea.body-param__text').fill(JSON.stringify({ mfaToken, method: 'totp', code: await unusedCode(enrolled) }));
    expect((await execute(verifyOp)).status).toBe('200');
    await page.locator('.auth-wrapper .authorize.locked').waitFor({ timeout: 5_000 });

    // 2. Find the user's active sessions.
    const listOp = await tryOut(page, 'adminListSessions', 'admin');
    await listOp.locator('input[placeholder="userId"]').fill(String(victim.user.id));
    const listed = await execute(listOp);
    expect(listed.status).toBe('200');
    const ids = (JSON.parse(listed.body) as { data: { id: string }[] }).data.map((session) => session.id);
    expect(ids).toContain(victim.session.id);

    // 3. Revoke that session.
    const revokeOp = await tryOut(page, 'adminRevokeSession', 'admin');
    await revokeOp.locator('input[placeholder="id"]').fill(victim.session.id);
    await revokeOp.locator('textarea.body-param__text').fill(JSON.stringify({ reason: 'Revoked from Swagger UI' }));
    expect((await execute(revokeOp)).status).toBe('204');

    mkdirSync(ARTIFACTS, { recursive: true });
    await revokeOp.screenshot({ path: join(ARTIFACTS, 'swagger-admin-revoke.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'swagger-admin-full-page.png'), fullPage: true });
    await page.close();

    // 4. The user's next call is refused.
    expectEnvelope(await bff.request('GET', '/auth/me', { token: victim.accessToken }), 401, 'session_revoked');
    const session = await bff.request<{ revokedBy: string; revokeNote: string }>('GET', `/admin/sessions/${victim.session.id}`, { token: adminTokens.accessToken });
    expect(session.body).toMatchObject({ revokeNote: 'Revoked from Swagger UI', revokedBy: `admin:${adminTokens.user.id}` });
  });

  it('keeps the token sign-in applied across a reload, and sends the proxy path users/me with its slash', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
    try {
      await page.goto(`${bff.url}/docs`);
      const loginOp = await tryOut(page, 'login', 'auth');
      await loginOp.locator('textarea.body-param__text').fill(JSON.stringify({ identifier: seedUsers.alice.email, password: seedUsers.alice.password }));
      expect((await execute(loginOp)).status).toBe('200');
      await page.locator('.auth-wrapper .authorize.locked').waitFor({ timeout: 5_000 });

      await page.reload();
      await page.locator('.auth-wrapper .authorize.locked').waitFor({ timeout: 5_000 });

      const proxyOp = page.locator('.opblock.opblock-get', { has: page.locator('[data-path="/api/{path}"]') });
      await proxyOp.locator('.opblock-summary').first().click();
      await proxyOp.getByRole('button', { name: 'Try it out' }).click();
      await proxyOp.locator('input[placeholder="path"]').fill('users/me');
      const me = await execute(proxyOp);
      expect(me.status).toBe('200');
      expect(JSON.parse(me.body)).toMatchObject({ username: seedUsers.alice.username, email: seedUsers.alice.email });
    } finally {
      await page.close();
    }
  });
});
