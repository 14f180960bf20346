'use strict';

// Test-only (FIXTURE_ROUTE_ECHO=true): every response says what Strapi's router made of the request,
// koa's `ctx.path` and the route it matched, so the BFF's path-parity tests can compare them with
// the path the BFF judged. It wraps everything, so a 404 or a refused auth route says it too.
// It also counts the requests per path, read by GET /api/test-counter (the brute-force tests count
// how many logins reached Strapi).
const counter = require('../counter');

module.exports = () => async (ctx, next) => {
  counter.count(ctx.path);
  ctx.set('x-fixture-path', ctx.path);
  try {
    await next();
  } finally {
    ctx.set('x-fixture-route', ctx._matchedRoute ?? '');
  }
};
