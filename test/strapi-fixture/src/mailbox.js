'use strict';

// In-memory outbox. Lives as long as the Strapi process, which is one test fixture.
const sent = [];

module.exports = {
  record({ to, subject, text, html }) {
    sent.push({ to, subject, text: text ?? null, html: html ?? null });
  },
  list() {
    return sent.slice();
  },
  clear() {
    sent.length = 0;
  },
};
