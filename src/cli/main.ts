#!/usr/bin/env node
import 'reflect-metadata';
import { runCli } from './cli';

// `npx strapi-auth-bff …`: see docs/admin.md.
runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
})
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
