import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { createLogger, PinoNestLogger } from './common/logging/logger';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { setupSwagger } from './docs/swagger';
import { registerProxyRoutes } from './proxy/proxy.routes';
import { ProxyService } from './proxy/proxy.service';

export interface CreateAppOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Tests pass their own to read what was logged. */
  logger?: Logger;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** TRUST_PROXY=N: trust the nearest N proxies in X-Forwarded-For. */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

export async function createApp({ config, databaseUrl, logger = createLogger(config.logLevel) }: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: false,
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    // Strapi filter and populate query strings get long; the proxy forwards them as they are.
    maxParamLength: 8192,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    logger: new PinoNestLogger(logger),
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    // Token responses must never be stored by a browser, proxy or CDN.
    if (request.url.startsWith('/auth/')) reply.header('cache-control', 'no-store');
    return payload;
  });
  fastify.addHook('onResponse', async (request, reply) => {
    logger.info(
      { requestId: request.id, method: request.method, path: request.url.split('?')[0], statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });

  await registerProxyRoutes(fastify, app.get(ProxyService), config, logger);

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(logger));
  if (config.swaggerEnabled) setupSwagger(app, config);
  app.enableShutdownHooks();
  await app.init();
  return app;
}
