import type { LoggerService } from '@nestjs/common';
import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Secrets never reach the logs. Structured fields are redacted by path, and any free text is
 * scrubbed of the shapes our secrets take (Bearer values, JWTs, BFF refresh tokens).
 */
export const REDACTED_PATHS = [
  'password',
  'currentPassword',
  'passwordConfirmation',
  'refreshToken',
  'accessToken',
  'deviceToken',
  'jwt',
  'token',
  'authorization',
  'cookie',
  'set-cookie',
  'mfaToken',
  'secret',
  'recoveryCodes',
  '*.mfaToken',
  '*.secret',
  '*.recoveryCodes',
  '*.password',
  '*.currentPassword',
  '*.passwordConfirmation',
  '*.refreshToken',
  '*.accessToken',
  '*.deviceToken',
  '*.jwt',
  '*.token',
  '*.authorization',
  '*.cookie',
  '*["set-cookie"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
];

const SECRET_SHAPES: RegExp[] = [
  /Bearer\s+[^\s"',]+/gi,
  /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g,
  /bffrt_[A-Za-z0-9_-]+/g,
  /bffmfa_[A-Za-z0-9_-]+/g,
  /otpauth:\/\/[^\s"']+/g,
];

export function scrubSecrets(text: string): string {
  return SECRET_SHAPES.reduce((acc, shape) => acc.replace(shape, '[Redacted]'), text);
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'strapi-auth-bff' },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    formatters: { level: (label) => ({ level: label }) },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg: unknown) => (typeof arg === 'string' ? scrubSecrets(arg) : arg));
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export interface AccessEntry {
  requestId: string;
  method: string;
  /** Path only: the query string is never logged. */
  path: string;
  statusCode: number;
  ms: number;
}

/** How stale the access log may get: lines reach the output within this, however quiet traffic is. */
export const ACCESS_LOG_FLUSH_MS = 1000;

interface FlushableDestination extends pino.DestinationStream {
  flush?: () => void;
  flushSync?: () => void;
}

/**
 * One line per request, in the same JSON shape as the pino logs. It is written by hand because
 * it runs on every proxied request, where going through pino (and its redaction) cost about a
 * tenth of the proxy's CPU. Its fields are fixed and secret-free: the path is scrubbed, the query
 * dropped. Writes are buffered (one syscall per few KB under load); a timer flushes what a quiet
 * period leaves in the buffer, so a line is never more than a second late. The timer, not a
 * flush per line, keeps the hot path at one buffered write.
 */
export class AccessLog {
  private readonly enabled: boolean;
  private readonly destination: FlushableDestination;
  private readonly timer: NodeJS.Timeout | undefined;
  private written = false;

  constructor(level: string, destination?: pino.DestinationStream, flushEveryMs = ACCESS_LOG_FLUSH_MS) {
    this.enabled = pino.levels.values[level] !== undefined && pino.levels.values[level] <= pino.levels.values.info;
    this.destination = destination ?? (this.enabled ? pino.destination({ sync: false, minLength: 4096 }) : { write: () => undefined });
    if (this.enabled && typeof this.destination.flush === 'function') {
      this.timer = setInterval(() => this.flushIfWritten(), flushEveryMs);
      this.timer.unref();
    }
  }

  /** Writes out what is buffered and stops the timer; called when the app closes. */
  close(): void {
    clearInterval(this.timer);
    try {
      this.destination.flushSync?.();
    } catch {
      // Nothing buffered, or the stream is already closed.
    }
  }

  write(entry: AccessEntry): void {
    if (!this.enabled) return;
    this.written = true;
    this.destination.write(
      `{"level":"info","time":"${new Date().toISOString()}","service":"strapi-auth-bff","requestId":${JSON.stringify(entry.requestId)},` +
        `"method":${JSON.stringify(entry.method)},"path":${JSON.stringify(scrubSecrets(entry.path))},"statusCode":${entry.statusCode},` +
        `"ms":${entry.ms},"msg":"request completed"}\n`,
    );
  }

  private flushIfWritten(): void {
    // An idle service would otherwise make an empty write every second.
    if (!this.written) return;
    this.written = false;
    try {
      this.destination.flush?.();
    } catch {
      // The stream was closed under us; close() stops the timer.
    }
  }
}

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

/**
 * Nest announces every controller and route at boot: about 40 lines that drown the few that
 * matter. They are still there at LOG_LEVEL=debug.
 */
const ROUTE_MAPPING_CONTEXTS = new Set(['RoutesResolver', 'RouterExplorer']);

/** Lets Nest's Logger write through pino, keeping `Logger.warn({ ...fields }, 'message')` structured. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    // Nest appends the logger's context as the last argument.
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    if (level === 'info' && context !== undefined && ROUTE_MAPPING_CONTEXTS.has(context)) level = 'debug';
    const text = rest.find((param): param is string => typeof param === 'string');
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, text ?? message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...(message as Record<string, unknown>) }, text ?? '');
    } else {
      this.logger[level]({ context }, String(message));
    }
  }
}
