'use strict';

module.exports = ({ env }) => ({
  graphql: { config: { endpoint: '/graphql', playgroundAlways: false, landingPage: false, defaultLimit: 25, maxLimit: 100, depthLimit: 10 } },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      // `refresh` works too: the BFF detects Strapi's refresh mode at sign-in.
      jwtManagement: env('STRAPI_JWT_MANAGEMENT', 'legacy-support'),
    },
  },
});
