'use strict';

// Test-only: how many requests reached a path (counted by src/middlewares/route-echo.js).
module.exports = {
  routes: [
    { method: 'GET', path: '/test-counter', handler: 'test-counter.read', config: { auth: false } },
    { method: 'DELETE', path: '/test-counter', handler: 'test-counter.reset', config: { auth: false } },
  ],
};
