import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether a scrape may read the metrics: always without METRICS_TOKEN, else only with `Bearer <token>`. */
export function scrapeAllowed(authorization: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return false;
  // Equal-length digests, so the comparison takes the same time whatever was sent.
  return timingSafeEqual(digest(match[1]), digest(token));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
