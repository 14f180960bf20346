import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { errors as undiciErrors, Pool, type Dispatcher } from 'undici';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SessionService } from '../sessions/session.service';
import { decideRoute } from './proxy-path';
import { ProxyIdentityResolver, type ProxyIdentity } from './proxy-identity';

/** Hop-by-hop headers (RFC 9110 §7.6.1) plus what the BFF must never pass on in either direction. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);
const NEVER_UPSTREAM = new Set(['host', 'cookie', 'authorization', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'forwarded', 'x-real-ip', 'x-request-id']);
const NEVER_DOWNSTREAM = new Set(['set-cookie', 'x-request-id']);

function connectionListed(headers: Record<string, unknown>): Set<string> {
  const value = headers.connection;
  const listed = typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : '';
  return new Set(listed.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean));
}

/**
 * Forwards `/api/*` (and `/graphql`) to Strapi as the caller's session, streaming both bodies.
 * The frontend never holds Strapi's JWT: the BFF attaches it here.
 */
@Injectable()
export class ProxyService implements OnModuleDestroy {
  private readonly logger = new Logger(ProxyService.name);
  private readonly pool: Pool;
  private readonly basePath: string;

  constructor(
    private readonly identities: ProxyIdentityResolver,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const upstream = new URL(config.strapi.url);
    this.basePath = upstream.pathname.replace(/\/+$/, '');
    this.pool = new Pool(upstream.origin, {
      connections: config.strapi.connections,
      keepAliveTimeout: 10_000,
      connectTimeout: config.strapi.timeoutMs,
      headersTimeout: config.strapi.timeoutMs,
      bodyTimeout: config.strapi.timeoutMs,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.close();
  }

  async forward(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const rawUrl = request.raw.url ?? request.url;
    const queryAt = rawUrl.indexOf('?');
    const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    this.checkRoute(path);

    const identity = await this.identities.resolve(request.headers.authorization);
    const upstream = await this.send(request, rawUrl, identity);

    if (upstream.statusCode === 401 && identity.kind === 'session') {
      // Strapi no longer accepts the session's JWT (expired, secret rotated, user blocked): the session is over.
      await upstream.body.dump();
      await this.sessions.revoke(identity.session.id, 'upstream_rejected', 'system');
      throw new AppError('session_expired', 'Strapi no longer accepts this session; sign in again');
    }

    reply.code(upstream.statusCode);
    const listed = connectionListed(upstream.headers);
    for (const [name, value] of Object.entries(upstream.headers)) {
      if (value === undefined || HOP_BY_HOP.has(name) || NEVER_DOWNSTREAM.has(name) || listed.has(name)) continue;
      reply.header(name, value);
    }
    return reply.send(upstream.body);
  }

  private checkRoute(path: string): void {
    const { allow, deny, graphql } = this.config.proxy;
    switch (decideRoute(path, allow, deny, graphql)) {
      case 'forward':
        return;
      case 'bff_route':
        throw new AppError('not_proxied', 'Strapi’s auth routes are not forwarded: use the BFF’s /auth/* endpoints (POST /auth/login, /auth/register, /auth/refresh)');
      case 'not_allowed':
        throw new AppError('not_proxied', 'This path is not forwarded to Strapi by this BFF');
      case 'bad_path':
        throw new AppError('validation_failed', 'The request path is not valid percent-encoding');
    }
  }

  private async send(request: FastifyRequest, rawUrl: string, identity: ProxyIdentity): Promise<Dispatcher.ResponseData> {
    const headers = this.upstreamHeaders(request, identity);
    const hasBody = request.headers['content-length'] !== undefined ? request.headers['content-length'] !== '0' : request.headers['transfer-encoding'] !== undefined;
    try {
      return await this.pool.request({
        method: request.method,
        path: this.basePath + rawUrl,
        headers,
        body: hasBody ? request.raw : undefined,
      });
    } catch (error) {
      throw this.transportError(error);
    }
  }

  private upstreamHeaders(request: FastifyRequest, identity: ProxyIdentity): IncomingHttpHeaders {
    const incoming = request.headers;
    const listed = connectionListed(incoming);
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(incoming)) {
      if (value === undefined || HOP_BY_HOP.has(name) || NEVER_UPSTREAM.has(name) || listed.has(name)) continue;
      headers[name] = value;
    }
    if (identity.kind === 'session') headers.authorization = `Bearer ${identity.strapiJwt}`;
    // request.ip already honours TRUST_PROXY, so only trusted hops shape what Strapi sees.
    headers['x-forwarded-for'] = request.ip;
    headers['x-forwarded-proto'] = request.protocol;
    headers['x-forwarded-host'] = request.host;
    headers['x-request-id'] = String(request.id);
    return headers;
  }

  private transportError(error: unknown): AppError {
    const name = (error as { name?: unknown } | undefined)?.name;
    const timedOut =
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError ||
      error instanceof undiciErrors.ConnectTimeoutError ||
      name === 'TimeoutError';
    const code = (error as { code?: unknown } | undefined)?.code;
    this.logger.warn({ event: 'proxy_upstream_error', error: typeof name === 'string' ? name : 'unknown', code: typeof code === 'string' ? code : undefined }, 'Forwarding to Strapi failed');
    return timedOut ? new AppError('upstream_timeout', 'Strapi did not answer in time') : new AppError('upstream_unavailable', 'Strapi is unavailable; try again shortly');
  }
}
