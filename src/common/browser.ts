import type { IncomingHttpHeaders } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { AppError } from './app-error';

/** The client asks for cookie transport with this request header (browsers); otherwise tokens travel in JSON. */
export const TRANSPORT_HEADER = 'x-bff-transport';
export const CSRF_HEADER = 'x-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token of an `Authorization: Bearer <token>` header, if that is what it holds. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
}

/** Where a request's access token came from. */
export type AccessCredential = { source: 'none' } | { source: 'bearer' | 'cookie'; token: string };

/**
 * The one rule for where an access token comes from (SECURITY.md #24), for Nest routes and the
 * proxy alike: an `Authorization` header, if there is one at all, must be `Bearer <token>` and is
 * then the only credential; it never falls back to the cookie. Without the header, the access
 * cookie is the credential, and a state-changing request needs `X-CSRF: 1` whatever else it carries.
 */
export function accessCredential(method: string | undefined, headers: IncomingHttpHeaders, accessCookie: string): AccessCredential {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const token = bearerToken(authorization);
    if (!token) throw new AppError('invalid_access_token', 'Send the BFF access token as "Authorization: Bearer <token>"; other schemes are not accepted');
    return { source: 'bearer', token };
  }
  const token = readCookie(headers, accessCookie);
  if (!token) return { source: 'none' };
  requireCsrfHeader(method, headers);
  return { source: 'cookie', token };
}

export interface CookieNames {
  access: string;
  refresh: string;
  /** The device token (brute-force protection), kept across sign-outs. */
  device: string;
}

/** `__Host-` cookies must be Secure, host-only and Path=/; the insecure dev mode drops the prefix with Secure. */
export function cookieNames(config: AppConfig): CookieNames {
  return config.browser.insecureCookies
    ? { access: 'bff_access', refresh: 'bff_refresh', device: 'bff-device' }
    : { access: '__Host-bff_access', refresh: '__Host-bff_refresh', device: '__Host-bff-device' };
}

export function serializeCookie(name: string, value: string, maxAgeSeconds: number, config: AppConfig): string {
  const secure = config.browser.insecureCookies ? '' : '; Secure';
  return `${name}=${value}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; Path=/; HttpOnly; SameSite=Strict${secure}`;
}

export function readCookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  const header = headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * A request authenticated by cookie that changes state must carry `X-CSRF: 1`. A cross-site form
 * can't set custom headers, and a cross-origin fetch that does needs a CORS preflight this BFF
 * only grants to CORS_ORIGINS.
 */
export function requireCsrfHeader(method: string | undefined, headers: IncomingHttpHeaders): void {
  if (SAFE_METHODS.has((method ?? 'GET').toUpperCase())) return;
  if (headers[CSRF_HEADER] !== '1') {
    throw new AppError('csrf_required', 'Requests authenticated by cookie must send the header X-CSRF: 1');
  }
}

export interface CorsDecision {
  headers: Record<string, string>;
  /** A preflight: answer 204 with the headers and stop. */
  preflight: boolean;
}

const ALLOWED_HEADERS = ['authorization', 'content-type', CSRF_HEADER, TRANSPORT_HEADER, 'x-request-id'].join(', ');

/** CORS from the explicit allowlist, with credentials. Unknown origins get no CORS headers at all. */
export function corsFor(method: string | undefined, headers: IncomingHttpHeaders, allowlist: string[]): CorsDecision | undefined {
  const origin = headers.origin;
  if (!origin || !allowlist.includes(origin)) return undefined;
  const preflight = method === 'OPTIONS' && headers['access-control-request-method'] !== undefined;
  const result: Record<string, string> = {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    vary: 'Origin',
  };
  if (preflight) {
    result['access-control-allow-methods'] = 'GET, HEAD, POST, PUT, PATCH, DELETE';
    result['access-control-allow-headers'] = ALLOWED_HEADERS;
    result['access-control-max-age'] = '600';
  } else {
    result['access-control-expose-headers'] = 'x-request-id';
  }
  return { headers: result, preflight };
}
