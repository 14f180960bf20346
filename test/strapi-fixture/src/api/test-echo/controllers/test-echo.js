'use strict';

module.exports = {
  echo(ctx) {
    ctx.cookies.set('strapi_fixture', 'set-by-strapi', { httpOnly: true });
    ctx.set('x-fixture', 'echo');
    ctx.body = {
      method: ctx.method,
      url: ctx.originalUrl,
      // What Strapi's router made of the request: koa's path and the route that matched.
      path: ctx.path,
      route: ctx._matchedRoute ?? null,
      ip: ctx.request.ip,
      headers: ctx.request.headers,
      body: ctx.request.body ?? null,
    };
  },
};
