// The baseline: a bare Node reverse proxy with an undici keep-alive pool and no authentication.
import { createServer } from 'node:http';
import { Pool } from 'undici';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer', 'host']);
const pool = new Pool(process.env.UPSTREAM, { connections: 128, keepAliveTimeout: 10_000 });

const server = createServer(async (request, response) => {
  const headers = {};
  for (const [name, value] of Object.entries(request.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
  try {
    const hasBody = request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0';
    const upstream = await pool.request({ method: request.method, path: request.url, headers, body: hasBody ? request : undefined });
    const out = {};
    for (const [name, value] of Object.entries(upstream.headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
    response.writeHead(upstream.statusCode, out);
    upstream.body.pipe(response);
  } catch {
    response.writeHead(502).end();
  }
});
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
