import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { sendError } from '../common/error-renderer';
import type { AppConfig } from '../config/app-config';
import type { ProxyService } from './proxy.service';

/**
 * The proxy routes live in their own Fastify context, outside Nest's controllers: no body parser
 * runs there, so request bodies stream to Strapi untouched and unbuffered, and responses stream back.
 */
export function registerProxyRoutes(fastify: FastifyInstance, proxy: ProxyService, config: AppConfig, logger: Logger): Promise<void> {
  const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    try {
      await proxy.forward(request, reply);
    } catch (error) {
      // The request body may still be arriving; it is not needed any more.
      request.raw.resume();
      sendError(error, request, reply, logger);
    }
  };
  return fastify.register((context, _options, done) => {
    context.removeAllContentTypeParsers();
    context.addContentTypeParser('*', (_request, _payload, next) => next(null, undefined));
    context.all('/api', handler);
    context.all('/api/*', handler);
    if (config.proxy.graphql) context.all('/graphql', handler);
    done();
  }) as unknown as Promise<void>;
}
