'use strict';

module.exports = ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  // The BFF sits in front of Strapi: trust X-Forwarded-* so per-IP logic (users-permissions' rate
  // limiter) sees the client. @strapi/core 5.54 reads `server.proxy.koa`; a plain `proxy: true` is ignored.
  proxy: { koa: true },
  app: {
    keys: env.array('APP_KEYS', ['fixtureKeyOne==', 'fixtureKeyTwo==']),
  },
  // The fixture is a test dependency, not a deployed app: never phone home or auto-reload.
  cron: { enabled: false },
});
