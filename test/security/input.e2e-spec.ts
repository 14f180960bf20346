import { startBff, strapiFixtureLog, withBff, type ApiResponse, type RunningBff } from '../support/bff';
import { expectEnvelope, login, type TokenBody } from '../support/flows';
import { rawRequest, sendRaw, type RawResponse } from '../support/raw-http';
import { seedUsers } from '../support/strapi';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

function expectRawEnvelope(response: RawResponse, status: number, code: string): void {
  const body = JSON.parse(response.body) as { statusCode: number; code: string; requestId: string };
  expect({ status: response.status, code: body.code }).toEqual({ status, code });
  expect(body.statusCode).toBe(status);
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers['x-request-id']).toBe(body.requestId);
}

/** A value of the wrong JSON type for a property of the given schema type. */
function mistyped(schema: Schema): unknown {
  return schema.type === 'string' ? { length: 49 } : 'not-a-number';
}

/**
 * Bad input always gets a clear 4xx in the envelope: never a 500, a stack trace or lost data.
 * The first release answered 500 to a mistyped logout body, to integers past Postgres's range, and
 * to deeply nested JSON; Fastify's own 400s went out without the envelope.
 */
describe('every input is answered with the envelope', () => {
  let bff: RunningBff;
  let admin: TokenBody;
  let openapi: OpenApi;

  beforeAll(async () => {
    bff = await startBff();
    admin = await login(bff, seedUsers.admin);
    openapi = (await bff.request<OpenApi>('GET', '/docs-json')).body;
  });
  afterAll(() => bff.close());

  /** Each route that takes a JSON body, with its path filled in and the body's schema. */
  function bodyRoutes(): { method: string; path: string; schema: Schema }[] {
    const routes: { method: string; path: string; schema: Schema }[] = [];
    for (const [template, operations] of Object.entries(openapi.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const json = operation.requestBody?.content['application/json']?.schema;
        if (!json?.$ref) continue;
        const schema = openapi.components.schemas[json.$ref.split('/').pop() ?? ''];
        routes.push({ method: method.toUpperCase(), path: template.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'userId' ? '424243' : randomUUID())), schema });
      }
    }
    return routes;
  }

  it('finds the routes that take a body in the OpenAPI document', () => {
    const names = bodyRoutes().map((route) => `${route.method} ${route.path.replace(/[0-9a-f-]{36}/, '{id}')}`);
    expect(names).toEqual(expect.arrayContaining(['POST /auth/login', 'POST /auth/logout', 'POST /auth/refresh', 'POST /auth/change-password', 'DELETE /admin/sessions/{id}']));
  });

  it('refuses an unknown field and each wrongly typed field on every route with a body', async () => {
    const answers: string[] = [];
    for (const route of bodyRoutes()) {
      const unknown = await bff.request(route.method, route.path, { token: admin.accessToken, json: { notAField: true } });
      answers.push(`${route.method} ${route.path} unknown → ${unknown.status} ${(unknown.body as { code?: string }).code}`);
      expectEnvelope(unknown, 400, 'validation_failed');
      for (const [property, schema] of Object.entries(route.schema.properties ?? {})) {
        const wrong = await bff.request(route.method, route.path, { token: admin.accessToken, json: { [property]: mistyped(schema) } });
        expectEnvelope(wrong, 400, 'validation_failed');
      }
    }
    expect(answers.length).toBe(bodyRoutes().length);
  });

  it('refuses the logout body that used to be a 500', async () => {
    expectEnvelope(await bff.request('POST', '/auth/logout', { raw: '{"refreshToken":{"length":49}}' }), 400, 'validation_failed');
  });

  it.each([
    ['/admin/sessions?userId=99999999999999999999'],
    ['/admin/sessions?userId=2147483648'],
    ['/admin/sessions?page=100000000000'],
    ['/admin/sessions?pageSize=1e308'],
    ['/admin/audit-events?userId=9223372036854775808'],
    ['/admin/audit-events?page=99999999999999999999'],
  ])('refuses the out-of-range number in GET %s', async (path) => {
    expectEnvelope(await bff.request('GET', path, { token: admin.accessToken }), 400, 'validation_failed');
  });

  it.each(['99999999999999999999', '2147483648', '0'])('refuses the out-of-range user id in DELETE /admin/users/%s/sessions', async (userId) => {
    expectEnvelope(await bff.request('DELETE', `/admin/users/${userId}/sessions`, { token: admin.accessToken }), 400, 'validation_failed');
  });

  // Anything but digits names a user by email or username; nobody with these names has signed in.
  it.each(['-1', '1.5', 'abc'])('answers DELETE /admin/users/%s/sessions with 404, as an unknown name', async (userId) => {
    expectEnvelope(await bff.request('DELETE', `/admin/users/${userId}/sessions`, { token: admin.accessToken }), 404, 'not_found');
  });

  it('refuses JSON nested deeper than a small fixed depth', async () => {
    expectEnvelope(await bff.request('POST', '/auth/login', { raw: `${'['.repeat(100_000)}${']'.repeat(100_000)}`.slice(0, 60_000) }), 400, 'validation_failed');
    const deep = JSON.stringify({ identifier: 'a', password: 'b', deviceName: JSON.parse(`${'{"a":'.repeat(30)}1${'}'.repeat(30)}`) as unknown });
    expectEnvelope(await bff.request('POST', '/auth/login', { raw: deep }), 400, 'validation_failed');
  });

  it.each([
    ['application/x-www-form-urlencoded', `identifier=${seedUsers.alice.email}&password=${seedUsers.alice.password}`],
    ['text/plain', JSON.stringify({ identifier: seedUsers.alice.email, password: seedUsers.alice.password })],
    ['multipart/form-data; boundary=x', '--x--'],
  ])('answers a %s body on a JSON route with 415', async (contentType, body) => {
    expectEnvelope(await bff.request('POST', '/auth/login', { raw: body, headers: { 'content-type': contentType } }), 415, 'unsupported_media_type');
  });

  it('renders Fastify’s refusal of a bad URL through the envelope, with a request id', async () => {
    expectRawEnvelope(await rawRequest(bff.url, 'GET', '/sessions/%E0%A4%A'), 400, 'invalid_path');
  });

  it.each([
    ['a request smuggled with both Content-Length and Transfer-Encoding', 'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400, 'malformed_request'],
    ['a header with a bare CR in its value', 'GET /health/live HTTP/1.1\r\nHost: x\r\nX-Evil: a\rb\r\n\r\n', 400, 'malformed_request'],
    ['an invalid header name', 'GET /health/live HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n', 400, 'malformed_request'],
    ['a broken chunk size', 'POST /auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n', 400, 'malformed_request'],
    ['oversized headers', `GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'headers_too_large'],
  ])('renders Node’s refusal of %s through the envelope', async (_name, wire, status, code) => {
    expectRawEnvelope(await sendRaw(bff.url, Buffer.from(wire, 'latin1')), status, code);
  });

  describe('proxied bodies over PROXY_BODY_LIMIT', () => {
    it('are refused with 413 before anything is forwarded, by Content-Length or counted while streaming', async () => {
      await withBff({ PROXY_BODY_LIMIT: '64kb' }, async (limited) => {
        const marker = `over-limit-${randomUUID()}`;
        const big = JSON.stringify({ marker, padding: 'x'.repeat(100_000) });
        expectEnvelope(await limited.request('POST', `/api/test-echo?declared=${marker}`, { raw: big }), 413, 'payload_too_large');
        // Chunked, with no length to check up front: counted on its way, and cut at the limit.
        const chunks = [big.slice(0, 50_000), big.slice(50_000)].map((chunk) => `${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n`).join('');
        const { host } = new URL(limited.url);
        const wire = `POST /api/test-echo?marker=${marker}-chunked HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunks}0\r\n\r\n`;
        expectRawEnvelope(await sendRaw(limited.url, Buffer.from(wire, 'latin1')), 413, 'payload_too_large');
        const fits = await limited.request<{ body: { marker: string } }>('POST', '/api/test-echo', { json: { marker } });
        expect(fits.body.body.marker).toBe(marker);
        // A declared length over the limit never reached Strapi at all.
        expect(readFileSync(strapiFixtureLog(), 'utf8')).not.toContain(`declared=${marker}`);
      });
    });
  });

  describe('a sweep of every route with malformed, oversized, deep, out-of-range and mistyped input', () => {
    const BAD_VALUES = ['99999999999999999999', '-1', '1.5', '1e400', '%00', 'x'.repeat(5_000), '%E0%A4%A', '[]', '{}', 'null', '..%2f..', '%2e%2e', "'; DROP TABLE bff_sessions; --", '🙂'];
    const BAD_BODIES: [string, string][] = [
      ['malformed', '{"a": '],
      ['oversized', JSON.stringify({ a: 'x'.repeat(70_000) })],
      ['deep', `${'{"a":'.repeat(50)}1${'}'.repeat(50)}`],
      ['mistyped', '{"identifier":[1],"password":{"$ne":null},"refreshToken":1e400,"reason":["x"],"page":-1}'],
      ['an array', '[1,2,3]'],
      ['a string', '"text"'],
    ];

    it('gets no 5xx and always the envelope', async () => {
      const failures: string[] = [];
      let requests = 0;
      const check = (label: string, response: ApiResponse): void => {
        requests++;
        const reachedStrapi = response.headers.get('x-fixture-path') !== null;
        if (response.status >= 500) failures.push(`${label} → ${response.status} ${response.text.slice(0, 200)}`);
        else if (response.status >= 400 && !reachedStrapi) {
          const body = response.body as { code?: unknown; requestId?: unknown };
          if (typeof body?.code !== 'string' || body.requestId !== response.headers.get('x-request-id')) failures.push(`${label} → ${response.status} without the envelope`);
        }
      };
      for (const [template, operations] of Object.entries(openapi.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const verb = method.toUpperCase();
          const pathParams = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
          const queryParams = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
          for (const value of BAD_VALUES) {
            if (pathParams.length > 0) {
              const path = template.replace(/\{(\w+)\}/g, encodeURIComponent(value));
              check(`${verb} ${path.slice(0, 80)}`, await bff.request(verb, path, { token: admin.accessToken }));
            }
            for (const parameter of queryParams) {
              const filled = template.replace(/\{(\w+)\}/g, randomUUID());
              for (const query of [`${parameter.name}=${encodeURIComponent(value)}`, `${parameter.name}[]=${encodeURIComponent(value)}`, `${parameter.name}[a][b]=1`]) {
                check(`${verb} ${filled}?${query.slice(0, 60)}`, await bff.request(verb, `${filled}?${query}`, { token: admin.accessToken }));
              }
            }
          }
          if (verb === 'GET') continue;
          const filled = template.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'userId' ? '424243' : name === 'path' ? 'test-echo' : randomUUID()));
          for (const [name, body] of BAD_BODIES) {
            check(`${verb} ${filled} with a ${name} body`, await bff.request(verb, filled, { token: admin.accessToken, raw: body }));
          }
        }
      }
      expect(failures).toEqual([]);
      expect(requests).toBeGreaterThan(500);
      expect(bff.logs.filter((line) => line.includes('Unhandled error'))).toEqual([]);
      // The admin's own session survived all of it.
      expect((await bff.request('GET', '/auth/me', { token: admin.accessToken })).status).toBe(200);
    }, 300_000);
  });
});
