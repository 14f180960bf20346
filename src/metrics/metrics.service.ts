import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, type ErrorEnvelope } from '../common/app-error';
import { requestIdFor } from '../common/request-id';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { scrapeAllowed } from './metrics-access';
import { Metrics } from './metrics';

/**
 * Serves the metrics: to MetricsController on the app's port, or on a listener of its own
 * (METRICS_PORT) that answers GET /metrics and nothing else. METRICS_TOKEN applies to both.
 */
@Injectable()
export class MetricsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MetricsService.name);
  private server: Server | undefined;

  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { exposure, requested, port, host } = this.config.metrics;
    if (requested && exposure === 'off') {
      this.logger.warn({ event: 'metrics_off' }, 'Metrics are off: in production /metrics needs METRICS_TOKEN or METRICS_PORT (or set METRICS_ENABLED=false to say so)');
    }
    if (exposure !== 'own_port' || port === undefined) return;
    this.server = createServer((request, response) => {
      const requestId = requestIdFor(request.headers);
      void this.answer(request.method ?? '', (request.url ?? '').split('?', 1)[0], request.headers.authorization, requestId).then(({ status, contentType, body }) => {
        response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', 'x-request-id': requestId }).end(body);
      });
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.logger.log({ event: 'metrics_listening' }, `Metrics at http://${host}:${this.ownPort() ?? port}/metrics`);
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The port the metrics listener bound (METRICS_PORT=0 picks a free one). */
  ownPort(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  /** The exposition, or 401 `unauthorized` without the right Bearer token. */
  async scrape(authorization: string | undefined): Promise<{ contentType: string; body: string }> {
    if (!scrapeAllowed(authorization, this.config.metrics.token)) throw new AppError('unauthorized', 'Metrics need the METRICS_TOKEN as a Bearer token');
    return { contentType: this.metrics.contentType, body: await this.metrics.render() };
  }

  private async answer(method: string, path: string, authorization: string | undefined, requestId: string): Promise<{ status: number; contentType: string; body: string }> {
    try {
      if (path !== '/metrics') throw new AppError('not_found', 'This listener serves GET /metrics only');
      if (method !== 'GET' && method !== 'HEAD') throw new AppError('method_not_allowed', 'Metrics are read with GET');
      const { contentType, body } = await this.scrape(authorization);
      return { status: 200, contentType, body };
    } catch (error) {
      const known = error instanceof AppError ? error : new AppError('internal_error', 'The metrics could not be collected');
      if (!(error instanceof AppError)) this.logger.error({ requestId, err: error }, 'Collecting metrics failed');
      const envelope: ErrorEnvelope = { statusCode: known.status, code: known.code, message: known.message, requestId };
      return { status: known.status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(envelope) };
    }
  }
}
