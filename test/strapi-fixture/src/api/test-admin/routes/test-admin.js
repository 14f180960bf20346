'use strict';

// Test-only route: change a user's role the way a Strapi admin would in the admin panel, so
// tests can prove a role change reaches the BFF at the next refresh.
module.exports = {
  routes: [
    {
      method: 'PUT',
      path: '/test-admin/users/:username/role',
      handler: 'test-admin.setRole',
      config: { auth: false },
    },
  ],
};
