import { readFileSync } from 'node:fs';
import { parseDuration } from '../common/duration';
import type { Rate } from './app-config';

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Collects every problem before failing, so one boot attempt shows all of them. */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.raw(name)?.trim() ?? fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return parsed;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.trim().toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    this.problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  }

  duration(name: string, fallback: string, minMs = 1000, maxMs = Number.MAX_SAFE_INTEGER): number {
    const value = this.raw(name) ?? fallback;
    const ms = parseDuration(value);
    if (ms === undefined) {
      this.problems.push(`${name} must be a duration such as 900, 10s, 15m, 12h or 30d (got "${value}")`);
      return parseDuration(fallback) ?? 0;
    }
    if (ms < minMs || ms > maxMs) {
      this.problems.push(`${name} must be between ${minMs} ms and ${maxMs} ms (got "${value}")`);
    }
    return ms;
  }

  /** A size in bytes: `65536`, or with a binary unit, `64kb`, `50mb`, `1gb`. */
  size(name: string, fallback: string, min: number, max: number): number {
    const value = this.raw(name) ?? fallback;
    const match = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(value.trim());
    const bytes = match ? Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()] : Number.NaN;
    if (!Number.isSafeInteger(bytes) || bytes < min || bytes > max) {
      this.problems.push(`${name} must be a size from ${min} to ${max} bytes, such as 65536, 64kb or 50mb (got "${value}")`);
      return parseSize(fallback);
    }
    return bytes;
  }

  /** A limit such as `10/15m`: points per window; `off` (where allowed) for none. */
  rate(name: string, fallback: string): Rate {
    const value = this.raw(name) ?? fallback;
    const parsed = parseRate(value);
    if (!parsed) {
      this.problems.push(`${name} must be a limit such as 10/15m (that many per window) (got "${value}")`);
      return parseRate(fallback) ?? { points: 1, windowMs: 1000 };
    }
    return parsed;
  }

  optionalRate(name: string): Rate | undefined {
    const value = this.raw(name)?.trim().toLowerCase();
    return value === undefined || value === 'off' || value === 'false' ? undefined : this.rate(name, value);
  }

  url(name: string, fallback: string | undefined, protocols: string[]): string | undefined {
    const value = this.raw(name)?.trim() ?? fallback;
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
      return value.replace(/\/+$/, '');
    } catch {
      this.problems.push(`${name} must be a ${protocols.join(' or ')} URL (got "${redactUrl(value)}")`);
      return fallback;
    }
  }

  /** Comma-separated path prefixes such as `/api/articles,/api/upload`, lower-cased for matching. */
  pathPrefixes(name: string, fallback: string): string[] {
    const prefixes = (this.raw(name) ?? fallback)
      .split(',')
      .map((prefix) => prefix.trim().toLowerCase())
      .filter((prefix) => prefix.length > 0);
    for (const prefix of prefixes) {
      if (!prefix.startsWith('/')) this.problems.push(`${name} entries must be paths starting with / (got "${prefix}")`);
    }
    return prefixes;
  }

  /** A value given inline or through NAME_FILE, as Docker and Kubernetes secrets are mounted. */
  secret(name: string): string | undefined {
    const inline = this.raw(name);
    const file = this.raw(`${name}_FILE`);
    if (inline !== undefined && file !== undefined) {
      this.problems.push(`set only one of ${name} and ${name}_FILE`);
      return undefined;
    }
    if (file === undefined) return inline;
    try {
      return readFileSync(file.trim(), 'utf8');
    } catch {
      this.problems.push(`${name}_FILE points to "${file}", which can't be read`);
      return undefined;
    }
  }
}

function parseRate(value: string): Rate | undefined {
  const [points, window] = value.trim().split('/');
  const windowMs = window === undefined ? undefined : parseDuration(window);
  if (!/^\d{1,9}$/.test(points ?? '') || Number(points) < 1 || windowMs === undefined || windowMs < 1000) return undefined;
  return { points: Number(points), windowMs };
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

function parseSize(value: string): number {
  const match = /^(\d+)(b|kb|mb|gb)?$/.exec(value);
  return match ? Number(match[1]) * SIZE_UNITS[match[2] ?? 'b'] : 0;
}

function redactUrl(value: string): string {
  return value.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
