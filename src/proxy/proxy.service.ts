import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { errors as undiciErrors, Pool, type Dispatcher } from 'undici';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AccessTokenVerifier } from '../auth/access-token-verifier';
import { ProxyRateLimit } from '../limits/proxy-rate-limit';
import type { Principal } from '../common/principal';
import { SessionRevoker } from '../sessions/revocation';
import { strapiExpiredInFlight } from '../sessions/session-errors';
import { StrapiCredentials } from '../sessions/strapi-credentials';
import { strapiJwtExpiry } from '../strapi/strapi.client';
import { clientOriginResolver, type ClientOrigin } from './forwarded';
import { downstreamHeaders, upstreamHeaders } from './proxy-headers';
import { judgeGraphqlPayload, judgeGraphqlQuery, type GraphqlVerdict } from './graphql-guard';
import { countedBody, graphqlGetQuery, hasBody, isPlainJson, payloadTooLarge, readWhole } from './proxy-body';
import { decideRoute, GRAPHQL_PATH } from './proxy-path';
import { parseProxyTarget, type ProxyTarget } from './proxy-target';

/** What the proxy forwards at all; CONNECT, TRACE and the like are answered 405. */
const FORWARDED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A request Strapi sees as the session's user, with the Strapi JWT the BFF attaches; or anonymous. */
type Identity = { kind: 'anonymous' } | { kind: 'session'; principal: Principal; strapiJwt: string };

/** Clock skew allowed between the BFF and Strapi when judging whether a JWT expired in flight. */
const IN_FLIGHT_SKEW_MS = 1_000;

/**
 * A refresh-mode session whose Strapi JWT, as sent, has (about) expired by now: Strapi's 401
 * then says nothing about the session, which renews the JWT at its next request.
 */
