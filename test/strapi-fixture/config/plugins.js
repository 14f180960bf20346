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
        // Off for most tests: they come from one address and would trip it within a suite. The
        // brute-force tests switch it on (FIXTURE_RATELIMIT=true) with forwarded client addresses.
        ratelimit: {
          enabled: env.bool('FIXTURE_RATELIMIT', false),
        },
      },
    },
  };
};
