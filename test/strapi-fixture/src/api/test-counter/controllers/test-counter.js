'use strict';

const counter = require('../../../counter');

module.exports = {
  read(ctx) {
    ctx.body = { path: ctx.query.path, count: counter.get(String(ctx.query.path ?? '')) };
  },
  reset(ctx) {
    counter.reset();
    ctx.status = 204;
  },
};
