'use strict';

async function findUser(ctx) {
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: ctx.params.username } });
  if (!user) ctx.notFound('unknown user');
  return user;
}

module.exports = {
  async setBlocked(ctx) {
    const user = await findUser(ctx);
    if (!user) return;
    const blocked = ctx.request.body?.blocked === true;
    await strapi.db.query('plugin::users-permissions.user').update({ where: { id: user.id }, data: { blocked } });
    ctx.body = { username: user.username, blocked };
  },

  async deleteUser(ctx) {
    const user = await findUser(ctx);
    if (!user) return;
    await strapi.db.query('plugin::users-permissions.user').delete({ where: { id: user.id } });
    ctx.body = { username: user.username, deleted: true };
  },

  async setRole(ctx) {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: ctx.request.body?.type } });
    if (!role) return ctx.badRequest('unknown role type');
    const user = await findUser(ctx);
    if (!user) return;
    await strapi.db.query('plugin::users-permissions.user').update({ where: { id: user.id }, data: { role: role.id } });
    ctx.body = { username: user.username, role: role.type };
  },
};
