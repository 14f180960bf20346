'use strict';

module.exports = {
  async setRole(ctx) {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: ctx.request.body?.type } });
    if (!role) return ctx.badRequest('unknown role type');
    const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: ctx.params.username } });
    if (!user) return ctx.notFound('unknown user');
    await strapi.db.query('plugin::users-permissions.user').update({ where: { id: user.id }, data: { role: role.id } });
    ctx.body = { username: user.username, role: role.type };
  },
};
