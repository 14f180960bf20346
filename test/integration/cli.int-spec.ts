import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runCli } from '../../src/cli/cli';
import { GENEROUS_LIMITS, startBff, strapiFixtureUrl, testKeys, type RunningBff } from '../support/bff';
import { testDatabaseUrl } from '../support/database';
import { expectEnvelope, login } from '../support/flows';
import { bffEnvForMode } from '../support/mode';
import { seedUsers } from '../support/strapi';

interface Run {
  code: number;
  out: string;
  err: string;
}

/** `npx strapi-auth-bff …` in-process, on the suite's database and Strapi, with the server's own variables. */
async function cli(...argv: string[]): Promise<Run> {
  const run = { out: '', err: '' };
  const code = await runCli(argv, {
    env: {
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      STRAPI_URL: strapiFixtureUrl(),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'bff-cli-')),
      ...GENEROUS_LIMITS,
      ...bffEnvForMode(),
      ...testKeys,
    },
    cwd: process.cwd(),
    out: (text) => void (run.out += text),
    err: (text) => void (run.err += text),
  });
  return { code, ...run };
}

describe('the strapi-auth-bff command line', () => {
  let bff: RunningBff;
  let db: Client;

  beforeAll(async () => {
    bff = await startBff();
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
  });
  afterAll(async () => {
    await bff.close();
    await db.end();
  });

  it('lists a user’s sessions by email, whatever its case, with username and email', async () => {
    const signedIn = await login(bff, seedUsers.alice, `cli ${randomUUID()}`);
    const table = await cli('sessions', 'list', '--user', seedUsers.alice.email.toUpperCase(), '--limit', '100');
    expect(table).toMatchObject({ code: 0, err: '' });
    expect(table.out.split('\n')[0]).toMatch(/^SESSION\s+USER\s+USERNAME\s+EMAIL\s+STATUS/);
    expect(table.out).toContain(signedIn.session.id);

    const json = await cli('sessions', 'list', '--user', seedUsers.alice.username, '--limit', '100', '--json');
    expect(json.code).toBe(0);
    const sessions = JSON.parse(json.out) as { id: string; userId: number; username: string; email: string; status: string }[];
    expect(sessions.find((session) => session.id === signedIn.session.id)).toMatchObject({ userId: signedIn.user.id, username: seedUsers.alice.username, email: seedUsers.alice.email, status: 'active' });
  });

  it('revokes one session with a reason, audited with the actor "cli", and the session stops working', async () => {
    const signedIn = await login(bff, seedUsers.bob, 'cli victim');
    const revoked = await cli('sessions', 'revoke', '--session', signedIn.session.id, '--reason', 'reported stolen');
    expect(revoked).toEqual({ code: 0, out: 'Revoked 1 session\n', err: '' });

    const { rows } = await db.query('SELECT revoked_reason, revoked_by, revoke_note FROM bff_sessions WHERE id = $1', [signedIn.session.id]);
    expect(rows).toEqual([{ revoked_reason: 'admin_revoked', revoked_by: 'cli', revoke_note: 'reported stolen' }]);
    const audit = await db.query('SELECT actor, reason FROM bff_audit_events WHERE session_id = $1 AND type = $2', [signedIn.session.id, 'session_revoked']);
    expect(audit.rows).toEqual([{ actor: 'cli', reason: 'admin_revoked' }]);
    expectEnvelope(await bff.request('GET', '/auth/me', { token: signedIn.accessToken }), 401, 'session_revoked');

    expect(await cli('sessions', 'revoke', '--session', signedIn.session.id)).toEqual({ code: 0, out: 'Revoked 0 sessions\n', err: '' });
  });

  it('revokes every session of a user named by username', async () => {
    const a = await login(bff, seedUsers.bob, 'cli a');
    const b = await login(bff, seedUsers.bob, 'cli b');
    const open = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM bff_sessions WHERE user_id = $1 AND revoked_at IS NULL', [a.user.id]);
    const revoked = await cli('sessions', 'revoke', '--user', seedUsers.bob.username, '--json');
    // Other suites' sessions of bob may come from Strapi's refresh mode, whose logout this CLI (on the
    // legacy-mode Strapi) defers with a warning; nothing may fail, though.
    expect({ code: revoked.code, out: revoked.out, errors: revoked.err.split('\n').filter((line) => line && !line.includes('"level":"warn"')) }).toEqual({
      code: 0,
      out: `${JSON.stringify({ revoked: open.rows[0].n })}\n`,
      errors: [],
    });
    for (const tokens of [a, b]) expectEnvelope(await bff.request('GET', '/auth/me', { token: tokens.accessToken }), 401, 'session_revoked');
    const audit = await db.query('SELECT actor FROM bff_audit_events WHERE user_id = $1 AND type = $2 ORDER BY occurred_at DESC LIMIT 1', [a.user.id, 'admin_user_sessions_revoked']);
    expect(audit.rows).toEqual([{ actor: 'cli' }]);
  });

  it('tails the audit trail, oldest of the last N first', async () => {
    // A user of its own: other suites write events with an injected clock, some dated in the future,
    // which a tail of a shared user (or of everyone) would show first.
    const name = `cli${randomUUID().slice(0, 8)}`;
    const user = { username: name, email: `${name}@example.com`, password: 'Quiet-Lantern-Orbit-42' };
    expect((await bff.request('POST', '/auth/register', { json: user })).status).toBe(201);
    const signedIn = await login(bff, { ...seedUsers.alice, ...user }, 'cli audit');
    await cli('sessions', 'revoke', '--session', signedIn.session.id);
    const tail = await cli('audit', 'tail', '--user', user.email, '--limit', '2', '--json');
    expect(tail.code).toBe(0);
    const events = JSON.parse(tail.out) as { type: string; sessionId: string; actor: string | null }[];
    expect(events.map((event) => [event.type, event.sessionId, event.actor])).toEqual([
      ['login_succeeded', signedIn.session.id, null],
      ['session_revoked', signedIn.session.id, 'cli'],
    ]);
    const text = await cli('audit', 'tail', '--user', user.username, '--type', 'session_revoked', '--limit', '1');
    expect(text.out).toMatch(new RegExp(`^\\S+ session_revoked user=${signedIn.user.id} session=${signedIn.session.id} actor=cli reason=admin_revoked\\n$`));
  });

  it('generates keys in the .env format the config takes, without a database', async () => {
    let output = '';
    let errors = '';
    const keys = await runCli(['keys', 'generate'], { cwd: process.cwd(), env: {}, out: (text) => void (output += text), err: (text) => void (errors += text) });
    expect(keys).toBe(0);
    expect(errors).toBe('');
    expect(output).toMatch(/^SESSION_ENCRYPTION_KEY=\S{44}$/m);
    expect(output).toMatch(/^JWT_PRIVATE_KEY='-----BEGIN PRIVATE KEY-----\\n/m);
  });

  it.each<[string, string[], RegExp]>([
    ['no target', ['sessions', 'revoke'], /exactly one of --user and --session/],
    ['two targets', ['sessions', 'revoke', '--user', 'alice', '--session', randomUUID()], /exactly one of --user and --session/],
    ['a session id that is not one', ['sessions', 'revoke', '--session', 'abc'], /--session must be a session id/],
    ['an unknown command', ['sessions', 'delete'], /Unknown command "sessions delete"/],
    ['an unknown option', ['audit', 'tail', '--since', '1h'], /Unknown option '--since'/],
    ['an option of another command', ['sessions', 'list', '--reason', 'x'], /"sessions list" takes no --reason/],
    ['a bad limit', ['sessions', 'list', '--limit', '1000'], /--limit must be a whole number from 1 to 100/],
    ['a bad status', ['sessions', 'list', '--status', 'gone'], /--status must be one of active, revoked, expired, all/],
  ])('refuses %s with the usage and exit code 2', async (_name, argv, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toMatch(message);
    expect(run.err).toContain('Usage: strapi-auth-bff <command> [options]');
  });

  it('answers a user it can’t find, or a session that does not exist, with exit code 1 and the reason', async () => {
    expect(await cli('sessions', 'revoke', '--user', `nobody-${randomUUID()}@example.com`)).toEqual({ code: 1, out: '', err: 'not_found: No session of a user with this email or username\n' });
    expect(await cli('sessions', 'revoke', '--session', randomUUID())).toEqual({ code: 1, out: '', err: 'not_found: No such session\n' });
    expect(await cli('sessions', 'list', '--user', `nobody-${randomUUID()}@example.com`)).toEqual({ code: 0, out: 'No sessions\n', err: '' });
  });

  it('prints the usage for help, with exit code 0', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('sessions revoke --user <id|email|username>');
  });
});
