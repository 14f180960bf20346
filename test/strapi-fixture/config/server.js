'use strict';

module.exports = ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  // The BFF sits in front of Strapi: trust X-Forwarded-* so per-IP logic sees the client.
  proxy: true,
  app: {
    keys: env.array('APP_KEYS', ['fixtureKeyOne==', 'fixtureKeyTwo==']),
  },
  // The fixture is a test dependency, not a deployed app: never phone home or auto-reload.
  cron: { enabled: false },
});
