import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';

const repoRoot = join(__dirname, '..', '..');
const exampleDir = join(repoRoot, 'examples', 'spa');

/** What examples/spa reads from ./config.json at startup. */
export interface ExampleConfig {
  bffUrl: string;
  transport: 'cookie' | 'token';
  proactiveRefresh?: boolean;
  storage?: 'memory' | 'local';
}

export interface ServedApp {
  /** http://127.0.0.1:<port>/: an origin to list in the BFF's CORS_ORIGINS. */
  url: string;
  origin: string;
  config: ExampleConfig | undefined;
  close(): Promise<void>;
}

let build: Promise<string> | undefined;

/** Builds examples/spa with Vite into a temp dir, once per test file. */
export function builtExampleApp(): Promise<string> {
  build ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'example-spa-'));
    const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
    await promisify(execFile)(process.execPath, [vite, 'build', exampleDir, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: exampleDir });
    return outDir;
  })();
  return build;
}

export function removeBuiltExampleApp(): void {
  void build?.then((dir) => rmSync(dir, { recursive: true, force: true }));
  build = undefined;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** Serves the built app on 127.0.0.1, and its config.json from `app.config`, which a test sets once the BFF's URL is known. */
export async function serveExampleApp(dir: string): Promise<ServedApp> {
  const served: Partial<ServedApp> & { config: ExampleConfig | undefined } = { config: undefined };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://app.invalid').pathname;
    if (path === '/config.json') {
      response.writeHead(served.config ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(served.config ?? {}));
      return;
    }
    const file = normalize(join(dir, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(dir + sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  served.origin = `http://127.0.0.1:${port}`;
  served.url = `${served.origin}/`;
  served.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Chromium keeps connections alive; the test is over with them.
      server.closeAllConnections();
    });
  return served as ServedApp;
}
