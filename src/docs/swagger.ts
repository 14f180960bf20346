import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '../config/app-config';

type PathItem = OpenAPIObject['paths'][string];
type Operation = NonNullable<PathItem['get']>;

const EXAMPLE_REQUEST_ID = '5f0c6b8e-2f5e-4d67-9c43-0e1c0d3b3f2a';

/** An error response whose example is its own first code, not one shared by every status. */
const envelope = (status: number, code: string, message: string, description: string) => ({
  description,
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/ErrorEnvelopeDto' },
      example: { statusCode: status, code, message, requestId: EXAMPLE_REQUEST_ID },
    },
  },
});

/** The proxy routes are plain Fastify routes (for streaming), so their documentation is added by hand. */
function proxyPath(summary: string): PathItem {
  const operation: Operation = {
    tags: ['proxy'],
    summary,
    description:
      'Forwarded to Strapi with the same path, query string and body. With a BFF access token the request acts as that ' +
      'session’s user (the BFF attaches its Strapi JWT); without one it is anonymous (Strapi’s public role). ' +
      'Strapi’s status and body come back unchanged; `Set-Cookie` is stripped. `/api/auth/**` and `/api/connect/**` are never forwarded, ' +
      'nor are GraphQL’s users-permissions auth mutations (403 `not_proxied`).',
    // Bearer is optional: without it the call is anonymous.
    security: [{ bearer: [] }, {}],
    parameters: [
      {
        name: 'path',
        in: 'path',
        required: true,
        schema: { type: 'string' },
        // Swagger UI percent-encodes path parameters (users/me → users%2Fme, which the proxy refuses);
        // the page's request interceptor (unescapeProxyPath) sends the slashes as typed.
        description: 'Any Strapi REST path after /api/, slashes included, e.g. `articles` or `users/me`',
        examples: { list: { value: 'articles' }, me: { value: 'users/me' }, query: { value: 'articles?pagination[pageSize]=5' } },
      },
    ],
    responses: {
      '200': { description: 'Strapi’s response, unchanged' },
      '400': envelope(400, 'invalid_path', 'The request path is refused: encoded slash', '`invalid_path`: a path Strapi’s router could read differently (`#`, dot segments, encoded slashes, `;`, `//`) is refused, not resolved'),
      '405': envelope(405, 'method_not_allowed', 'TRACE is not forwarded to Strapi', '`method_not_allowed`: only GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS are forwarded'),
      '413': envelope(413, 'payload_too_large', 'The request body is larger than 52428800 bytes', '`payload_too_large`: the body is over PROXY_BODY_LIMIT'),
      '401': envelope(
        401,
        'session_revoked',
        'This session has been revoked',
        '`invalid_access_token`, `session_revoked`, `session_expired` or `account_deleted` (nothing was forwarded), or `session_expired` when Strapi refused the session’s JWT',
      ),
      '403': envelope(
        403,
        'csrf_required',
        'Cookie-authenticated writes need the header X-CSRF: 1',
        '`account_blocked`: the account was blocked in Strapi; `csrf_required`: a cookie-authenticated write without `X-CSRF: 1`; `not_proxied`: a GraphQL users-permissions auth mutation',
      ),
      '404': envelope(404, 'not_proxied', 'Strapi’s auth routes are not forwarded: use the BFF’s /auth/* endpoints', '`not_proxied`: Strapi’s auth routes are answered by the BFF’s /auth/*'),
      '429': envelope(429, 'rate_limited', 'Too many attempts; try again later', '`rate_limited`: over PROXY_RATE_LIMIT (when set), with Retry-After'),
      '503': envelope(
        503,
        'upstream_unavailable',
        'Strapi is unavailable; try again shortly',
        '`upstream_unavailable`: Strapi can’t be reached; `upstream_credential_expired` (Strapi’s refresh mode): the session’s Strapi JWT expired while the request was on its way, send it again',
      ),
      '504': envelope(504, 'upstream_timeout', 'Strapi did not answer in time', '`upstream_timeout`: Strapi did not answer within STRAPI_TIMEOUT'),
    },
  };
  return { get: operation, post: operation, put: operation, patch: operation, delete: operation };
}

/**
 * Runs in the browser (Swagger UI serialises it into its init script): after a successful
 * sign-in or refresh from the page, the new access token is applied to "Authorize" at once, and
 * stored as "Authorize" itself stores it (persistAuthorization), so it survives a reload:
 * preauthorizeApiKey() alone only changes the page's state. With a second factor, login answers
 * an mfaToken and no token: the token comes with /auth/mfa/verify.
 */
