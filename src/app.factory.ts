import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { requestIdFor } from './common/request-id';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { corsFor } from './common/browser';
import { AccessLog, createLogger, PinoNestLogger } from './common/logging/logger';
import { answerClientError, sendError } from './common/error-renderer';
import { acceptJsonOnly } from './common/json-body';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { setupSwagger } from './docs/swagger';
import { Metrics } from './metrics/metrics';
import { ProxyFront } from './proxy/proxy-front';
import { ProxyService } from './proxy/proxy.service';

export interface CreateAppOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Where logs go (stdout by default); tests pass their own to read what was logged. */
  logDestination?: DestinationStream;
}

export async function createApp({ config, databaseUrl, logDestination }: CreateAppOptions): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel, logDestination);
  const accessLog = new AccessLog(config.logLevel, logDestination);
  const proxyFront = new ProxyFront({ logger, accessLog }, config.browser.corsOrigins);
  const adapter = new FastifyAdapter({
    serverFactory: proxyFront.serverFactory,
    logger: false,
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => requestIdFor(request.headers),
    return503OnClosing: true,
    // Errors Fastify and Node's HTTP parser answer before any route runs get the envelope too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => sendError(error, request, reply, logger),
    clientErrorHandler: (error, socket) => answerClientError(error, socket, logger),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    logger: new PinoNestLogger(logger),
    // Nest would add an urlencoded parser; the routes take JSON only (see acceptJsonOnly).
    bodyParser: false,
  });

  const fastify = app.getHttpAdapter().getInstance();
  acceptJsonOnly(fastify, config.bodyLimitBytes);
  fastify.addHook('onRequest', (request, reply, done) => {
    const cors = corsFor(request.method, request.headers, config.browser.corsOrigins);
    if (cors) void reply.headers(cors.headers);
    if (cors?.preflight) {
      void reply.code(204).send();
      return;
    }
    done();
  });
  // Callback-style hooks skip a promise each.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    // Token responses must never be stored by a browser, proxy or CDN.
    if (request.url.startsWith('/auth/')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    accessLog.write({ requestId: request.id, method: request.method, path: request.url.split('?', 1)[0], statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) });
    done();
  });

  const metrics = app.get(Metrics);
  proxyFront.attach(app.get(ProxyService), metrics.enabled ? metrics.proxyDuration : undefined);
  fastify.addHook('preClose', (done) => {
    proxyFront.close();
    done();
  });
  fastify.addHook('onClose', (_instance, done) => {
    accessLog.close();
    done();
  });

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(logger));
  if (config.swaggerEnabled) setupSwagger(app, config);
  app.enableShutdownHooks();
  await app.init();
  return app;
}
