'use strict';

// Test-only routes: tests read the mails Strapi "sent" (reset codes, confirmation links).
module.exports = {
  routes: [
    {
      method: 'GET',
      path: '/test-mailbox',
      handler: 'test-mailbox.list',
      config: { auth: false },
    },
    {
      method: 'DELETE',
      path: '/test-mailbox',
      handler: 'test-mailbox.clear',
      config: { auth: false },
    },
  ],
};
