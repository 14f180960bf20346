import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AdminService } from '../admin/admin.service';
import type { AdminSessionDto, AuditEventDto } from '../admin/dto/admin.dto';
import { parseUserRef } from '../admin/user-ref';
import { AppError } from '../common/app-error';
import { createLogger, PinoNestLogger } from '../common/logging/logger';
import { generateKeys, keysAsEnv } from '../config/generate-keys';
import { ConfigError, loadConfig, type Env } from '../config/load-config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { describeStartupError } from '../startup-error';
import { parseCli, UsageError, USAGE, type CliCommand } from './cli-args';
import { CliModule } from './cli.module';

export interface CliIo {
  /** The environment the config is read from; the process's own when left out (loadConfig's default). */
  env?: Env;
  cwd: string;
  out(text: string): void;
  err(text: string): void;
}

/** Runs one command line and answers its exit code: 0 done, 1 failed, 2 usage error. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (command.kind === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (command.kind === 'keys_generate') {
    io.out(keysAsEnv(generateKeys()));
    return 0;
  }
  try {
    await withAdmin(io, (admin) => run(command, admin, io));
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) io.err(`${error.message}\n`);
    else if (error instanceof AppError) io.err(`${error.code}: ${error.message}\n`);
    else io.err(`Failed: ${describeStartupError(error)}\n`);
    return 1;
  }
}

/** The admin use cases on the configured database (the embedded one when DATABASE_URL is unset, as for `npm start`). */
async function withAdmin(io: CliIo, body: (admin: AdminService) => Promise<void>): Promise<void> {
  const config = loadConfig(io.env, io.cwd);
  // Warnings and errors only, on stderr: stdout is the command's answer.
  const logger = createLogger(config.logLevel === 'silent' ? 'silent' : 'warn', { write: (line: string) => io.err(line) });
  const embedded = config.database.url
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, config.database.embeddedPort, { info: () => undefined, warn: (message) => logger.warn(message) });
  let app: INestApplicationContext | undefined;
  try {
    app = await NestFactory.createApplicationContext(CliModule.forRoot(config, config.database.url ?? embedded?.url ?? ''), {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    });
    await body(app.get(AdminService));
  } finally {
    await app?.close();
    await embedded?.stop();
  }
}

async function run(command: Exclude<CliCommand, { kind: 'help' | 'keys_generate' }>, admin: AdminService, io: CliIo): Promise<void> {
  switch (command.kind) {
    case 'sessions_list': {
      const page = await admin.listSessions({ q: command.user, status: command.status, page: 1, pageSize: command.limit });
      if (command.json) io.out(`${JSON.stringify(page.data, null, 2)}\n`);
      else io.out(sessionTable(page.data, page.meta.total, page.meta.totalExact));
      return;
    }
    case 'sessions_revoke': {
      const { revoked } =
        'user' in command.target
          ? await admin.revokeUserSessions(parseUserRef(command.target.user), 'cli', command.reason)
          : await admin.revokeSession(command.target.session, 'cli', command.reason);
      io.out(command.json ? `${JSON.stringify({ revoked })}\n` : `Revoked ${revoked} session${revoked === 1 ? '' : 's'}\n`);
      return;
    }
    case 'audit_tail': {
      const userId = command.user === undefined ? undefined : await admin.resolveUser(parseUserRef(command.user));
      const page = await admin.listAuditEvents({ userId, type: command.type, page: 1, pageSize: command.limit });
      // Oldest first, as a tail reads.
      const events = [...page.data].reverse();
      if (command.json) io.out(`${JSON.stringify(events, null, 2)}\n`);
      else io.out(events.map(auditLine).join(''));
      return;
    }
  }
}

function sessionTable(sessions: AdminSessionDto[], total: number, exact: boolean): string {
  if (sessions.length === 0) return 'No sessions\n';
  const rows = sessions.map((s) => [s.id, String(s.userId), s.username, s.email, s.status, s.deviceName ?? '-', s.lastUsedAt, s.revokedReason ?? '-']);
  const header = ['SESSION', 'USER', 'USERNAME', 'EMAIL', 'STATUS', 'DEVICE', 'LAST USED', 'REVOKED'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]): string => `${cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()}\n`;
  return line(header) + rows.map(line).join('') + `${sessions.length} of ${exact ? '' : 'more than '}${total}\n`;
}

function auditLine(event: AuditEventDto): string {
  const fields = [event.occurredAt, event.type, event.userId === null ? '' : `user=${event.userId}`, event.sessionId ? `session=${event.sessionId}` : '', event.actor ? `actor=${event.actor}` : '', event.reason ? `reason=${event.reason}` : ''];
  return `${fields.filter(Boolean).join(' ')}\n`;
}
