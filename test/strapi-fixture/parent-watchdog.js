'use strict';

// Preloaded with `node --require` by test/support/strapi.ts. If the test process dies without
// running its exit handlers (SIGKILL, a crashed jest worker), Strapi notices its parent is gone
// and exits, so no orphan keeps a port and 250 MB busy.
const parentPid = Number(process.env.FIXTURE_PARENT_PID);

function parentIsGone() {
  // Once the parent dies we are re-parented (to init or a subreaper), so ppid changes.
  if (process.ppid !== parentPid) return true;
  try {
    process.kill(parentPid, 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}

if (Number.isInteger(parentPid) && parentPid > 0) {
  setInterval(() => {
    if (parentIsGone()) process.exit(0);
  }, 1000).unref();
}
