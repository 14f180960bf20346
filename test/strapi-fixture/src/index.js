'use strict';

const path = require('path');
const fs = require('fs');
const crypto = require('crypto');
const mailbox = require('./mailbox');

// seed.json is the single source of the seeded data; the tests and the demo read it too.
const seed = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'seed.json'), 'utf8'));

const ARTICLE_ACTIONS = ['find', 'findOne', 'create', 'update', 'delete'].map(
  (action) => `api::article.article.${action}`,
);

// role.find is what lets `GET /users/me?populate=role` return the role; findOne is not enough.
const SIGNED_IN_ACTIONS = [
  'plugin::users-permissions.user.me',
  'plugin::upload.content-api.upload',
  'plugin::upload.content-api.find',
  'plugin::upload.content-api.findOne',
  'plugin::users-permissions.role.find',
  'plugin::users-permissions.role.findOne',
  ...ARTICLE_ACTIONS,
];

const PERMISSIONS_BY_ROLE_TYPE = {
  public: ['api::article.article.find', 'api::article.article.findOne'],
  authenticated: SIGNED_IN_ACTIONS,
  [seed.roles.bffAdmin.type]: SIGNED_IN_ACTIONS,
};

async function ensureRole(strapi, { name, type, description }) {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const existing = await roles.findOne({ where: { type } });
  if (existing) return existing;
  return roles.create({ data: { name, type, description } });
}

async function ensurePermissions(strapi, role, actions) {
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const action of actions) {
    const existing = await permissions.findOne({ where: { action, role: role.id } });
    if (!existing) {
      await permissions.create({ data: { action, role: role.id } });
    }
  }
}

async function ensureUsers(strapi, rolesByType) {
  const users = strapi.db.query('plugin::users-permissions.user');
  const userService = strapi.plugin('users-permissions').service('user');
  for (const user of Object.values(seed.users)) {
    const existing = await users.findOne({ where: { email: user.email } });
    if (existing) continue;
    // The service hashes the password the way /auth/local expects.
    await userService.add({
      username: user.username,
      email: user.email,
      password: user.password,
      provider: 'local',
      confirmed: user.confirmed,
      blocked: user.blocked,
      role: rolesByType[user.role].id,
    });
  }
}

async function ensureArticles(strapi) {
  const articles = strapi.documents('api::article.article');
  if ((await articles.count({})) > 0) return;
  for (const article of seed.articles) {
    await articles.create({ data: article });
  }
}

async function applyAdvancedSettings(strapi) {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = (await store.get({ key: 'advanced' })) || {};
  // Set both ways so a persistent demo database follows the current environment.
  await store.set({
    key: 'advanced',
    value: { ...advanced, email_confirmation: process.env.FIXTURE_EMAIL_CONFIRMATION === 'true' },
  });
}

function captureOutgoingMail(strapi) {
  // Both send() and sendTemplatedEmail() of the email service go through the provider, and the
  // email plugin's bootstrap (which runs before this one) has just created it. Replacing it means
  // nothing reaches a real mail server; tests read the mails from GET /api/test-mailbox.
  // FIXTURE_EMAIL_FAIL=true stands in for a broken mail server (no provider, SMTP down).
  const failing = process.env.FIXTURE_EMAIL_FAIL === 'true';
  strapi.plugin('email').provider = {
    async send(options) {
      if (failing) throw new Error('fixture: the mail server is down');
      mailbox.record(options);
    },
  };
}

// A read-only API token with a value the tests know (FIXTURE_API_TOKEN), stored the way Strapi
// stores the ones made in the admin panel: as an HMAC of the key under apiToken.salt.
async function ensureApiToken(strapi) {
  const accessKey = process.env.FIXTURE_API_TOKEN;
  if (!accessKey) return;
  const salt = strapi.config.get('admin.apiToken.salt');
  const hashed = crypto.createHmac('sha512', salt).update(accessKey).digest('hex');
  const tokens = strapi.db.query('admin::api-token');
  const name = 'bff-account-lookup';
  const existing = await tokens.findOne({ where: { name } });
  if (existing) {
    await tokens.update({ where: { id: existing.id }, data: { accessKey: hashed } });
  } else {
    await tokens.create({ data: { name, description: 'Read-only token the BFF uses to tell blocked from deleted users', type: 'read-only', accessKey: hashed, lifespan: null } });
  }
}

module.exports = {
  register() {},

  async bootstrap({ strapi }) {
    captureOutgoingMail(strapi);
    await applyAdvancedSettings(strapi);

    const rolesByType = {
      public: await ensureRole(strapi, { name: 'Public', type: 'public' }),
      authenticated: await ensureRole(strapi, { name: 'Authenticated', type: 'authenticated' }),
      [seed.roles.bffAdmin.type]: await ensureRole(strapi, seed.roles.bffAdmin),
    };
    for (const [type, actions] of Object.entries(PERMISSIONS_BY_ROLE_TYPE)) {
      await ensurePermissions(strapi, rolesByType[type], actions);
    }

    await ensureUsers(strapi, rolesByType);
    await ensureApiToken(strapi);
    await ensureArticles(strapi);
  },
};
