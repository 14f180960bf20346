const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Parses `900` (seconds), `500ms`, `10s`, `15m`, `12h` or `30d` into milliseconds.
 * Returns undefined for anything else so the caller can name the offending variable.
 */
export function parseDuration(value: string): number | undefined {
  const match = /^(\d+)(ms|s|m|h|d)?$/.exec(value.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = match[2] ?? 's';
  const ms = amount * UNIT_MS[unit];
  return Number.isSafeInteger(ms) ? ms : undefined;
}
