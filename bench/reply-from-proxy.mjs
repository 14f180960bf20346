// The library baseline: the reverse proxy a user would write with Fastify and @fastify/reply-from
// (what @fastify/http-proxy is built on), with an undici pool sized like the BFF's and the bare
// proxy's, and no authentication. Fastify's logger is off, its default.
import Fastify from 'fastify';
import replyFrom from '@fastify/reply-from';

const app = Fastify({ logger: false });
await app.register(replyFrom, { base: process.env.UPSTREAM, undici: { connections: 128, pipelining: 1, keepAliveTimeout: 10_000 } });
// Bodies stream through untouched, as @fastify/http-proxy sets it up, instead of being parsed.
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
app.all('/*', (request, reply) => reply.from(request.url));
app.server.keepAliveTimeout = 30_000;
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
