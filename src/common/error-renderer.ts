import { HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { AlternativeAnswer } from './alternative-answer';
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

/**
 * Errors Fastify and Node mark as the client's fault with a 4xx `statusCode`: a bad URL, a
 * parameter too long, a body the client stopped sending half-way. Never a 500.
 */
function clientFault(error: unknown): AppError | undefined {
  if (error instanceof AppError || error instanceof HttpException) return undefined;
  const { code, statusCode } = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  if (code === 'FST_ERR_BAD_URL' || code === 'FST_ERR_MAX_PARAM_LENGTH') return new AppError('invalid_path', 'The request path is not valid');
  if (code === 'ECONNRESET') return new AppError('malformed_request', 'The request body was cut off');
  return new AppError(STATUS_CODES[statusCode] ?? 'validation_failed', 'The request is invalid', undefined, statusCode);
}

export function toEnvelope(error: unknown, requestId: string, logger: Logger): ErrorEnvelope {
  error = clientFault(error) ?? error;
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
  if (error instanceof AlternativeAnswer) {
    void reply.status(error.status).header('cache-control', 'no-store').header('x-request-id', String(request.id)).type('application/json; charset=utf-8').send(error.body);
    return;
  }
  const envelope = toEnvelope(error, String(request.id), logger);
  if (error instanceof AppError && error.headers) void reply.headers(error.headers);
  // Set here as well as in the onSend hook: errors raised before routing (bad URLs) skip the hooks.
  void reply
    .status(envelope.statusCode)
    .header('cache-control', 'no-store')
    .header('x-request-id', envelope.requestId)
    .header('x-content-type-options', 'nosniff')
    .type('application/json; charset=utf-8')
    .send(envelope);
}

/** Node's HTTP parser refused the request (bad framing, smuggling attempts, oversized headers): no route ran. */
const CLIENT_ERRORS: Record<string, AppError> = {
  ERR_HTTP_REQUEST_TIMEOUT: new AppError('request_timeout', 'The request took too long to arrive'),
  HPE_HEADER_OVERFLOW: new AppError('headers_too_large', 'The request headers are too large'),
};

/**
 * Fastify's clientErrorHandler: the envelope, with a request id of its own (the request never got
 * far enough to have one), written straight to the socket, which is then closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket, logger: Logger): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[error.code ?? ''] ?? new AppError('malformed_request', 'The request is not valid HTTP');
  const requestId = randomUUID();
  const body = JSON.stringify({ statusCode: known.status, code: known.code, message: known.message, requestId } satisfies ErrorEnvelope);
  logger.debug({ requestId, code: error.code }, 'Refused a malformed request');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${known.status} ${known.status === 400 ? 'Bad Request' : known.status === 408 ? 'Request Timeout' : 'Request Header Fields Too Large'}\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\n` +
        `x-request-id: ${requestId}\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
