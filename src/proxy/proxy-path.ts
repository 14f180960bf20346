import { underPrefix, type ProxyTarget } from './proxy-target';

/**
 * Routes the BFF answers itself and never forwards: Strapi's auth and provider routes hand out
 * raw Strapi JWTs, which must never reach a frontend.
 */
export const NEVER_FORWARDED = ['/api/auth', '/api/connect'];

/** Strapi's GraphQL endpoint (its plugin's default): forwarded only through the GraphQL guard. */
export const GRAPHQL_PATH = '/graphql';

export type RouteDecision = 'forward' | 'graphql' | 'bff_route' | 'not_allowed';

export interface RouteRules {
  allow: string[];
  deny: string[];
  graphql: boolean;
}

/**
 * Decides on the path the BFF will forward (see proxy-target.ts): allow and deny on the path as
 * Strapi's router will read it, blocked routes on that and on every deeper decoding, all
 * case-insensitively, as Strapi's router matches.
 */
export function decideRoute(target: ProxyTarget, rules: RouteRules): RouteDecision {
  const { judged, deepest } = target;
  if (NEVER_FORWARDED.some((prefix) => underPrefix(judged, prefix) || underPrefix(deepest, prefix))) return 'bff_route';
  if (judged === GRAPHQL_PATH || deepest === GRAPHQL_PATH) return rules.graphql ? 'graphql' : 'not_allowed';
  if (!rules.allow.some((prefix) => underPrefix(judged, prefix))) return 'not_allowed';
  if (rules.deny.some((prefix) => underPrefix(judged, prefix) || underPrefix(deepest, prefix))) return 'not_allowed';
  return 'forward';
}