function expiredInFlight(identity: Extract<Identity, { kind: 'session' }>): boolean {
  if (identity.principal.session.strapiRefreshEncrypted === null) return false;
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
  private readonly publicUrl: URL | undefined;

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly credentials: StrapiCredentials,
    private readonly revoker: SessionRevoker,
    private readonly rateLimit: ProxyRateLimit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const upstream = new URL(config.strapi.url);
    this.basePath = upstream.pathname.replace(/\/+$/, '');
    this.originOf = clientOriginResolver(config.trustProxy);
    this.publicUrl = config.publicUrl ? new URL(config.publicUrl) : undefined;
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
    return this.config.proxy.graphql && (url === GRAPHQL_PATH || url.startsWith(`${GRAPHQL_PATH}?`));
  }

  async forward(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
    const method = request.method ?? 'GET';
    if (!FORWARDED_METHODS.has(method)) throw new AppError('method_not_allowed', `${method} is not forwarded to Strapi`);
    const { target, route } = this.route(request.url ?? '/');

    const identity = await this.identity(request);
    // Read before forwarding: once the body has gone upstream, the request may be destroyed.
    const origin = this.originOf(request);
    if (this.rateLimit.enabled) {
      const limited = this.rateLimit.check(identity.kind === 'session' ? identity.principal.sessionId : undefined, origin.ip);
      if (limited) throw limited;
    }
    const body = route === 'graphql' ? await this.graphqlBody(request, target) : this.streamedBody(request);
    const upstream = await this.send(request, target, body, identity, origin, requestId);

    if (upstream.statusCode === 401 && identity.kind === 'session') {
      await upstream.body.dump();
      // Strapi's refresh mode: Strapi checks the JWT after reading the whole body, so a long upload
      // can outlast a JWT that was valid when it left. The session is fine; the next request renews it.
      if (expiredInFlight(identity)) throw strapiExpiredInFlight();
      // Strapi no longer accepts the session's JWT (expired, secret rotated, user blocked): the session is over.
      throw await this.revoker.endRefusedByStrapi(identity.principal.session, 'credential_rejected', { requestId, ip: origin.ip, userAgent: request.headers['user-agent'] });
    }

    const headers = downstreamHeaders(upstream.headers, requestId);
    response.writeHead(upstream.statusCode, headers);
    // pipe() rather than stream.pipeline(): on Node 20 pipeline() builds an AbortError with a stack
    // trace for every finished pipe, which cost about a tenth of the proxy's CPU in profiles.
    const stream = upstream.body;
    stream.once('error', () => response.destroy());
    response.once('close', () => {
      if (!stream.readableEnded) stream.destroy();
    });
    stream.pipe(response);
  }

  /**
   * No credential: anonymous (Strapi's public role). Anything else must be a valid access token of
   * an active session (AccessTokenVerifier, as for the app's routes); it is never quietly
   * downgraded to anonymous.
   */
  private async identity(request: IncomingMessage): Promise<Identity> {
    const principal = await this.verifier.authenticate(request);
    if (!principal) return { kind: 'anonymous' };
    const { session } = principal;
    // Strapi's refresh mode: a JWT near its end is renewed first (single-flight, under the row lock).
    const strapiJwt = this.credentials.isDue(session) ? await this.credentials.jwtFor(session) : this.credentials.strapiJwt(session);
    return { kind: 'session', principal, strapiJwt };
  }

  /** Parses the target once (proxy-target.ts) and decides on that same reading what happens to it. */
  private route(rawUrl: string): { target: ProxyTarget; route: 'forward' | 'graphql' } {
    const parsed = parseProxyTarget(rawUrl);
    if (!parsed.ok) throw new AppError('invalid_path', `The request path is refused: ${parsed.reason}`);
    const decision = decideRoute(parsed.target, this.config.proxy);
    switch (decision) {
      case 'forward':
      case 'graphql':
        return { target: parsed.target, route: decision };
      case 'bff_route':
        throw new AppError('not_proxied', 'Strapi’s auth routes are not forwarded: use the BFF’s /auth/* endpoints (POST /auth/login, /auth/register, /auth/refresh)');
      case 'not_allowed':
        throw new AppError('not_proxied', 'This path is not forwarded to Strapi by this BFF');
    }
  }

  /**
   * A REST body streams through as it arrives, within PROXY_BODY_LIMIT: a declared length over the
   * limit is refused before anything is forwarded; a chunked body is counted on its way.
   */
  private streamedBody(request: IncomingMessage): Dispatcher.DispatchOptions['body'] {
    const limit = this.config.proxy.bodyLimitBytes;
    const length = request.headers['content-length'];
    if (length !== undefined) {
      if (Number(length) > limit) throw payloadTooLarge(limit);
      return length === '0' ? undefined : request;
    }
    if (request.headers['transfer-encoding'] === undefined) return undefined;
    return Readable.from(countedBody(request, limit), { objectMode: false });
  }

  /**
   * GraphQL is judged before it is forwarded (graphql-guard.ts), so its body is read whole, and the
   * bytes judged are the bytes sent. Only what the BFF can read unambiguously is accepted: a GET
   * with exactly the standard parameters, or a POST of UTF-8 JSON without a content encoding.
   */
  private async graphqlBody(request: IncomingMessage, target: ProxyTarget): Promise<Buffer | undefined> {
    const method = request.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD') {
      if (hasBody(request)) throw new AppError('validation_failed', 'A GraphQL GET request carries its operation in the query string, not a body');
      this.judgeGraphql(() => judgeGraphqlQuery(graphqlGetQuery(target.query)));
      return undefined;
    }
    if (method !== 'POST') throw new AppError('method_not_allowed', 'GraphQL takes GET and POST');
    if (!isPlainJson(request.headers['content-type'])) throw new AppError('unsupported_media_type', 'GraphQL requests must be POSTed as application/json (UTF-8)');
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') throw new AppError('unsupported_media_type', 'GraphQL request bodies must not be compressed');
    const limit = this.config.proxy.graphqlBodyLimitBytes;
    const length = request.headers['content-length'];
    if (length !== undefined && Number(length) > limit) throw payloadTooLarge(limit);
    const body = await readWhole(request, limit);
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      throw new AppError('validation_failed', 'The GraphQL request body is not valid JSON');
    }
    this.judgeGraphql(() => judgeGraphqlPayload(payload));
    return body;
  }

  private judgeGraphql(judge: () => GraphqlVerdict): void {
    const verdict = judge();
    if (verdict.ok) return;
    // The endpoint exists and is forwarded; this operation is what is refused, hence 403.
    if (verdict.refusal === 'auth_mutation') throw new AppError('not_proxied', verdict.message, undefined, 403);
    throw new AppError('validation_failed', verdict.message);
  }

  private async send(
    request: IncomingMessage,
    target: ProxyTarget,
    body: Dispatcher.DispatchOptions['body'],
    identity: Identity,
    origin: ClientOrigin,
    requestId: string,
  ): Promise<Dispatcher.ResponseData> {
    const headers = upstreamHeaders(request.headers, {
      strapiJwt: identity.kind === 'session' ? identity.strapiJwt : undefined,
      clientIp: origin.ip,
      protocol: this.publicUrl?.protocol.slice(0, -1) ?? origin.protocol,
      publicHost: this.publicUrl?.host,
      requestId,
    });
    if (Buffer.isBuffer(body)) headers['content-length'] = String(body.length);
    try {
      return await this.pool.request({
        method: request.method as Dispatcher.HttpMethod,
        // The path the BFF judged, normalised; never the raw request target.
        path: this.basePath + target.path + (target.query ? `?${target.query}` : ''),
        headers,
        body,
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw this.transportError(error, requestId);
    }
  }

  private transportError(error: unknown, requestId: string): AppError {
    const name = (error as { name?: unknown } | undefined)?.name;
    const timedOut =
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError ||
      error instanceof undiciErrors.ConnectTimeoutError ||
      name === 'TimeoutError';
    const code = (error as { code?: unknown } | undefined)?.code;
    this.logger.warn({ event: 'proxy_upstream_error', error: typeof name === 'string' ? name : 'unknown', code: typeof code === 'string' ? code : undefined, requestId }, 'Forwarding to Strapi failed');
    return timedOut ? new AppError('upstream_timeout', 'Strapi did not answer in time') : new AppError('upstream_unavailable', 'Strapi is unavailable; try again shortly');
  }
}
