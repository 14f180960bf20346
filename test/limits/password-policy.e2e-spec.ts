import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { startBff, withBff, type RunningBff } from '../support/bff';
import { expectEnvelope, type TokenBody } from '../support/flows';

/** A local stand-in for the Pwned Passwords range API (k-anonymity): it knows one breached password. */
function pwnedStub(breached: string): Promise<{ server: Server; url: string; asked: string[] }> {
  const sha1 = createHash('sha1').update(breached).digest('hex').toUpperCase();
  const asked: string[] = [];
  const server = createServer((request, response) => {
    const prefix = /^\/range\/([0-9A-F]{5})$/.exec(request.url ?? '')?.[1];
    if (!prefix) return response.writeHead(404).end();
    asked.push(prefix);
    const lines = ['0018A45C4D1DEF81644B54AB7F969B88D65:3', '00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0'];
    if (prefix === sha1.slice(0, 5)) lines.push(`${sha1.slice(5)}:1234`);
    response.writeHead(200, { 'content-type': 'text/plain' }).end(lines.join('\r\n'));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, asked })));
}

const register = (bff: RunningBff, password: string, username = `pol${randomUUID().slice(0, 8)}`) =>
  bff.request<TokenBody & { details?: { reason: string } }>('POST', '/auth/register', { json: { username, email: `${username}@example.com`, password } });

describe('the password policy at the BFF', () => {
  let bff: RunningBff;
  beforeAll(async () => {
    bff = await startBff();
  });
  afterAll(() => bff.close());

  it.each([
    ['too_short', 'Sh0rt!'],
    ['too_long', `${'Long-Passw0rd-'.repeat(10)}`],
    ['common', 'qwerty123'],
    ['common', 'Password1'],
  ])('refuses a %s password at registration with 400 weak_password', async (reason, password) => {
    const response = await register(bff, password);
    const body = expectEnvelope(response, 400, 'weak_password');
    expect(body.details).toMatchObject({ reason });
  });

  it('refuses a password that is or contains the username or the email', async () => {
    const username = `mallory${randomUUID().slice(0, 6)}`;
    expect((expectEnvelope(await register(bff, `${username}`, username), 400, 'weak_password').details as { reason: string }).reason).toBe('contains_username');
    expect((expectEnvelope(await register(bff, `My-${username.toUpperCase()}-pw`, username), 400, 'weak_password').details as { reason: string }).reason).toBe('contains_username');
    expect((expectEnvelope(await register(bff, `x${username}@example.com!`, username), 400, 'weak_password').details as { reason: string }).reason).toBe('contains_username');
  });

  it('accepts a password that passes, and applies the rules to change and reset too', async () => {
    const created = await register(bff, 'Fine-Passw0rd!');
    expect(created.status).toBe(201);
    const change = await bff.request('POST', '/auth/change-password', {
      token: created.body.accessToken,
      json: { currentPassword: 'Fine-Passw0rd!', password: '123456789', passwordConfirmation: '123456789' },
    });
    expect((expectEnvelope(change, 400, 'weak_password').details as { reason: string }).reason).toBe('common');
    const reset = await bff.request('POST', '/auth/reset-password', { json: { code: 'whatever', password: 'abc', passwordConfirmation: 'abc' } });
    expect((expectEnvelope(reset, 400, 'weak_password').details as { reason: string }).reason).toBe('too_short');
  });

  describe('with PWNED_PASSWORDS_URL', () => {
    it('refuses a breached password, sending only the 5-character SHA-1 prefix', async () => {
      const breached = 'Breached-But-Long-42!';
      const stub = await pwnedStub(breached);
      try {
        await withBff({ PWNED_PASSWORDS_URL: stub.url }, async (checked) => {
          const refused = await register(checked, breached);
          expect((expectEnvelope(refused, 400, 'weak_password').details as { reason: string }).reason).toBe('breached');
          expect((await register(checked, 'Not-Breached-Long-43!')).status).toBe(201);
          expect(stub.asked).toEqual([createHash('sha1').update(breached).digest('hex').toUpperCase().slice(0, 5), expect.stringMatching(/^[0-9A-F]{5}$/)]);
        });
      } finally {
        stub.server.close();
      }
    });

    it('fails open with a warning when the range API can’t be reached', async () => {
      const stub = await pwnedStub('x');
      const url = stub.url;
      await new Promise((resolve) => stub.server.close(resolve));
      await withBff({ PWNED_PASSWORDS_URL: url }, async (checked) => {
        expect((await register(checked, 'Unchecked-Passw0rd-44!')).status).toBe(201);
        expect(checked.logs.some((line) => line.includes('pwned_passwords_unavailable'))).toBe(true);
      });
    });
  });
});
