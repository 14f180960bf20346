import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import { corsFor } from '../common/browser';
import { AppError } from '../common/app-error';
import { toEnvelope } from '../common/error-renderer';
import type { AccessLog } from '../common/logging/logger';
import { requestIdFor } from '../common/request-id';
import type { StatusClassHistogram } from '../metrics/status-class-histogram';
import type { ProxyService } from './proxy.service';

export interface ProxyFrontLoggers {
  logger: Logger;
  accessLog: AccessLog;
}

/**
 * The proxy is the hot path, so it answers on Node's HTTP server directly, in front of Fastify's
 * router and Nest's per-request hooks. Everything else goes on to the Nest app unchanged. The
 * proxy keeps the app's conventions: x-request-id, one access-log line, the error envelope.
 */
export class ProxyFront {
  private proxy: ProxyService | undefined;
  /** bff_proxy_duration_seconds; undefined with metrics off, so nothing is observed at all. */
  private durations: StatusClassHistogram | undefined;
  private closing = false;

  constructor(
    private readonly loggers: ProxyFrontLoggers,
    private readonly corsOrigins: string[],
  ) {}

  /** For FastifyAdapter's `serverFactory`: the one HTTP server, shared by the proxy and the app. */
  serverFactory = (appHandler: RequestListener): Server =>
    createServer((request, response) => {
      if (this.proxy?.handles(request.url ?? '/')) this.handle(this.proxy, request, response);
      else appHandler(request, response);
    });

  attach(proxy: ProxyService, durations: StatusClassHistogram | undefined): void {
    this.proxy = proxy;
    this.durations = durations;
  }

  /** From now on answer 503, as Fastify does for the app's routes while closing. */
  close(): void {
    this.closing = true;
  }

  private handle(proxy: ProxyService, request: IncomingMessage, response: ServerResponse): void {
    const requestId = requestIdFor(request.headers);
    const started = performance.now();
    response.once('finish', () => {
      const elapsedMs = performance.now() - started;
      // The one metric the proxy records: a few array increments, no allocation (StatusClassHistogram).
      this.durations?.observe(response.statusCode, elapsedMs / 1000);
      this.loggers.accessLog.write({
        requestId,
        method: request.method ?? '',
        path: (request.url ?? '').split('?', 1)[0],
        statusCode: response.statusCode,
        ms: Math.round(elapsedMs),
      });
    });
    const cors = corsFor(request.method, request.headers, this.corsOrigins);
    if (cors) for (const [name, value] of Object.entries(cors.headers)) response.setHeader(name, value);
    if (cors?.preflight) {
      response.writeHead(204, { 'x-request-id': requestId }).end();
      return;
    }
    if (this.closing) {
      this.fail(new Error('closing'), request, response, requestId, 503);
      return;
    }
    proxy.forward(request, response, requestId).catch((error: unknown) => this.fail(error, request, response, requestId));
  }

  private fail(error: unknown, request: IncomingMessage, response: ServerResponse, requestId: string, status?: number): void {
    // The request body may still be arriving; it is not needed any more.
    request.resume();
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const envelope =
      status === 503
        ? { statusCode: 503, code: 'service_unavailable', message: 'The service is shutting down; try again shortly', requestId }
        : toEnvelope(error, requestId, this.loggers.logger);
    const body = JSON.stringify(envelope);
    response.writeHead(envelope.statusCode, {
      ...(error instanceof AppError ? error.headers : undefined),
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      'x-request-id': requestId,
      'x-content-type-options': 'nosniff',
    });
    response.end(body);
  }
}
