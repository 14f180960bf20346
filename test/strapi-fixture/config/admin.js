'use strict';

// Fixed defaults are fine: this Strapi only ever runs on loopback inside tests and the demo.
module.exports = ({ env }) => ({
  serveAdminPanel: false,
  auth: {
    secret: env('ADMIN_JWT_SECRET', 'fixture-admin-jwt-secret'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT', 'fixture-api-token-salt'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT', 'fixture-transfer-token-salt'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY', 'fixture-encryption-key-0123456789'),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
});
