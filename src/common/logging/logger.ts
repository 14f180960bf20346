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
  'jwt',
  'token',
  'authorization',
  'cookie',
  'set-cookie',
  '*.password',
  '*.currentPassword',
  '*.passwordConfirmation',
  '*.refreshToken',
  '*.accessToken',
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

/**
 * One line per request, in the same JSON shape as the pino logs. It is written by hand because
 * it runs on every proxied request, where going through pino (and its redaction) cost about a
 * tenth of the proxy's CPU. Its fields are fixed and secret-free: the path is scrubbed, the query
 * dropped. Writes are buffered (one syscall per few KB) and flushed when the process exits.
 */
export class AccessLog {
  private readonly enabled: boolean;
  private readonly destination: pino.DestinationStream;

  constructor(level: string, destination?: pino.DestinationStream) {
    this.enabled = pino.levels.values[level] !== undefined && pino.levels.values[level] <= pino.levels.values.info;
    this.destination = destination ?? (this.enabled ? pino.destination({ sync: false, minLength: 4096 }) : { write: () => undefined });
  }

  /** Writes out what is buffered; called when the app closes. */
  flush(): void {
    const stream = this.destination as { flushSync?: () => void };
    try {
      stream.flushSync?.();
    } catch {
      // Nothing buffered, or the stream is already closed.
    }
  }

  write(entry: AccessEntry): void {
    if (!this.enabled) return;
    this.destination.write(
      `{"level":"info","time":"${new Date().toISOString()}","service":"strapi-auth-bff","requestId":${JSON.stringify(entry.requestId)},` +
        `"method":${JSON.stringify(entry.method)},"path":${JSON.stringify(scrubSecrets(entry.path))},"statusCode":${entry.statusCode},` +
        `"ms":${entry.ms},"msg":"request completed"}\n`,
    );
  }
}

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

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
