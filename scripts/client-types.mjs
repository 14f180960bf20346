#!/usr/bin/env node
// The client's request and response types, generated from the BFF's OpenAPI document with
// openapi-typescript and committed as client/src/generated/openapi.ts.
//
//   npm run client:types                          regenerate (builds the BFF, then reads its document)
//   node scripts/client-types.mjs --check <json>  exit 1 if the committed file differs from what
//                                                 <json> (a saved /docs-json) generates
//
// The document is built from the compiled app in Nest's preview mode: the modules are scanned
// but no provider runs, so neither Postgres nor Strapi is needed. The e2e check compares against
// the document a real BFF serves, so a difference between the two would show up there.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TYPES_FILE = path.join(repoRoot, 'client', 'src', 'generated', 'openapi.ts');
export const REGENERATE_COMMAND = 'npm run client:types';

const BANNER = `/**
 * The BFF's API as TypeScript types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: change the controllers and DTOs, then run \`${REGENERATE_COMMAND}\`.
 */
`;

/** The TypeScript source the client commits for this OpenAPI document. */
export async function typesFor(document) {
  const ast = await openapiTS(document);
  return `${BANNER}\n${astToString(ast)}`;
}

async function documentFromBuild() {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  let modules;
  try {
    require('reflect-metadata');
    modules = {
      core: require('@nestjs/core'),
      fastify: require('@nestjs/platform-fastify'),
      appModule: require(path.join(repoRoot, 'dist', 'src', 'app.module.js')),
      config: require(path.join(repoRoot, 'dist', 'src', 'config', 'load-config.js')),
      swagger: require(path.join(repoRoot, 'dist', 'src', 'docs', 'swagger.js')),
    };
  } catch (error) {
    throw new Error(`Could not load the compiled BFF from dist/ (${error.message}). Run \`npm run build\` first, or use \`${REGENERATE_COMMAND}\`.`);
  }
  // Development keys are generated into DATA_DIR; keep them out of the project's data/.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bff-client-types-'));
  const unusedDatabase = 'postgres://preview@127.0.0.1:1/preview';
  try {
    const config = modules.config.loadConfig({ NODE_ENV: 'development', DATABASE_URL: unusedDatabase, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const app = await modules.core.NestFactory.create(modules.appModule.AppModule.forRoot(config, unusedDatabase), new modules.fastify.FastifyAdapter(), {
      preview: true,
      logger: false,
    });
    try {
      return modules.swagger.createOpenApiDocument(app, config);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function readCommitted() {
  try {
    return readFileSync(TYPES_FILE, 'utf8');
  } catch {
    return undefined;
  }
}

async function main(args) {
  if (args[0] === '--check') {
    if (!args[1]) throw new Error('usage: node scripts/client-types.mjs --check <openapi.json>');
    const wanted = await typesFor(JSON.parse(readFileSync(args[1], 'utf8')));
    const relative = path.relative(repoRoot, TYPES_FILE);
    if (readCommitted() !== wanted) {
      process.stderr.write(`${relative} does not match the BFF's OpenAPI document. Run \`${REGENERATE_COMMAND}\` and commit the result.\n`);
      process.exit(1);
    }
    process.stdout.write(`${relative} is current.\n`);
    return;
  }
  const source = await typesFor(await documentFromBuild());
  const changed = readCommitted() !== source;
  if (changed) writeFileSync(TYPES_FILE, source);
  process.stdout.write(`${path.relative(repoRoot, TYPES_FILE)} ${changed ? 'written' : 'unchanged'}.\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
