'use strict';

module.exports = ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Strapi 5 reads server.proxy.koa (a plain `proxy: true` is ignored). With it, Strapi believes
  // the X-Forwarded-For the BFF sends, so its per-IP rate limiter counts clients, not the BFF.
  // Only the BFF may reach Strapi, or anyone could set that header: docker-compose.yml publishes
  // no port for it.
  proxy: { koa: true },
  app: {
    keys: env.array('APP_KEYS'),
  },
  cron: { enabled: false },
});
