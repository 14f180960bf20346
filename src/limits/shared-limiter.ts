import type { Logger } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createHash } from 'node:crypto';
import { AppError } from '../common/app-error';
import type { Rate } from '../config/app-config';

/** What a limit said about one request. */
export interface LimitState {
  /** The limit's name, as shown in RateLimit-Policy. */
  name: string;
  rate: Rate;
  /** Points used in the current window, this request included. */
  consumed: number;
  /** Until the window (or the block) ends. */
  msBeforeNext: number;
}

export function isOver(state: LimitState): boolean {
  return state.consumed > state.rate.points;
}

/**
 * One named limit over the shared store (rate-limiter-flexible: Postgres, Redis or memory).
 * Counting is one atomic increment-and-read in the store, so parallel requests over any number
 * of instances can't slip past it (SECURITY.md #26). Keys are hashed: no email address or token
 * is stored in the counters. If the store can't be reached, the limit fails open with a warning:
 * a limiter outage must never become a sign-in outage.
 */
export class SharedLimiter {
  constructor(
    readonly name: string,
    readonly rate: Rate,
    private readonly limiter: RateLimiterAbstract,
    private readonly storeDown: (name: string, error: unknown) => void,
  ) {}

  /** Counts `points` for `key` and says where that leaves it; undefined when the store is away. */
  async consume(key: string, points = 1): Promise<LimitState | undefined> {
    try {
      return this.state(await this.limiter.consume(hashKey(key), points));
    } catch (result) {
      if (result instanceof RateLimiterRes) return this.state(result);
      this.storeDown(this.name, result);
      return undefined;
    }
  }

  /** Where `key` stands, without counting. */
  async peek(key: string): Promise<LimitState | undefined> {
    try {
      const result = await this.limiter.get(hashKey(key));
      return result ? this.state(result) : { name: this.name, rate: this.rate, consumed: 0, msBeforeNext: 0 };
    } catch (error) {
      this.storeDown(this.name, error);
      return undefined;
    }
  }

  /** Gives back what an attempt consumed (it succeeded, or never got an answer). */
  async refund(key: string, points = 1): Promise<void> {
    try {
      await this.limiter.reward(hashKey(key), points);
    } catch (error) {
      this.storeDown(this.name, error);
    }
  }

  /** Keeps `key` over its limit for `ms` (a lockout longer than the window). */
  async block(key: string, ms: number): Promise<void> {
    try {
      await this.limiter.block(hashKey(key), Math.ceil(ms / 1000));
    } catch (error) {
      this.storeDown(this.name, error);
    }
  }

  private state(result: RateLimiterRes): LimitState {
    return { name: this.name, rate: this.rate, consumed: result.consumedPoints, msBeforeNext: Math.max(0, result.msBeforeNext) };
  }
}

/** Counter keys are hashes: the store never holds an identifier, an address or a token. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('base64url').slice(0, 32);
}

/**
 * The 429 for a limit: the envelope with `rate_limited`, Retry-After, and the IETF httpapi
 * RateLimit-Policy and RateLimit fields (draft-ietf-httpapi-ratelimit-headers).
 */
export function rateLimited(state: LimitState, message = 'Too many attempts; try again later'): AppError {
  const seconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  return new AppError('rate_limited', message, undefined, undefined, {
    'retry-after': String(seconds),
    'ratelimit-policy': `"${state.name}";q=${state.rate.points};w=${Math.ceil(state.rate.windowMs / 1000)}`,
    ratelimit: `"${state.name}";r=0;t=${seconds}`,
  });
}

/** A throttled warning for a store that is away: once per interval, not once per request. */
export function storeDownReporter(logger: Logger, intervalMs = 30_000): (name: string, error: unknown) => void {
  let lastWarned = 0;
  return (name, error) => {
    const now = Date.now();
    if (now - lastWarned < intervalMs) return;
    lastWarned = now;
    const detail = error instanceof Error ? error.message : String(error);
    logger.warn({ event: 'rate_limit_store_unavailable', limit: name, error: detail }, 'The rate-limit store is unavailable; limits are not enforced until it is back');
  };
}
