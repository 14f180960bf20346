import { applyTokenFromLogin, unescapeProxyPath } from './swagger';

describe('Swagger UI request interceptor for the proxy', () => {
  const sent = (url: string): string => unescapeProxyPath({ url }).url;

  it('sends the slashes of the proxy path as typed, where Swagger UI encoded them', () => {
    expect(sent('http://127.0.0.1:3000/api/users%2Fme')).toBe('http://127.0.0.1:3000/api/users/me');
    expect(sent('http://127.0.0.1:3000/api/articles%2Fabc%2Fcomments')).toBe('http://127.0.0.1:3000/api/articles/abc/comments');
  });

  it('turns a query typed into the path into the query string', () => {
    expect(sent('http://127.0.0.1:3000/api/articles%3Fpagination%5BpageSize%5D%3D5')).toBe('http://127.0.0.1:3000/api/articles?pagination[pageSize]=5');
  });

  it('leaves every other request alone', () => {
    for (const url of ['http://127.0.0.1:3000/api/articles', 'http://127.0.0.1:3000/admin/users/alice%40example.com/sessions', 'http://127.0.0.1:3000/auth/login', 'not a url']) {
      expect(sent(url)).toBe(url);
    }
  });
});

describe('Swagger UI response interceptor', () => {
  afterEach(() => {
    delete (globalThis as { ui?: unknown }).ui;
  });

  it('applies the access token of a sign-in to "Authorize" and stores it, so a reload keeps it', () => {
    const calls: string[] = [];
    (globalThis as { ui?: unknown }).ui = {
      preauthorizeApiKey: (name: string, value: string) => calls.push(`authorize ${name} ${value}`),
      authActions: { persistAuthorizationIfNeeded: () => calls.push('persist') },
    };
    applyTokenFromLogin({ ok: true, url: 'http://127.0.0.1:3000/auth/login', body: { accessToken: 'eyJ.token' } });
    applyTokenFromLogin({ ok: true, url: 'http://127.0.0.1:3000/sessions', body: { accessToken: 'other' } });
    applyTokenFromLogin({ ok: false, url: 'http://127.0.0.1:3000/auth/refresh', body: {} });
    expect(calls).toEqual(['authorize bearer eyJ.token', 'persist']);
  });
});
