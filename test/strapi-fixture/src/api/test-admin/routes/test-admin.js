'use strict';

// Test-only routes: change a user's role, block or delete a user the way a Strapi admin would in
// the admin panel, so tests can prove the change reaches the BFF at the next refresh.
module.exports = {
  routes: [
    { method: 'PUT', path: '/test-admin/users/:username/blocked', handler: 'test-admin.setBlocked', config: { auth: false } },
    { method: 'DELETE', path: '/test-admin/users/:username', handler: 'test-admin.deleteUser', config: { auth: false } },
    {
      method: 'PUT',
      path: '/test-admin/users/:username/role',
      handler: 'test-admin.setRole',
      config: { auth: false },
    },
  ],
};
