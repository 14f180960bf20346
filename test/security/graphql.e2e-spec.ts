import { request, startBff, strapiFixtureUrl, type RequestOptions, type RunningBff } from '../support/bff';
import { expectEnvelope, login, type TokenBody } from '../support/flows';
import { seedArticles, seedUsers } from '../support/strapi';

const alice = seedUsers.alice;
const loginMutation = `login(input: { identifier: "${alice.email}", password: "${alice.password}" }) { jwt user { username } }`;

/** Every users-permissions mutation whose payload carries Strapi's JWT (or sends a mail on its behalf). */
const AUTH_MUTATIONS: [string, string][] = [
  ['login', `mutation { ${loginMutation} }`],
  ['register', 'mutation { register(input: { username: "gqlnew", email: "gqlnew@example.com", password: "Passw0rd!" }) { jwt } }'],
  ['changePassword', 'mutation { changePassword(currentPassword: "a", password: "Passw0rd!2", passwordConfirmation: "Passw0rd!2") { jwt } }'],
  ['resetPassword', 'mutation { resetPassword(password: "Passw0rd!2", passwordConfirmation: "Passw0rd!2", code: "x") { jwt } }'],
  ['forgotPassword', `mutation { forgotPassword(email: "${alice.email}") { ok } }`],
  ['emailConfirmation', 'mutation { emailConfirmation(confirmation: "x") { jwt } }'],
];

function expectNoStrapiToken(text: string): void {
  expect(text).not.toMatch(/"jwt"|"refreshToken"/);
}

/** users-permissions answers auth on GraphQL too (SECURITY.md #23): the operation is blocked, not only the URL. */
describe('GraphQL through the proxy: no auth mutation reaches Strapi', () => {
  let bff: RunningBff;
  let signedIn: TokenBody;
  beforeAll(async () => {
    bff = await startBff();
    signedIn = await login(bff, alice);
  });
  afterAll(() => bff.close());

  it('is a real leak when sent to Strapi directly: the login mutation answers Strapi’s JWT', async () => {
    const response = await fetch(`${strapiFixtureUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { ${loginMutation} }` }),
    });
    const body = (await response.json()) as { data?: { login?: { jwt?: unknown } } };
    expect(typeof body.data?.login?.jwt).toBe('string');
  });

  it.each(AUTH_MUTATIONS)('refuses %s with 403 not_proxied', async (_name, query) => {
    const response = await bff.request('POST', '/graphql', { json: { query } });
    expectEnvelope(response, 403, 'not_proxied');
    expectNoStrapiToken(response.text);
    const withToken = await bff.request('POST', '/graphql', { token: signedIn.accessToken, json: { query } });
    expectEnvelope(withToken, 403, 'not_proxied');
  });

  it.each([
    ['aliased', `mutation { innocent: ${loginMutation} }`],
    ['in a named fragment', `mutation { ...Steal } fragment Steal on Mutation { ${loginMutation} }`],
    ['in an inline fragment', `mutation { ... on Mutation { ${loginMutation} } }`],
    ['in nested fragments', `mutation { ...A } fragment A on Mutation { ...B } fragment B on Mutation { stolen: ${loginMutation} }`],
    ['next to a harmless operation picked by operationName', `query Harmless { articles { title } } mutation Steal { ${loginMutation} }`],
    ['with variables', 'mutation Steal($i: UsersPermissionsLoginInput!) { login(input: $i) { jwt } }'],
  ])('refuses a login %s', async (_name, query) => {
    const response = await bff.request('POST', '/graphql', { json: { query, operationName: 'Harmless', variables: { i: { identifier: alice.email, password: alice.password } } } });
    expectEnvelope(response, 403, 'not_proxied');
    expectNoStrapiToken(response.text);
  });

  it('refuses a batch that hides a login among ordinary queries', async () => {
    const response = await bff.request('POST', '/graphql', { json: [{ query: '{ articles { title } }' }, { query: `mutation { ${loginMutation} }` }] });
    expectEnvelope(response, 403, 'not_proxied');
    expectNoStrapiToken(response.text);
  });

  it('refuses a login sent as a GET query string', async () => {
    const response = await bff.request('GET', `/graphql?query=${encodeURIComponent(`mutation { ${loginMutation} }`)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expectEnvelope(response, 403, 'not_proxied');
    expectNoStrapiToken(response.text);
  });

  it.each([
    ['a repeated query parameter', `/graphql?query=${encodeURIComponent('{ articles { title } }')}&query=${encodeURIComponent(`mutation { ${loginMutation} }`)}`],
    ['a bracketed query parameter', `/graphql?query[0]=${encodeURIComponent(`mutation { ${loginMutation} }`)}`],
    ['no query at all', '/graphql?extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22abc%22%7D%7D'],
  ])('refuses a GET with %s as unreadable (400)', async (_name, path) => {
    expectEnvelope(await bff.request('GET', path), 400, 'validation_failed');
  });

  it.each([
    ['invalid JSON', { raw: '{"query": "mutation {', headers: { 'content-type': 'application/json' } }, 400, 'validation_failed'],
    ['unparseable GraphQL', { json: { query: 'mutation { login(' } }, 400, 'validation_failed'],
    ['a persisted-query hash without a query', { json: { extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } } }, 400, 'validation_failed'],
    ['an empty batch', { json: [] }, 400, 'validation_failed'],
    ['a form-encoded body', { raw: `query=${encodeURIComponent(`mutation { ${loginMutation} }`)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
    ['a multipart body', { raw: '--x\r\n\r\n--x--', headers: { 'content-type': 'multipart/form-data; boundary=x' } }, 415, 'unsupported_media_type'],
    ['a UTF-16 JSON body', { raw: JSON.stringify({ query: '{ articles { title } }' }), headers: { 'content-type': 'application/json; charset=utf-16le' } }, 415, 'unsupported_media_type'],
    ['a gzip-encoded body', { raw: 'not really gzip', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } }, 415, 'unsupported_media_type'],
  ] as [string, RequestOptions, number, string][])('refuses %s without forwarding it', async (_name, options, status, code) => {
    expectEnvelope(await bff.request('POST', '/graphql', options), status, code);
  });

  it('forwards an ordinary query, anonymously and as the signed-in user', async () => {
    const articles = { query: '{ articles { title } }' };
    // What Strapi answers an anonymous caller itself: the proxy must give exactly that.
    const direct = await request<{ data: { articles: { title: string }[] } }>(strapiFixtureUrl(), 'POST', '/graphql', { json: articles });
    expect(direct.body.data.articles.map((article) => article.title)).toEqual(expect.arrayContaining(seedArticles.map((article) => article.title)));
    const anonymous = await bff.request<{ data: { articles: { title: string }[] } }>('POST', '/graphql', { json: articles });
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual(direct.body);
    const me = await bff.request<{ data: { me: { username: string } } }>('POST', '/graphql', { token: signedIn.accessToken, json: { query: 'query Me { me { username } }' } });
    expect(me.body.data.me.username).toBe('alice');
    const viaGet = await bff.request<{ data: { articles: unknown[] } }>('GET', `/graphql?query=${encodeURIComponent(articles.query)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(viaGet.status).toBe(200);
    expect(viaGet.body).toEqual(direct.body);
  });
});
