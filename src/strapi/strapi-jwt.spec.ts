import { isRefreshModeJwt, strapiJwtExpiry } from './strapi-jwt';

const jwt = (payload: unknown): string => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.signature`;

describe('reading Strapi’s JWTs', () => {
  it('reads exp as a date, from legacy and refresh-mode tokens alike', () => {
    expect(strapiJwtExpiry(jwt({ id: 1, iat: 1, exp: 1_800_000_000 }))).toEqual(new Date(1_800_000_000_000));
    expect(strapiJwtExpiry(jwt({ userId: '1', sessionId: 's', type: 'refresh', exp: 1_900_000_000 }))).toEqual(new Date(1_900_000_000_000));
  });

  it('gives no expiry for tokens without one or that are not JWTs', () => {
    expect(strapiJwtExpiry(jwt({ id: 1 }))).toBeNull();
    expect(strapiJwtExpiry(jwt({ exp: '1800000000' }))).toBeNull();
    expect(strapiJwtExpiry(jwt(null))).toBeNull();
    expect(strapiJwtExpiry('not-a-jwt')).toBeNull();
    expect(strapiJwtExpiry('a.%%%.c')).toBeNull();
  });

  it('tells a refresh-mode access JWT from a legacy one', () => {
    expect(isRefreshModeJwt(jwt({ userId: '1', sessionId: 's', type: 'access', exp: 1 }))).toBe(true);
    expect(isRefreshModeJwt(jwt({ id: 1, iat: 1, exp: 2 }))).toBe(false);
    expect(isRefreshModeJwt('garbage')).toBe(false);
  });
});
