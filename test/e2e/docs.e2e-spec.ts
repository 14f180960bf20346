import { startBff, type RunningBff } from '../support/bff';
import { expectEnvelope } from '../support/flows';

interface Operation {
  tags?: string[];
  security?: Record<string, string[]>[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
}

/** Routes that are deliberately reachable without an access token. Anything else must answer 401. */
const PUBLIC_ROUTES = [
  'POST /auth/login',
  'POST /auth/register',
  'POST /auth/refresh',
  'POST /auth/logout',
  'POST /auth/forgot-password',
  'POST /auth/reset-password',
  'POST /auth/send-email-confirmation',
  'GET /auth/email-confirmation',
  'GET /auth/providers/{provider}/callback',
  'POST /auth/mfa/verify',
  'POST /auth/mfa/verify/passkey-options',
  'POST /auth/mfa/enrollment/totp',
  'POST /auth/mfa/enrollment/totp/confirm',
  'GET /.well-known/jwks.json',
  'GET /health/live',
  'GET /health/ready',
];

/** What the global access-token guard answers when no token is sent. */
const GUARD_MESSAGE = 'A Bearer access token is required';

/** The proxy forwards anonymous calls as Strapi's public role, so it is public by design too. */
const PROXY_ROUTES = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => `${method} /api/{path}`).concat(['GET /graphql', 'POST /graphql']);

const GUARDED_ROUTES = [
  'GET /auth/me',
  'POST /auth/change-password',
  'GET /sessions',
  'DELETE /sessions',
  'DELETE /sessions/{id}',
  'GET /admin/sessions',
  'GET /admin/sessions/{id}',
  'DELETE /admin/sessions/{id}',
  'GET /admin/users/{userId}/sessions',
  'DELETE /admin/users/{userId}/sessions',
  'GET /admin/audit-events',
  'DELETE /admin/users/{userId}/mfa',
  'GET /auth/mfa',
  'POST /auth/mfa/totp',
  'POST /auth/mfa/totp/confirm',
  'DELETE /auth/mfa/totp',
  'POST /auth/mfa/recovery-codes',
  'POST /auth/mfa/passkeys/options',
  'POST /auth/mfa/passkeys',
  'POST /auth/reauthenticate',
];

const EXPECTED_ROUTES = [...PUBLIC_ROUTES, ...PROXY_ROUTES, ...GUARDED_ROUTES];

describe('Swagger UI and the OpenAPI document', () => {
  let bff: RunningBff;
  let doc: OpenApi;
  const operations = (): [string, Operation][] =>
    Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation]));

  beforeAll(async () => {
    bff = await startBff();
    doc = (await bff.request<OpenApi>('GET', '/docs-json')).body;
  });
  afterAll(() => bff.close());

  it('serves Swagger UI at /docs', async () => {
    const page = await bff.request('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('swagger-ui');
    expect((await bff.request('GET', '/docs/swagger-ui-init.js')).status).toBe(200);
  });

  it('documents every endpoint', () => {
    expect(operations().map(([route]) => route).sort()).toEqual([...EXPECTED_ROUTES].sort());
  });

  it('gives every endpoint a tag, a success schema and error envelopes', () => {
    for (const [route, op] of operations()) {
      expect({ route, tags: op.tags?.length ?? 0 }).toEqual({ route, tags: 1 });
      const codes = Object.keys(op.responses);
      expect({ route, success: codes.some((code) => code.startsWith('2')) }).toEqual({ route, success: true });
      if (route.startsWith('POST') && !PROXY_ROUTES.includes(route)) {
        expect({ route, requestBody: op.requestBody !== undefined }).toEqual({ route, requestBody: true });
        expect({ route, has400: codes.includes('400') }).toEqual({ route, has400: true });
      }
      for (const code of codes.filter((c) => Number(c) >= 400)) {
        const schema = op.responses[code].content?.['application/json']?.schema as { $ref?: string } | undefined;
        expect({ route, code, ref: schema?.$ref?.includes('ErrorEnvelope') }).toEqual({ route, code, ref: true });
      }
    }
  });

  it('wires Bearer auth so "Authorize" applies to the protected endpoints', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/auth/me'].get.security).toEqual([{ bearer: [] }]);
  });

  it('groups the endpoints under auth, mfa, sessions, admin, proxy, health and jwks', () => {
    const tags = new Set(operations().flatMap(([, op]) => op.tags ?? []));
    expect([...tags].sort()).toEqual(['admin', 'auth', 'health', 'jwks', 'mfa', 'proxy', 'sessions']);
    expect(doc.paths['/.well-known/jwks.json'].get.tags).toEqual(['jwks']);
    expect(doc.paths['/admin/sessions'].get.tags).toEqual(['admin']);
    expect(doc.paths['/sessions'].get.tags).toEqual(['sessions']);
  });

  it('documents the proxy with optional Bearer auth', () => {
    expect(doc.paths['/api/{path}'].get.tags).toEqual(['proxy']);
    expect(doc.paths['/api/{path}'].get.security).toEqual([{ bearer: [] }, {}]);
  });

  it('gives each proxy error response an example with its own status and code', () => {
    const responses = doc.paths['/api/{path}'].get.responses as Record<string, { content?: Record<string, { example?: { statusCode: number; code: string } }> }>;
    const examples = Object.entries(responses)
      .filter(([status]) => Number(status) >= 400)
      .map(([status, response]) => [Number(status), response.content?.['application/json']?.example] as const);
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const [status, example] of examples) expect({ status, exampleStatus: example?.statusCode }).toEqual({ status, exampleStatus: status });
    expect(new Set(examples.map(([, example]) => example?.code)).size).toBe(examples.length);
  });

  it('guards every route except the deliberately public ones', async () => {
    for (const [route] of operations().filter(([candidate]) => !PROXY_ROUTES.includes(candidate))) {
      const [method, path] = route.split(' ');
      const concrete = path.replace('{id}', '00000000-0000-4000-8000-000000000000').replace('{userId}', '1').replace('{provider}', 'github');
      const response = await bff.request(method, concrete, method === 'POST' ? { json: {} } : {});
      const guardRefused = response.status === 401 && (response.body as { message?: string }).message === GUARD_MESSAGE;
      if (PUBLIC_ROUTES.includes(route)) {
        expect({ route, guardRefused }).toEqual({ route, guardRefused: false });
      } else {
        expectEnvelope(response, 401, 'unauthorized');
        expect({ route, guardRefused }).toEqual({ route, guardRefused: true });
      }
    }
  });
});
