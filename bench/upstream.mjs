// A trivial upstream for the proxy benchmark: answers like a tiny Strapi. Not a test double for
// correctness (the test suite uses the real Strapi fixture); it only makes the upstream cost
// negligible so the benchmark measures the proxies.
import { createServer } from 'node:http';

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ id: 1, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 86_400 })}.bench-signature`;
const user = { id: 1, documentId: 'benchuser000000000000000', username: 'bench', email: 'bench@example.com', confirmed: true, blocked: false };
const ping = JSON.stringify({ data: [{ id: 1, title: 'Hello from the benchmark upstream' }], meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 } } });

const server = createServer((request, response) => {
  const send = (status, body) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  };
  request.resume();
  if (request.url === '/api/auth/local') return request.on('end', () => send(200, JSON.stringify({ jwt, user })));
  if (request.url?.startsWith('/api/users/me')) return send(200, JSON.stringify({ ...user, role: { id: 1, name: 'Authenticated', type: 'authenticated' } }));
  if (request.url === '/_health') return send(204, '');
  return send(200, ping);
});
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
