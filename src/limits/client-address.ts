import { isIPv6 } from 'node:net';

/**
 * The address a limit counts: IPv4 as it is, IPv6 by its /64, which is what one subscriber or
 * machine usually gets (a per-address limit on single IPv6 addresses is no limit at all).
 */
export function limitAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  return `${expandIpv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(ip: string): string[] {
  const [head, tail = ''] = ip.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = ip.includes('::') ? 8 - left.length - right.length : 0;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((part) => part.toLowerCase().replace(/^0+(?=.)/, ''));
}

/** Identifiers as the limits count them: trimmed and case-folded (Strapi matches emails case-insensitively). */
export function normaliseIdentifier(identifier: string): string {
  return identifier.trim().toLowerCase();
}
