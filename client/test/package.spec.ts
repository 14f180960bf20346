import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const clientDir = join(__dirname, '..');
const repoRoot = join(clientDir, '..');

interface PackResult {
  name: string;
  files: { path: string }[];
}

interface Manifest {
  name: string;
  type: string;
  exports: Record<string, { types?: string; default?: string } | string>;
  dependencies?: Record<string, string>;
}

describe('the @strapi-auth-bff/client package', () => {
  let packed: PackResult[];
  let files: string[];
  const manifest = JSON.parse(readFileSync(join(clientDir, 'package.json'), 'utf8')) as Manifest;

  beforeAll(() => {
    // npm pack runs the package's prepack script, which compiles it afresh with tsc.
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--workspace', 'client'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    packed = JSON.parse(output) as PackResult[];
    files = packed[0].files.map((file) => file.path);
  });

  it('packs its ESM build with type declarations, and every file its exports name', () => {
    expect(packed[0].name).toBe('@strapi-auth-bff/client');
    expect(manifest.type).toBe('module');
    const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : [target.types, target.default]));
    expect(targets).toEqual(expect.arrayContaining(['./dist/index.d.ts', './dist/index.js']));
    for (const target of targets) expect(files).toContain(target?.replace(/^\.\//, ''));
    expect(files).toEqual(expect.arrayContaining(['dist/generated/openapi.d.ts', 'README.md', 'package.json']));
    expect(files.filter((file) => !file.startsWith('dist/') && !['README.md', 'package.json'].includes(file))).toEqual([]);
  });

  it('has no runtime dependencies', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it('loads in Node by its package name, and signs in with Node’s own fetch API types', () => {
    const script = `
      import { createBffClient, BffError } from '@strapi-auth-bff/client';
      const fetch = async (input, init) => {
        const request = new Request(input, init);
        if (new URL(request.url).pathname !== '/auth/login') return new Response('{}', { status: 404 });
        return Response.json({ accessToken: 'a', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'r', refreshExpiresIn: 60,
          session: { id: 's', expiresAt: '2099-01-01T00:00:00Z' }, user: { id: 1, documentId: null, username: 'node', email: 'n@example.com', role: null } });
      };
      const client = createBffClient({ baseUrl: 'http://bff.invalid', transport: 'token', fetch });
      const result = await client.login({ identifier: 'node', password: 'x' });
      client.close();
      console.log(JSON.stringify({ status: result.status, user: client.user?.username, error: typeof BffError }));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: clientDir, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ status: 'signed_in', user: 'node', error: 'function' });
  });
});
