'use strict';

const JWT_MODES = ['legacy-support', 'refresh'];

module.exports = ({ env }) => {
  const jwtManagement = env('FIXTURE_JWT_MANAGEMENT', 'legacy-support');
  if (!JWT_MODES.includes(jwtManagement)) {
    throw new Error(`FIXTURE_JWT_MANAGEMENT must be one of ${JWT_MODES.join(', ')}, got "${jwtManagement}"`);
  }

  return {
    // Room for the proxy's 50 MB streaming-upload test.
    upload: { config: { sizeLimit: 256 * 1024 * 1024 } },
    graphql: { config: { endpoint: '/graphql', playgroundAlways: false, landingPage: false, defaultLimit: 25, maxLimit: 100, depthLimit: 10 } },
    'users-permissions': {
      config: {
        jwtSecret: env('JWT_SECRET', 'fixture-users-permissions-jwt-secret'),
        jwtManagement,
        jwt: {
          expiresIn: env('FIXTURE_JWT_EXPIRES_IN', '30d'),
        },
        // Refresh mode only: how long Strapi's access JWTs live (seconds). Tests shorten it so the
        // BFF has to renew them with Strapi's refresh token.
        sessions: {
          accessTokenLifespan: env.int('FIXTURE_ACCESS_TOKEN_LIFESPAN', 600),
        },
        // Every test request comes from 127.0.0.1; the in-memory limiter would trip within a suite.
        ratelimit: {
          enabled: false,
        },
      },
    },
  };
};
