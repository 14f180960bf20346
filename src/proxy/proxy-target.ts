/**
 * The proxy's one reading of a request target. Strapi's router (koa + @koa/router) must route
 * exactly the path the BFF judged, so the BFF parses the target once, with strict rules, and
 * forwards the normalised path it produced, never the raw string (SECURITY.md #22, CWE-436).
 *
 * Anything another parser could read differently is refused rather than resolved:
 *  - `#` anywhere (koa's url.parse cuts the path there);
 *  - raw characters outside RFC 3986 `pchar` (`\`, spaces, quotes, non-ASCII, controls…), and `;`;
 *  - dot segments, raw or percent-encoded at any depth (`..`, `%2e%2e`, `%252e%252e`);
 *  - encoded `/`, `\`, NUL and other control characters, at any depth;
 *  - empty segments (`//`).
 *
 * Normalisation is RFC 3986's own: percent-encoded unreserved characters are decoded (`%61` → `a`)
 * and the remaining escapes get upper-case hex. Case is kept for forwarding (Strapi's ids are
 * case-sensitive) and dropped for judging (Strapi's router is case-insensitive).
 */

/** pchar minus `%` (handled as escapes) and `;` (refused): unreserved, sub-delims but `;`, `:`, `@`, and `/`. */
const PLAIN = /^[A-Za-z0-9\-._~!$&'()*+,=:@/]$/;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const HEX = /^[0-9A-Fa-f]{2}$/;
/** How many layers of percent-encoding are unwrapped when looking for hidden dot segments and slashes. */
const MAX_DECODE_DEPTH = 4;
/** Decoded characters that must never appear inside a segment, at any depth: slashes, controls (NUL included). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_DECODED = /[/\\\u0000-\u001f\u007f]/;

export interface ProxyTarget {
  /** The normalised path, as forwarded to Strapi. */
  path: string;
  /** The query string as sent, without the `?` ('' when there is none). Forwarded byte for byte. */
  query: string;
  /** Decoded once and lower-cased: what allow, deny and blocked routes are matched against. */
  judged: string;
  /** Decoded as deep as the encoding goes and lower-cased: blocked routes are also matched against this. */
  deepest: string;
}

export type TargetParse = { ok: true; target: ProxyTarget } | { ok: false; reason: string };

const refuse = (reason: string): TargetParse => ({ ok: false, reason });

/** Parses an origin-form request target (`/path?query`). */
export function parseProxyTarget(raw: string): TargetParse {
  if (!raw.startsWith('/')) return refuse('the path must start with /');
  if (raw.includes('#')) return refuse('# is not allowed in a request target');
  const queryAt = raw.indexOf('?');
  const rawPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = queryAt === -1 ? '' : raw.slice(queryAt + 1);

  const rawSegments = rawPath.slice(1).split('/');
  const forwarded: string[] = [];
  const judged: string[] = [];
  const deepest: string[] = [];
  for (let i = 0; i < rawSegments.length; i++) {
    const segment = rawSegments[i];
    // One trailing slash is harmless (the router is not strict); any other empty segment is `//`.
    if (segment === '') {
      if (i === rawSegments.length - 1 && i > 0) {
        forwarded.push('');
        judged.push('');
        deepest.push('');
        continue;
      }
      return refuse('empty path segments (//) are not allowed');
    }
    const canonical = canonicalSegment(segment);
    if (canonical === undefined) return refuse('the path holds characters outside RFC 3986 pchar, or a bad %-escape');
    const layers = decodeLayers(canonical);
    if (typeof layers === 'string') return refuse(layers);
    forwarded.push(canonical);
    judged.push(layers[1].toLowerCase());
    deepest.push(layers[layers.length - 1].toLowerCase());
  }
  return {
    ok: true,
    target: { path: `/${forwarded.join('/')}`, query, judged: `/${judged.join('/')}`, deepest: `/${deepest.join('/')}` },
  };
}

/** The segment with unreserved escapes decoded and the others in upper-case hex; undefined if it breaks the rules. */
function canonicalSegment(segment: string): string | undefined {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    if (char === '%') {
      const hex = segment.slice(i + 1, i + 3);
      if (!HEX.test(hex)) return undefined;
      const decoded = String.fromCharCode(parseInt(hex, 16));
      out += UNRESERVED.test(decoded) ? decoded : `%${hex.toUpperCase()}`;
      i += 2;
    } else if (PLAIN.test(char)) {
      out += char;
    } else {
      return undefined;
    }
  }
  return out;
}

/**
 * The segment at every layer of percent-decoding: [as forwarded, decoded once, twice, …]. A string
 * is the reason for refusing: a dot segment or a forbidden character at some layer, or an encoding
 * nested deeper than anyone needs.
 */
function decodeLayers(canonical: string): string[] | string {
  const layers = [canonical];
  let current = canonical;
  for (let depth = 0; ; depth++) {
    if (current === '.' || current === '..') return 'dot segments are not allowed, encoded or not';
    if (depth > 0 && FORBIDDEN_DECODED.test(current)) return 'encoded slashes, backslashes and control characters are not allowed';
    if (depth === 0 || current.includes('%')) {
      if (depth === MAX_DECODE_DEPTH) return 'the path is percent-encoded too many times';
      let next: string;
      try {
        next = decodeURIComponent(current);
      } catch {
        // Layer one must decode (it is what Strapi's router hands to the route); deeper layers are data.
        if (depth === 0) return 'the path is not valid percent-encoded UTF-8';
        break;
      }
      layers.push(next);
      if (next === current) break;
      current = next;
    } else {
      break;
    }
  }
  return layers;
}

/** Prefixes match whole segments: `/api/auth` covers `/api/auth/local` but not `/api/authors`. */
export function underPrefix(path: string, prefix: string): boolean {
  const bare = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return path === bare || path.startsWith(`${bare}/`);
}
