'use strict';

// Requests per path since Strapi started or since the last reset. Lives as long as the process.
const counts = new Map();

module.exports = {
  count(path) {
    counts.set(path, (counts.get(path) ?? 0) + 1);
  },
  get(path) {
    return counts.get(path) ?? 0;
  },
  reset() {
    counts.clear();
  },
};
