import { createHmac } from 'node:crypto';
import { startBff, type RequestOptions, type RunningBff } from '../support/bff';
import { expectEnvelope, login } from '../support/flows';
import { seedUsers } from '../support/strapi';

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('bad input always gets a clear 4xx envelope, never a 500', () => {
  let bff: RunningBff;
  let accessToken: string;

  beforeAll(async () => {
    bff = await startBff();
    accessToken = (await login(bff, seedUsers.alice)).accessToken;
  });
  afterAll(() => bff.close());

  const cases: [string, string, string, RequestOptions, number, string][] = [
    ['malformed JSON', 'POST', '/auth/login', { raw: '{"identifier": "alice", ' }, 400, 'validation_failed'],
    ['a JSON array', 'POST', '/auth/login', { raw: '[1,2]' }, 400, 'validation_failed'],
    ['JSON null', 'POST', '/auth/refresh', { raw: 'null' }, 400, 'validation_failed'],
    ['a bare JSON string', 'POST', '/auth/refresh', { raw: '"bffrt_x"' }, 400, 'validation_failed'],
    ['an empty JSON body', 'POST', '/auth/login', { raw: '' }, 400, 'validation_failed'],
    ['a number for the identifier', 'POST', '/auth/login', { json: { identifier: 42, password: 'x' } }, 400, 'validation_failed'],
    ['an object for the password', 'POST', '/auth/login', { json: { identifier: 'alice', password: { $gt: '' } } }, 400, 'validation_failed'],
    ['an unknown field', 'POST', '/auth/login', { json: { identifier: 'alice', password: 'x', admin: true } }, 400, 'validation_failed'],
    ['a prototype-pollution payload', 'POST', '/auth/login', { raw: '{"identifier":"a","password":"b","__proto__":{"admin":true}}' }, 400, 'validation_failed'],
    ['an over-long identifier', 'POST', '/auth/login', { json: { identifier: 'a'.repeat(300), password: 'x' } }, 400, 'validation_failed'],
    ['an invalid email on register', 'POST', '/auth/register', { json: { username: 'u', email: 'not-an-email', password: 'Passw0rd!' } }, 400, 'validation_failed'],
    ['a missing refresh token', 'POST', '/auth/refresh', { json: {} }, 400, 'validation_failed'],
    ['a refresh token of the wrong type', 'POST', '/auth/refresh', { json: { refreshToken: 12345 } }, 400, 'validation_failed'],
    ['a garbage refresh token', 'POST', '/auth/refresh', { json: { refreshToken: 'garbage' } }, 401, 'invalid_refresh_token'],
    ['a unicode refresh token', 'POST', '/auth/refresh', { json: { refreshToken: 'bffrt_☃☃☃' } }, 401, 'invalid_refresh_token'],
    ['a body over the size limit', 'POST', '/auth/login', { raw: JSON.stringify({ identifier: 'a'.repeat(70_000), password: 'x' }) }, 413, 'payload_too_large'],
    ['an unsupported content type', 'POST', '/auth/login', { raw: '<login/>', headers: { 'content-type': 'application/xml' } }, 415, 'unsupported_media_type'],
    ['no bearer token', 'GET', '/auth/me', {}, 401, 'unauthorized'],
    ['a malformed bearer token', 'GET', '/auth/me', { headers: { authorization: 'Bearer not.a.jwt' } }, 401, 'invalid_access_token'],
    ['a Basic authorization header', 'GET', '/auth/me', { headers: { authorization: 'Basic YWxpY2U6c2VjcmV0' } }, 401, 'invalid_access_token'],
    ['an 8 KB bearer token', 'GET', '/auth/me', { headers: { authorization: `Bearer ${'a'.repeat(8000)}` } }, 401, 'invalid_access_token'],
    ['an unsigned (alg none) token', 'GET', '/auth/me', { headers: { authorization: `Bearer ${b64({ alg: 'none', typ: 'at+jwt' })}.${b64({ sub: '1', sid: 'x' })}.` } }, 401, 'invalid_access_token'],
    [
      'an HS256 token',
      'GET',
      '/auth/me',
      {
        headers: {
          authorization: `Bearer ${b64({ alg: 'HS256', typ: 'at+jwt', kid: 'k' })}.${b64({ sub: '1' })}.${createHmac('sha256', 'k').update('x').digest('base64url')}`,
        },
      },
      401,
      'invalid_access_token',
    ],
    ['a logout with a garbage token', 'POST', '/auth/logout', { headers: { authorization: 'Bearer garbage' } }, 401, 'invalid_access_token'],
    ['a logout with nothing', 'POST', '/auth/logout', {}, 401, 'unauthorized'],
    ['an unknown route', 'GET', '/does-not-exist', {}, 404, 'not_found'],
    ['a wrong method', 'GET', '/auth/login', {}, 404, 'not_found'],
  ];

  it.each(cases)('answers %s with the envelope', async (_name, method, path, options, status, code) => {
    const response = await bff.request(method, path, options);
    expectEnvelope(response, status, code);
  });

  it('lists every failing field in validation details', async () => {
    const response = await bff.request('POST', '/auth/login', { json: { identifier: 7 } });
    const body = expectEnvelope(response, 400, 'validation_failed');
    const fields = (body.details as { field: string }[]).map((detail) => detail.field).sort();
    expect(fields).toEqual(['identifier', 'password']);
  });

  it('still serves a valid caller after all of that', async () => {
    expect((await bff.request('GET', '/auth/me', { token: accessToken })).status).toBe(200);
    expect(bff.logs.join('\n')).not.toContain('Unhandled error');
  });
});
