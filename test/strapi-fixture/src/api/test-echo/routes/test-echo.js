'use strict';

// Test-only route: answers with exactly what reached Strapi, so proxy tests can check header
// hygiene and byte-for-byte query strings. It also sets a cookie the BFF must strip.
module.exports = {
  routes: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({
    method,
    path: '/test-echo',
    handler: 'test-echo.echo',
    config: { auth: false },
  })),
};
