'use strict';

const mailbox = require('../../../mailbox');

module.exports = {
  list(ctx) {
    ctx.body = { data: mailbox.list() };
  },
  clear(ctx) {
    mailbox.clear();
    ctx.status = 204;
  },
};
