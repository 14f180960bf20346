import { HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppError, type ErrorCode, type ErrorEnvelope } from './app-error';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** Postgres connection classes (08xxx), shutdowns (57P0x) and socket errors: a fault, not a bug. */
function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code: ownCode, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const candidate = ownCode ?? driverError?.code;
  const code = typeof candidate === 'string' ? candidate : '';
  if (/^08|^57P0[1-3]$|^53300$|^ECONNREFUSED$|^ECONNRESET$|^ETIMEDOUT$/.test(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Connection is not established|connect ECONNREFUSED/i.test(error.message);
}

export function toEnvelope(error: unknown, requestId: string, logger: Logger): ErrorEnvelope {
  if (error instanceof AppError) {
    const envelope: ErrorEnvelope = { statusCode: error.status, code: error.code, message: error.message, requestId };
    if (error.details !== undefined) envelope.details = error.details;
    if (error.status >= 500) logger.warn({ requestId, code: error.code }, error.message);
    return envelope;
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status < 500) {
      const code = STATUS_CODES[status] ?? 'validation_failed';
      const response = error.getResponse();
      const message = status === 404 ? 'No such route' : typeof response === 'string' ? response : error.message;
      return { statusCode: status, code, message, requestId };
    }
  }
  if (isDatabaseUnavailable(error)) {
    logger.error({ requestId, err: error }, 'Database unavailable');
    return { statusCode: 503, code: 'service_unavailable', message: 'The service is temporarily unavailable; try again shortly', requestId };
  }
  logger.error({ requestId, err: error }, 'Unhandled error');
  return { statusCode: 500, code: 'internal_error', message: 'Something went wrong; quote the requestId when reporting it', requestId };
}

export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger): void {
  const envelope = toEnvelope(error, String(request.id), logger);
  void reply.status(envelope.statusCode).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(envelope);
}
