'use strict';

// Preloaded with `node --require` by test/support/strapi.ts. If the test process goes away
// without stopping us (a test forgot stop(), jest exited or was killed: process 'exit'
// listeners registered inside jest's sandbox never run), Strapi notices within a second,
// deletes its temp dir and exits, so no orphan keeps a port and 250 MB busy.
const fs = require('fs');
const path = require('path');

const parentPid = Number(process.env.FIXTURE_PARENT_PID);
const tempDir = process.env.FIXTURE_TEMP_DIR;

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

function removeTempDir() {
  // Only ever a dir made by startStrapi(); never anything a stray variable points at.
  if (tempDir && path.basename(tempDir).startsWith('strapi-fixture-')) {
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

if (Number.isInteger(parentPid) && parentPid > 0) {
  setInterval(() => {
    if (parentIsGone()) {
      removeTempDir();
      process.exit(0);
    }
  }, 1000).unref();
}