export function applyTokenFromLogin(response: { ok: boolean; url: string; body?: { accessToken?: unknown } }): unknown {
  try {
    const ui = (
      globalThis as {
        ui?: { preauthorizeApiKey(name: string, value: string): void; authActions?: { persistAuthorizationIfNeeded?: () => void } };
      }
    ).ui;
    if (response.ok && /\/auth\/(login|refresh|register|reset-password|mfa\/verify|mfa\/enrollment\/totp\/confirm)$/.test(new URL(response.url).pathname) && typeof response.body?.accessToken === 'string') {
      ui?.preauthorizeApiKey('bearer', response.body.accessToken);
      ui?.authActions?.persistAuthorizationIfNeeded?.();
    }
  } catch {
    // Never break the page over a convenience.
  }
  return response;
}

/**
 * Runs in the browser before each request Swagger UI sends: it percent-encodes the proxy's
 * `{path}` parameter (`users/me` → `users%2Fme`), which the proxy refuses as an encoded slash.
 * The slashes (and a query the user typed into the path) go out as typed.
 */
export function unescapeProxyPath<T extends { url: string }>(request: T): T {
  try {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/api/') && /%2F|%3F|%3D|%26|%5B|%5D/i.test(url.pathname)) {
      const typed = decodeURIComponent(url.pathname);
      const [path, query] = typed.split('?', 2);
      request.url = `${url.origin}${path}${query === undefined ? url.search : `?${query}${url.search ? `&${url.search.slice(1)}` : ''}`}`;
    }
  } catch {
    // A URL this can't read is sent as Swagger UI built it.
  }
  return request;
}

/**
 * Operation ids are what generated clients are named after (client/src/generated/openapi.ts), so
 * they say what the call does: `login`, `refresh`, `listSessions`, not `AuthController_login`.
 * A method's own name is used unless it is vague out of its controller; the admin's get a prefix
 * because they act on anyone's sessions, not the caller's.
 */
const RENAMED_OPERATIONS: Readonly<Record<string, string>> = {
  'SessionsController.list': 'listSessions',
  'SessionsController.revokeMany': 'revokeSessions',
  'SessionsController.revokeOne': 'revokeSession',
  'HealthController.live': 'liveness',
  'HealthController.ready': 'readiness',
  'JwksController.jwks': 'getJwks',
  'MfaController.verify': 'verifyMfa',
  'MfaController.status': 'getMfaStatus',
  'MfaController.beginEnrolment': 'beginMfaEnrollment',
  'MfaController.confirmEnrolment': 'confirmMfaEnrollment',
};

export function operationId(controllerKey: string, methodKey: string): string {
  const renamed = RENAMED_OPERATIONS[`${controllerKey}.${methodKey}`];
  if (renamed) return renamed;
  if (controllerKey === 'AdminController') return `admin${methodKey.charAt(0).toUpperCase()}${methodKey.slice(1)}`;
  return methodKey;
}

/** The OpenAPI document served at /docs-json; also what `npm run client:types` generates the client's types from. */
export function createOpenApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('strapi-auth-bff')
    .setDescription(
      'Backend-for-frontend for Strapi 5: sign in here, then use the access token with “Authorize”. ' +
        'Every error is `{statusCode, code, message, requestId}`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The accessToken from POST /auth/login' })
    .addTag('auth', 'Sign-in, token refresh and logout')
    .addTag('mfa', 'Second factors: authenticator apps (TOTP), recovery codes, the second step of a sign-in, and re-authentication')
    .addTag('sessions', 'Your own sessions: where you are signed in, and signing out other devices')
    .addTag('admin', 'Admin console: find and revoke anyone’s sessions, read the audit trail (needs a role in ADMIN_ROLES)')
    .addTag('proxy', 'Strapi’s REST (and GraphQL) API, called through the BFF as the signed-in user')
    .addTag('health', 'Liveness and readiness')
    .addTag('jwks', 'The public keys that verify the BFF’s access tokens, for services that check them themselves')
    .build();
  const document = SwaggerModule.createDocument(app, builder, { operationIdFactory: operationId });
  document.paths['/api/{path}'] = proxyPath('Call Strapi’s REST API as the session’s user');
  if (config.proxy.graphql) {
    const graphql = proxyPath('Call Strapi’s GraphQL API as the session’s user');
    document.paths['/graphql'] = { get: { ...graphql.get!, parameters: [] }, post: { ...graphql.post!, parameters: [] } };
  }
  return document;
}

/** Swagger UI doubles as the admin console, so "Authorize" must work and survive reloads. */
export function setupSwagger(app: NestFastifyApplication, config: AppConfig): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true, displayRequestDuration: true, responseInterceptor: applyTokenFromLogin, requestInterceptor: unescapeProxyPath },
    customSiteTitle: 'strapi-auth-bff API',
  });
}
