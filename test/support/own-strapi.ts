import { startBff, type RunningBff } from './bff';
import { startStrapi, type StrapiFixture } from './strapi';

export interface OwnStrapi {
  strapi: StrapiFixture;
  bff: RunningBff;
}

/**
 * For a describe block that takes Strapi down: registers beforeAll/afterAll that start a Strapi
 * of its own (the suite's shared one must stay up) in the current Strapi mode, and a BFF in
 * front of it with a short STRAPI_TIMEOUT. The fields are set once beforeAll has run.
 */
export function ownStrapiWithBff(env: Record<string, string> = {}): OwnStrapi {
  const own = {} as OwnStrapi;
  beforeAll(async () => {
    own.strapi = await startStrapi();
    own.bff = await startBff({ STRAPI_URL: own.strapi.url, STRAPI_TIMEOUT: '2s', ...env });
  });
  afterAll(async () => {
    await own.bff.close();
    await own.strapi.stop();
  });
  return own;
}
