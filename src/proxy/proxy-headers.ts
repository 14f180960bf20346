import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Hop-by-hop headers (RFC 9110 §7.6.1) plus what the BFF must never pass on in either direction. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);
/**
 * Never forwarded to Strapi: the client's credentials and cookies, addressing headers the BFF sets
 * itself, and headers some frameworks read as "route this as another method or URL" (the path and
 * method Strapi sees must be the ones the BFF judged). `expect` is answered by Node itself.
 */
const NEVER_UPSTREAM = new Set([
  'host',
  'cookie',
  'authorization',
  'expect',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-forwarded-prefix',
  'x-forwarded-path',
  'x-forwarded-uri',
  'x-forwarded-server',
  'x-forwarded-scheme',
  'x-forwarded-ssl',
  'x-real-ip',
  'x-client-ip',
  'true-client-ip',
  'x-cluster-client-ip',
  'x-request-id',
  'x-http-method-override',
  'x-http-method',
  'x-method-override',
  'x-original-method',
  'x-original-url',
  'x-rewrite-url',
  'x-original-uri',
  'x-host',
]);
/** The BFF decides CORS (CORS_ORIGINS); Strapi's own CORS answer and its banner must not reach the browser. */
const NEVER_DOWNSTREAM = new Set([
  'set-cookie',
  'x-request-id',
  'x-powered-by',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-expose-headers',
  'access-control-max-age',
]);
function connectionListed(headers: Record<string, unknown>): Set<string> | undefined {
  const value = headers.connection;
  const listed = typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : '';
  if (listed === '' || listed.toLowerCase() === 'keep-alive' || listed.toLowerCase() === 'close') return undefined;
  return new Set(listed.split(',').map((name) => name.trim().toLowerCase()));
}

function copyHeaders<T extends Record<string, unknown>>(from: Record<string, unknown>, drop: Set<string>): T {
  const listed = connectionListed(from);
  const copy: Record<string, unknown> = {};
  for (const name in from) {
    const value = from[name];
    if (value === undefined || HOP_BY_HOP.has(name) || drop.has(name) || listed?.has(name)) continue;
    copy[name] = value;
  }
  return copy as T;
}

/** What the BFF itself decides about a forwarded request. */
export interface UpstreamIdentity {
  /** The session's Strapi JWT; undefined for an anonymous request. */
  strapiJwt: string | undefined;
  /** The client's address under TRUST_PROXY's rules. */
  clientIp: string;
  protocol: string;
  /** PUBLIC_URL's host; never the client's Host header. */
  publicHost: string | undefined;
  requestId: string;
}

/** The client's headers, cleaned, with the Authorization and X-Forwarded-* the BFF sets itself. */
export function upstreamHeaders(incoming: IncomingHttpHeaders, identity: UpstreamIdentity): IncomingHttpHeaders {
  const headers = copyHeaders<IncomingHttpHeaders>(incoming, NEVER_UPSTREAM);
  if (identity.strapiJwt) headers.authorization = `Bearer ${identity.strapiJwt}`;
  // Only trusted hops (TRUST_PROXY) shape what Strapi sees; a client's own X-Forwarded-For is replaced.
  headers['x-forwarded-for'] = identity.clientIp;
  headers['x-forwarded-proto'] = identity.protocol;
  if (identity.publicHost) headers['x-forwarded-host'] = identity.publicHost;
  headers['x-request-id'] = identity.requestId;
  return headers;
}

/** Strapi's response headers, cleaned, with the BFF's request id. */
export function downstreamHeaders(upstream: Record<string, unknown>, requestId: string): OutgoingHttpHeaders {
  const headers = copyHeaders<OutgoingHttpHeaders>(upstream, NEVER_DOWNSTREAM);
  headers['x-request-id'] = requestId;
  headers['x-content-type-options'] = 'nosniff';
  return headers;
}
