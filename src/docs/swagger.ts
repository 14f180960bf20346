import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '../config/app-config';

type PathItem = OpenAPIObject['paths'][string];
type Operation = NonNullable<PathItem['get']>;

const envelope = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelopeDto' } } },
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
    parameters: [{ name: 'path', in: 'path', required: true, schema: { type: 'string' }, description: 'Any Strapi REST path, e.g. `articles`' }],
    responses: {
      '200': { description: 'Strapi’s response, unchanged' },
      '400': envelope('`invalid_path`: a path Strapi’s router could read differently (`#`, dot segments, encoded slashes, `;`, `//`) is refused, not resolved'),
      '405': envelope('`method_not_allowed`: only GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS are forwarded'),
      '413': envelope('`payload_too_large`: the body is over PROXY_BODY_LIMIT'),
      '401': envelope(
        '`invalid_access_token`, `session_revoked`, `session_expired` or `account_deleted` (nothing was forwarded), or `session_expired` when Strapi refused the session’s JWT',
      ),
      '403': envelope(
        '`account_blocked`: the account was blocked in Strapi; `csrf_required`: a cookie-authenticated write without `X-CSRF: 1`; `not_proxied`: a GraphQL users-permissions auth mutation',
      ),
      '404': envelope('`not_proxied`: Strapi’s auth routes are answered by the BFF’s /auth/*'),
      '503': envelope(
        '`upstream_unavailable`: Strapi can’t be reached; `upstream_credential_expired` (Strapi’s refresh mode): the session’s Strapi JWT expired while the request was on its way, send it again',
      ),
      '504': envelope('`upstream_timeout`: Strapi did not answer within STRAPI_TIMEOUT'),
    },
  };
  return { get: operation, post: operation, put: operation, patch: operation, delete: operation };
}

/**
 * Runs in the browser (Swagger UI serialises it into its init script): after a successful
 * sign-in or refresh from the page, the new access token is applied to "Authorize" at once. With a
 * second factor, login answers an mfaToken and no token: the token comes with /auth/mfa/verify.
 */
function applyTokenFromLogin(response: { ok: boolean; url: string; body?: { accessToken?: unknown } }): unknown {
  try {
    const ui = (globalThis as { ui?: { preauthorizeApiKey(name: string, value: string): void } }).ui;
    if (response.ok && /\/auth\/(login|refresh|register|reset-password|mfa\/verify|mfa\/enrollment\/totp\/confirm)$/.test(new URL(response.url).pathname) && typeof response.body?.accessToken === 'string') {
      ui?.preauthorizeApiKey('bearer', response.body.accessToken);
    }
  } catch {
    // Never break the page over a convenience.
  }
  return response;
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
    swaggerOptions: { persistAuthorization: true, displayRequestDuration: true, responseInterceptor: applyTokenFromLogin },
    customSiteTitle: 'strapi-auth-bff API',
  });
}
