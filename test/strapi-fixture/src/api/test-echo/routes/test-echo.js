'use strict';

// Test-only route: answers with exactly what reached Strapi, so proxy tests can check header
// hygiene and byte-for-byte query strings. It also sets a cookie the BFF must strip.
// `/test-echo/(.*)` takes any deeper path, for the path-parity tests.
module.exports = {
  routes: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].flatMap((method) =>
    ['/test-echo', '/test-echo/(.*)'].map((path) => ({
      method,
      path,
      handler: 'test-echo.echo',
      config: { auth: false },
    })),
  ),
};
