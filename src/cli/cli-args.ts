import { parseArgs } from 'node:util';
import { AUDIT_EVENT_TYPES, type AuditEventType } from '../audit/audit-event.entity';

export type SessionStatusFilter = 'active' | 'revoked' | 'expired' | 'all';

/** What the command line asked for, checked; `runCli` carries it out. */
export type CliCommand =
  | { kind: 'help' }
  | { kind: 'keys_generate' }
  | { kind: 'sessions_list'; user: string | undefined; status: SessionStatusFilter; limit: number; json: boolean }
  | { kind: 'sessions_revoke'; target: { user: string } | { session: string }; reason: string | undefined; json: boolean }
  | { kind: 'audit_tail'; user: string | undefined; type: AuditEventType | undefined; limit: number; json: boolean };

/** A command line that can't be run as given: exit code 2, with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: strapi-auth-bff <command> [options]

Commands (they read the same environment and database as the server):
  sessions list   [--user <id|email|username>] [--status active|revoked|expired|all] [--limit N] [--json]
  sessions revoke --user <id|email|username> [--reason <text>] [--json]
  sessions revoke --session <session id> [--reason <text>] [--json]
  audit tail      [--user <id|email|username>] [--type <event type>] [--limit N] [--json]
  keys generate   print a fresh SESSION_ENCRYPTION_KEY and JWT_PRIVATE_KEY as .env lines
  help

Revocations are audited with the actor "cli". Exit codes: 0 done, 1 failed, 2 usage error.`;

const STATUSES: readonly SessionStatusFilter[] = ['active', 'revoked', 'expired', 'all'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses argv (without node and the script). Throws UsageError for anything it can't run. */
export function parseCli(argv: readonly string[]): CliCommand {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const command = positionals.join(' ');
  if (values.help || command === 'help' || command === '') return { kind: 'help' };
  const json = values.json ?? false;
  const allowOnly = (allowed: string[]): void => {
    const extra = Object.keys(values).filter((name) => !['json', 'help', ...allowed].includes(name));
    if (extra.length > 0) throw new UsageError(`"${command}" takes no --${extra[0]}`);
  };

  switch (command) {
    case 'keys generate':
      allowOnly([]);
      return { kind: 'keys_generate' };
    case 'sessions list': {
      allowOnly(['user', 'status', 'limit']);
      const status = (values.status ?? 'active') as SessionStatusFilter;
      if (!STATUSES.includes(status)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`);
      return { kind: 'sessions_list', user: nonEmpty('user', values.user), status, limit: limitOf(values.limit, 20), json };
    }
    case 'sessions revoke': {
      allowOnly(['user', 'session', 'reason']);
      const user = nonEmpty('user', values.user);
      const session = nonEmpty('session', values.session);
      if ((user === undefined) === (session === undefined)) throw new UsageError('sessions revoke needs exactly one of --user and --session');
      if (session !== undefined && !UUID.test(session)) throw new UsageError('--session must be a session id (a UUID)');
      const reason = nonEmpty('reason', values.reason);
      if (reason !== undefined && reason.length > 500) throw new UsageError('--reason is at most 500 characters');
      return { kind: 'sessions_revoke', target: user !== undefined ? { user } : { session: session ?? '' }, reason, json };
    }
    case 'audit tail': {
      allowOnly(['user', 'type', 'limit']);
      const type = values.type as AuditEventType | undefined;
      if (type !== undefined && !AUDIT_EVENT_TYPES.includes(type)) throw new UsageError(`--type must be one of ${AUDIT_EVENT_TYPES.join(', ')}`);
      return { kind: 'audit_tail', user: nonEmpty('user', values.user), type, limit: limitOf(values.limit, 20), json };
    }
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      user: { type: 'string' },
      session: { type: 'string' },
      reason: { type: 'string' },
      status: { type: 'string' },
      type: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

function nonEmpty(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError(`--${name} needs a value`);
  return value.trim();
}

function limitOf(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const limit = /^\d{1,3}$/.test(value) ? Number(value) : 0;
  if (limit < 1 || limit > 100) throw new UsageError('--limit must be a whole number from 1 to 100');
  return limit;
}
