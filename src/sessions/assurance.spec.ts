import { acrOf, amrOf, isFresh, reauthRequired, withMethod } from './assurance';

describe('session assurance', () => {
  const signedIn = new Date('2026-11-30T10:00:00Z');

  it('counts an authentication as recent up to REAUTH_MAX_AGE, and not a moment after', () => {
    expect(isFresh(signedIn, new Date(signedIn.getTime() + 300_000), 300_000)).toBe(true);
    expect(isFresh(signedIn, new Date(signedIn.getTime() + 300_001), 300_000)).toBe(false);
  });

  it('answers reauth_required with the allowed age in seconds', () => {
    const error = reauthRequired(300_000);
    expect({ code: error.code, status: error.status, details: error.details }).toEqual({ code: 'reauth_required', status: 403, details: { maxAge: 300 } });
  });

  it('adds each method once, in order, and names the level as OIDC acr', () => {
    expect(withMethod(amrOf({ amr: 'pwd' }), 'otp')).toBe('pwd otp');
    expect(withMethod(amrOf({ amr: 'pwd otp' }), 'otp')).toBe('pwd otp');
    expect(withMethod([], 'pwd')).toBe('pwd');
    expect([acrOf(1), acrOf(2)]).toEqual(['aal1', 'aal2']);
  });
});
