import fc from 'fast-check';
import { parseProxyTarget } from '../../src/proxy/proxy-target';
import { startBff, type RunningBff } from '../support/bff';
import { rawRequest, type RawResponse } from '../support/raw-http';
import { seedUsers } from '../support/strapi';

/** At least 2,000 generated targets per run (SECURITY.md #22); PARITY_RUNS raises it for a deeper search. */
const RUNS = Math.max(2_000, Number(process.env.PARITY_RUNS ?? 0));

/**
 * Path pieces an attacker would combine: encodings at several depths, dot segments, delimiters, case,
 * unicode, raw bytes outside pchar. (Raw spaces are left out: on the wire they end the request target.)
 */
const ATOMS = [
  'api', 'API', 'Api', 'auth', 'AUTH', 'Auth', 'local', 'register', 'change-password', 'refresh', 'logout', 'sessions',
  'connect', 'github', 'articles', 'Articles', 'test-echo', 'graphql', 'GraphQL', 'users', 'me', 'upload',
  '..', '.', '...', '%2e', '%2E', '%2e%2e', '%2E%2e', '.%2e', '%2e.', '%252e', '%252e%252e', '%25252e%25252e', '%u002e',
  '%2f', '%2F', '%252f', '%5c', '%5C', '%255c', '%00', '%2500', '%0a', '%0d', '%09', '%20', '+',
  '#', '%23', '?', '%3f', '%3F', ';', '%3b', '\\', '',
  '%61uth', '%2561uth', '%41UTH', 'a%75th', '%41pi', 'auth%2flocal', 'auth;x=1',
  'é', '%C3%A9', '%c3%a9', '%E0%A4%A', '%FF', '%', '%zz', 'İ', 'ſ', 'K', '🙂', '\u0000',
  '~', '!', '$', '&', "'", '(', ')', '*', ',', '=', ':', '@', '[', ']', '{', '}', '|', '^', '`', '"', '<', '>',
];
const SEPARATORS = ['/', '/', '/', '//', '\\', '/./', '/../', '/../../', '#', '#/../', '#/../../', '?', '?/../../', ';', ';/../', '%2f', '/%2e%2e/', '/%252e%252e/', '/%2e/', '\\..\\'];
const PREFIXES = ['/api/', '/api/', '/api/test-echo/', '/api/auth/', '/api/auth/', '/api/auth/local', '/api/articles/', '/api/connect/', '/graphql', '/api', '/API/', '/api//'];
const TAILS = ['', '', '/', '?x=1', '?q=%2e%2e%2f', '#x', '?a=1#b', '/..', '%2f..'];
const CHARS = [...'/\\.%#?;:@!$&\'()*+,=~-_aAuUtThH0123456789', '%2e', '%2f', '%5c', '%00', '%25', 'é', '🙂'];

/** Any interleaving of pieces and separators after a prefix. */
const composed = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.array(fc.oneof(fc.constantFrom(...ATOMS), fc.constantFrom(...SEPARATORS)), { maxLength: 8 }), fc.constantFrom(...TAILS))
  .map(([prefix, pieces, tail]) => prefix + pieces.join('') + tail);

/** Attack-shaped: a Strapi auth route, a trick meant to end or climb out of it, then an allowed path. */
const AUTH_ROUTES = ['/api/auth/local', '/api/auth/local/register', '/api/auth/change-password', '/api/auth/refresh', '/api/auth/logout', '/api/auth/sessions', '/api/connect/github', '/api/Auth/Local', '/api/%61uth/local'];
const TRICK_PIECES = ['#', '%23', '?', '%3f', ';', '%3b', '/', '//', '\\', '..', '.', '%2e%2e', '%252e%252e', '%2f', '%5c', '%00', '%20'];
const attackShaped = fc
  .tuple(fc.constantFrom(...AUTH_ROUTES), fc.array(fc.constantFrom(...TRICK_PIECES), { minLength: 1, maxLength: 7 }), fc.constantFrom('articles', 'test-echo', 'articles/1', 'users/me', 'upload'))
  .map(([route, trick, allowed]) => `${route}${trick.join('')}/${allowed}`);

const noise = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 40 }).map((rest) => `/api/${rest}`);
const targetArbitrary = fc.oneof({ weight: 2, arbitrary: composed }, { weight: 3, arbitrary: attackShaped }, { weight: 1, arbitrary: noise });

/** Strapi routes that hand out Strapi's own tokens, and GraphQL, which only the GraphQL guard may forward. */
function isBlockedStrapiRoute(route: string): boolean {
  const lower = route.toLowerCase();
  return lower.startsWith('/api/auth') || lower.startsWith('/api/connect') || lower === '/graphql';
}

function leaksStrapiToken(response: RawResponse): boolean {
  return /"jwt"\s*:|"refreshToken"\s*:/.test(response.body);
}

/**
 * The proxy's promise (SECURITY.md #1, #22): Strapi routes exactly the path the BFF judged, and no
 * generated target reaches a Strapi auth route. Every request carries alice's credentials, so a
 * target that reached /api/auth/local would come back with a Strapi JWT.
 */
describe('path parity: Strapi routes exactly the path the BFF judged', () => {
  let bff: RunningBff;
  const credentials = JSON.stringify({ identifier: seedUsers.alice.email, password: seedUsers.alice.password });

  beforeAll(async () => {
    bff = await startBff();
  });
  afterAll(() => bff.close());

  it(`holds for ${RUNS} generated request targets`, async () => {
    const tally = { forwarded: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(targetArbitrary, fc.constantFrom('GET', 'POST'), async (target, method) => {
        const response = await rawRequest(bff.url, method, target, { headers: { 'content-type': 'application/json' }, body: method === 'POST' ? credentials : undefined });
        expect(leaksStrapiToken(response)).toBe(false);
        const routedPath = response.headers['x-fixture-path'];
        if (routedPath === undefined) {
          // The BFF answered itself, with its envelope.
          tally.refused++;
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(response.headers['x-request-id']).toBeDefined();
          return;
        }
        tally.forwarded++;
        const judged = parseProxyTarget(target);
        expect(judged.ok).toBe(true);
        if (!judged.ok) return;
        expect(routedPath).toBe(judged.target.path);
        expect(isBlockedStrapiRoute(response.headers['x-fixture-route'] ?? '')).toBe(false);
      }),
      { numRuns: RUNS, seed: process.env.PARITY_SEED ? Number(process.env.PARITY_SEED) : undefined },
    );
    // Both sides of the property were exercised, not just one.
    expect(tally.forwarded + tally.refused).toBe(RUNS);
    expect(tally.forwarded).toBeGreaterThan(RUNS / 20);
    expect(tally.refused).toBeGreaterThan(RUNS / 20);
  }, 600_000);

  it('tells what it routed: the fixture echoes the path and route of an ordinary forwarded request', async () => {
    const response = await rawRequest(bff.url, 'GET', '/api/test-echo/a/B/%63?x=%2e');
    expect(response.status).toBe(200);
    expect(response.headers['x-fixture-path']).toBe('/api/test-echo/a/B/c');
    expect(response.headers['x-fixture-route']).toBe('/api/test-echo/(.*)');
  });
});
