import { decideRoute } from './proxy-path';
import { parseProxyTarget, type ProxyTarget } from './proxy-target';

const rules = { allow: ['/api/'], deny: [], graphql: true };

function target(raw: string): ProxyTarget {
  const parsed = parseProxyTarget(raw);
  if (!parsed.ok) throw new Error(`${raw} was refused: ${parsed.reason}`);
  return parsed.target;
}

describe('the proxy’s reading of a request target', () => {
  it.each([
    ['/api/articles', '/api/articles', ''],
    ['/api/articles?filters[title][$eq]=a%20b#', undefined, undefined],
    ['/api/articles?populate[0]=x&sort=id:desc', '/api/articles', 'populate[0]=x&sort=id:desc'],
    ['/api/%61rticles', '/api/articles', ''],
    ['/api/caf%c3%a9', '/api/caf%C3%A9', ''],
    ['/api/articles/', '/api/articles/', ''],
    ['/api/Articles/AbC', '/api/Articles/AbC', ''],
    ["/api/a!$&'()*+,=:@~b", "/api/a!$&'()*+,=:@~b", ''],
    ['/api/100%25', '/api/100%25', ''],
  ])('forwards %s as the normalised path %s', (raw, path, query) => {
    const parsed = parseProxyTarget(raw);
    if (path === undefined) {
      expect(parsed.ok).toBe(false);
      return;
    }
    expect(parsed).toEqual({ ok: true, target: expect.objectContaining({ path, query }) as unknown });
  });

  it.each([
    ['a fragment', '/api/auth/local#/../../articles'],
    ['a fragment in the query', '/api/articles?x=1#frag'],
    ['a dot-dot segment', '/api/articles/../auth/local'],
    ['a dot segment', '/api/./auth/local'],
    ['an encoded dot-dot', '/api/%2e%2e/auth/local'],
    ['a mixed-encoded dot-dot', '/api/.%2E/auth/local'],
    ['a double-encoded dot-dot', '/api/%252e%252e/auth/local'],
    ['a triple-encoded dot-dot', '/api/%25252e%25252e/auth/local'],
    ['an encoded slash', '/api/auth%2flocal'],
    ['a double-encoded slash', '/api/auth%252flocal'],
    ['a raw backslash', '/api\\auth\\local'],
    ['an encoded backslash', '/api/auth%5Clocal'],
    ['an encoded NUL', '/api/articles%00'],
    ['a raw NUL', '/api/articles\u0000'],
    ['an encoded newline', '/api/articles%0a'],
    ['an empty segment', '/api//auth/local'],
    ['a semicolon', '/api/auth;x=1/local'],
    ['a space', '/api/some thing'],
    ['raw unicode', '/api/café'],
    ['a quote', '/api/"x"'],
    ['invalid percent-encoding', '/api/%zz'],
    ['a lone percent', '/api/100%'],
    ['an invalid UTF-8 escape', '/api/%E0%A4%A'],
    ['an absolute-form target', 'http://evil/api/auth/local'],
    ['percent-encoding nested deeper than four layers', '/api/%252525252e'],
  ])('refuses %s', (_name, raw) => {
    expect(parseProxyTarget(raw).ok).toBe(false);
  });
});

describe('the route decision, on the path the BFF forwards', () => {
  it.each([
    ['/api/articles', 'forward'],
    ['/api/articles/abc', 'forward'],
    ['/api/upload', 'forward'],
    ['/api/auth/local', 'bff_route'],
    ['/api/auth', 'bff_route'],
    ['/api/auth/', 'bff_route'],
    ['/api/connect/github', 'bff_route'],
    ['/api/Auth/local', 'bff_route'],
    ['/api/%61uth/local', 'bff_route'],
    ['/api/%2561uth/local', 'bff_route'],
    ['/api/%252561uth/local', 'bff_route'],
    ['/api/authors', 'forward'],
    ['/api/connections', 'forward'],
    ['/graphql', 'graphql'],
    ['/apix/articles', 'not_allowed'],
  ])('%s → %s', (raw, decision) => {
    expect(decideRoute(target(raw), rules)).toBe(decision);
  });

  it('honours the configured allow and deny lists, case-insensitively', () => {
    expect(decideRoute(target('/api/articles'), { allow: ['/api/articles'], deny: [], graphql: false })).toBe('forward');
    expect(decideRoute(target('/api/ARTICLES/1'), { allow: ['/api/articles'], deny: [], graphql: false })).toBe('forward');
    expect(decideRoute(target('/api/upload'), { allow: ['/api/articles'], deny: [], graphql: false })).toBe('not_allowed');
    expect(decideRoute(target('/api/Upload/files'), { ...rules, deny: ['/api/upload'] })).toBe('not_allowed');
    expect(decideRoute(target('/api/%2575pload/files'), { ...rules, deny: ['/api/upload'] })).toBe('not_allowed');
    expect(decideRoute(target('/graphql'), { ...rules, graphql: false })).toBe('not_allowed');
  });
});
