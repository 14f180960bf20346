import { decideRoute, normalizePath } from './proxy-path';

const allow = ['/api/'];

describe('proxy routing', () => {
  it.each([
    ['/api/articles', 'forward'],
    ['/api/articles/abc', 'forward'],
    ['/api/upload', 'forward'],
    ['/api/auth/local', 'bff_route'],
    ['/api/auth', 'bff_route'],
    ['/api/connect/github', 'bff_route'],
    ['/API/Auth/local', 'bff_route'],
    ['/api//auth/local', 'bff_route'],
    ['/api/./auth/local', 'bff_route'],
    ['/api/articles/../auth/local', 'bff_route'],
    ['/api/%61uth/local', 'bff_route'],
    ['/api/%2561uth/local', 'bff_route'],
    ['/api\\auth\\local', 'bff_route'],
    ['/api/authors', 'forward'],
    ['/api/connections', 'forward'],
    ['/graphql', 'forward'],
    ['/apix/articles', 'not_allowed'],
    ['/api/%E0%A4%A', 'bad_path'],
  ])('%s → %s', (path, decision) => {
    expect(decideRoute(path, allow, [], true)).toBe(decision);
  });

  it('honours the configured allow and deny lists', () => {
    expect(decideRoute('/api/articles', ['/api/articles'], [], false)).toBe('forward');
    expect(decideRoute('/api/upload', ['/api/articles'], [], false)).toBe('not_allowed');
    expect(decideRoute('/api/upload/files', allow, ['/api/upload'], false)).toBe('not_allowed');
    expect(decideRoute('/graphql', allow, [], false)).toBe('not_allowed');
  });

  it('normalises without changing what is forwarded', () => {
    expect(normalizePath('/api//Articles/./x/../y')).toBe('/api/articles/y');
  });
});
