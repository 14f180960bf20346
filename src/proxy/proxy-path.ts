/**
 * Routes the BFF answers itself and never forwards: Strapi's auth and provider routes hand out
 * raw Strapi JWTs, which must never reach a frontend.
 */
export const NEVER_FORWARDED = ['/api/auth', '/api/connect'];

/**
 * The path as Strapi's router will understand it: percent-decoded (repeatedly, so %2561 can't
 * sneak past), backslashes as slashes, duplicate slashes collapsed, dot segments resolved and
 * lower-cased (Strapi's router is case-insensitive). Returns undefined for undecodable paths.
 * Only used for the allow/deny decision; the request is forwarded byte for byte.
 */
export function normalizePath(rawPath: string): string | undefined {
  let path = rawPath;
  for (let i = 0; i < 3 && path.includes('%'); i++) {
    try {
      path = decodeURIComponent(path);
    } catch {
      return undefined;
    }
  }
  const segments: string[] = [];
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`.toLowerCase();
}

/** Prefixes match whole segments: `/api/auth` covers `/api/auth/local` but not `/api/authors`. */
function underPrefix(path: string, prefix: string): boolean {
  const bare = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return path === bare || path.startsWith(`${bare}/`);
}

export type RouteDecision = 'forward' | 'bff_route' | 'not_allowed' | 'bad_path';

export function decideRoute(rawPath: string, allow: string[], deny: string[], graphql: boolean): RouteDecision {
  const path = normalizePath(rawPath);
  if (path === undefined) return 'bad_path';
  if (NEVER_FORWARDED.some((prefix) => underPrefix(path, prefix))) return 'bff_route';
  if (graphql && path === '/graphql') return 'forward';
  if (!allow.some((prefix) => underPrefix(path, prefix))) return 'not_allowed';
  if (deny.some((prefix) => underPrefix(path, prefix))) return 'not_allowed';
  return 'forward';
}
