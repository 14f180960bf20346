import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { errors as undiciErrors, Pool, type Dispatcher } from 'undici';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SessionService } from '../sessions/session.service';
import { strapiJwtExpiry } from '../strapi/strapi-jwt';
import { clientOriginResolver, type ClientOrigin } from './forwarded';
import { decideRoute } from './proxy-path';
import { ProxyIdentityResolver, type ProxyIdentity } from './proxy-identity';

/** Hop-by-hop headers (RFC 9110 §7.6.1) plus what the BFF must never pass on in either direction. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);
const NEVER_UPSTREAM = new Set(['host', 'cookie', 'authorization', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'forwarded', 'x-real-ip', 'x-request-id']);
/** The BFF decides CORS (CORS_ORIGINS); Strapi's own CORS answer must not reach the browser. */
const NEVER_DOWNSTREAM = new Set([
  'set-cookie',
  'x-request-id',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-expose-headers',
  'access-control-max-age',
]);

function connectionListed(headers: Record<string, unknown>): Set<string> | undefined {
  const value = headers.connection;
  const listed = typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : '';
  if (listed === '' || listed.toLowerCase() === 'keep-alive' || listed.toLowerCase() === 'close') return undefined;
  return new Set(listed.split(',').map((name) => name.trim().toLowerCase()));
}

function copyHeaders<T extends Record<string, unknown>>(from: Record<string, unknown>, drop: Set<string>): T {
  const listed = connectionListed(from);
  const copy: Record<string, unknown> = {};
  for (const name in from) {
    const value = from[name];
    if (value === undefined || HOP_BY_HOP.has(name) || drop.has(name) || listed?.has(name)) continue;
    copy[name] = value;
  }
  return copy as T;
}

/** Clock skew allowed between the BFF and Strapi when judging whether a JWT expired in flight. */
const IN_FLIGHT_SKEW_MS = 1_000;

/**
 * A refresh-mode session whose Strapi JWT, as sent, has (about) expired by now: Strapi's 401
 * then says nothing about the session, which renews the JWT at its next request.
 */
function expiredInFlight(identity: Extract<ProxyIdentity, { kind: 'session' }>): boolean {
  if (identity.session.strapiRefreshEncrypted === null) return false;
  const expiresAt = strapiJwtExpiry(identity.strapiJwt);
  return expiresAt !== null && expiresAt.getTime() <= Date.now() + IN_FLIGHT_SKEW_MS;
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
  private readonly originOf: (request: IncomingMessage) => ClientOrigin;

  constructor(
    private readonly identities: ProxyIdentityResolver,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const upstream = new URL(config.strapi.url);
    this.basePath = upstream.pathname.replace(/\/+$/, '');
    this.originOf = clientOriginResolver(config.trustProxy);
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

  clientIp(request: IncomingMessage): string {
    return this.originOf(request).ip;
  }

  /** True for the paths this proxy owns; everything else is the Nest app's. */
  handles(url: string): boolean {
    if (url.startsWith('/api/') || url === '/api' || url.startsWith('/api?')) return true;
    return this.config.proxy.graphql && (url === '/graphql' || url.startsWith('/graphql?'));
  }

  async forward(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
    const rawUrl = request.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    this.checkRoute(queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt));

    const identity = await this.identities.resolve(request);
    // Read before forwarding: once the body has gone upstream, the request may be destroyed.
    const origin = this.originOf(request);
    const upstream = await this.send(request, rawUrl, identity, origin, requestId);

    if (upstream.statusCode === 401 && identity.kind === 'session') {
      await upstream.body.dump();
      if (expiredInFlight(identity)) {
        // Strapi's refresh mode: Strapi checks the JWT after reading the whole body, so a long
        // upload can outlast a JWT that was valid when it left. The session is fine; the next
        // request gets a renewed JWT.
        throw new AppError('upstream_credential_expired', 'Strapi’s token for this session expired while the request was on its way; send it again');
      }
      // Strapi no longer accepts the session's JWT (expired, secret rotated, user blocked): the session is over.
      await this.sessions.revoke(
        { sessionId: identity.session.id },
        { reason: 'upstream_rejected', actor: 'system', context: { requestId, ip: origin.ip, userAgent: request.headers['user-agent'] } },
      );
      throw new AppError('session_expired', 'Strapi no longer accepts this session; sign in again');
    }

    const headers = copyHeaders<OutgoingHttpHeaders>(upstream.headers, NEVER_DOWNSTREAM);
    headers['x-request-id'] = requestId;
    headers['x-content-type-options'] = 'nosniff';
    response.writeHead(upstream.statusCode, headers);
    // pipe() rather than stream.pipeline(): on Node 20 pipeline() builds an AbortError with a stack
    // trace for every finished pipe, which cost about a tenth of the proxy's CPU in profiles.
    const body = upstream.body;
    body.once('error', () => response.destroy());
    response.once('close', () => {
      if (!body.readableEnded) body.destroy();
    });
    body.pipe(response);
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

  private async send(request: IncomingMessage, rawUrl: string, identity: ProxyIdentity, origin: ClientOrigin, requestId: string): Promise<Dispatcher.ResponseData> {
    const headers = this.upstreamHeaders(request, identity, origin, requestId);
    const length = request.headers['content-length'];
    const hasBody = length !== undefined ? length !== '0' : request.headers['transfer-encoding'] !== undefined;
    try {
      return await this.pool.request({
        method: request.method as Dispatcher.HttpMethod,
        path: this.basePath + rawUrl,
        headers,
        body: hasBody ? request : undefined,
      });
    } catch (error) {
      throw this.transportError(error);
    }
  }

  private upstreamHeaders(request: IncomingMessage, identity: ProxyIdentity, origin: ClientOrigin, requestId: string): IncomingHttpHeaders {
    const headers = copyHeaders<IncomingHttpHeaders>(request.headers, NEVER_UPSTREAM);
    if (identity.kind === 'session') headers.authorization = `Bearer ${identity.strapiJwt}`;
    // Only trusted hops (TRUST_PROXY) shape what Strapi sees; a client's own X-Forwarded-For is replaced.
    headers['x-forwarded-for'] = origin.ip;
    headers['x-forwarded-proto'] = origin.protocol;
    headers['x-forwarded-host'] = origin.host;
    headers['x-request-id'] = requestId;
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
