import type { StrapiFixtureOptions } from './strapi';

/**
 * The e2e suite runs twice over the core flows: against Strapi in its default legacy JWT mode
 * (jest project `e2e`) and in Strapi's refresh mode (project `e2e-refresh`, see jest.config.js).
 * The project sets the global `__STRAPI_MODE__`; everything mode-specific asks here.
 */
export type StrapiMode = 'legacy-support' | 'refresh';

export function strapiMode(): StrapiMode {
  return (globalThis as { __STRAPI_MODE__?: unknown }).__STRAPI_MODE__ === 'refresh' ? 'refresh' : 'legacy-support';
}

export const isRefreshMode = (): boolean => strapiMode() === 'refresh';

/**
 * Refresh mode with Strapi JWTs that live 4 s, and a BFF that renews them 2 s ahead: any flow
 * that takes a few seconds makes the BFF spend Strapi's refresh token.
 */
const REFRESH_FIXTURE: StrapiFixtureOptions = { jwtManagement: 'refresh', accessTokenLifespan: 4 };
const REFRESH_BFF_ENV: Record<string, string> = { STRAPI_REFRESH_AHEAD: '2s' };

export function fixtureOptionsFor(mode: StrapiMode): StrapiFixtureOptions {
  return mode === 'refresh' ? REFRESH_FIXTURE : {};
}

/** BFF settings the current mode needs. */
export function bffEnvForMode(): Record<string, string> {
  return isRefreshMode() ? REFRESH_BFF_ENV : {};
}

/** The environment variables global setup uses to hand a mode's Strapi to the tests. */
export function fixtureEnvNames(mode: StrapiMode): { url: string; log: string } {
  return mode === 'refresh' ? { url: 'STRAPI_FIXTURE_URL_REFRESH', log: 'STRAPI_FIXTURE_LOG_REFRESH' } : { url: 'STRAPI_FIXTURE_URL', log: 'STRAPI_FIXTURE_LOG' };
}
