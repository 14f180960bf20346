import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBff, type RunningBff } from '../support/bff';

const repoRoot = join(__dirname, '..', '..');

interface OpenApi {
  paths: Record<string, Record<string, { operationId?: string }>>;
}

/** `node scripts/client-types.mjs --check`: does the committed client/src/generated/openapi.ts match this document? */
function checkTypesAgainst(document: OpenApi, dir: string): { status: number | null; stderr: string } {
  const file = join(dir, `openapi-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(document));
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'client-types.mjs'), '--check', file], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe('the client’s types generated from the OpenAPI document', () => {
  let bff: RunningBff;
  let document: OpenApi;
  let dir: string;

  beforeAll(async () => {
    bff = await startBff();
    document = (await bff.request<OpenApi>('GET', '/docs-json')).body;
    dir = mkdtempSync(join(tmpdir(), 'client-types-'));
  });
  afterAll(async () => {
    await bff.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are current: client/src/generated/openapi.ts is what the served document generates', () => {
    // When this fails after a route or DTO changed: run `npm run client:types` and commit the file.
    expect(checkTypesAgainst(document, dir)).toEqual({ status: 0, stderr: '' });
  });

  it('would be reported as stale, with the command that regenerates them, once a route is added', () => {
    const changed: OpenApi = { ...document, paths: { ...document.paths, '/auth/new-route': { get: { operationId: 'newRoute', responses: { '200': { description: 'ok' } } } as { operationId: string } } } };
    const result = checkTypesAgainst(changed, dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Run `npm run client:types`');
  });

  it('name every operation by what it does, once', () => {
    const ids = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((operation) => operation.operationId).filter((id): id is string => id !== undefined));
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z][A-Za-z]+$/.test(id))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['login', 'refresh', 'logout', 'me', 'listSessions', 'revokeSession', 'revokeSessions', 'adminListSessions']));
  });
});
