import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type Rate } from '../config/app-config';
import { Metrics } from '../metrics/metrics';
import { limitAddress } from './client-address';
import { LimiterStore } from './limiter-store';
import { rateLimited, type SharedLimiter } from './shared-limiter';

/** How often this instance adds its local counts to the shared store and reads the totals back. */
const FLUSH_MS = 200;

interface Count {
  /** Counted here since the last flush. */
  pending: number;
  /** The shared total at the last flush, every instance included. */
  shared: number;
  /** When the shared window ends. */
  resetsAt: number;
}

/**
 * PROXY_RATE_LIMIT: per session and per client address. The proxy is the hot path, so a request
 * costs a Map lookup, not a store round trip: each instance counts locally and adds its counts to
 * the shared store every 200 ms (one atomic increment per active key), reading the total back. A
 * client spread over N instances can overshoot by what it sends in one flush interval, at most.
 */
@Injectable()
export class ProxyRateLimit implements OnModuleDestroy {
  private readonly limiter: SharedLimiter | undefined;
  private readonly counts = new Map<string, Count>();
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly rate: Rate | undefined;

  constructor(
    store: LimiterStore,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rate = config.limits.proxy;
    if (!this.rate) return;
    this.limiter = store.limiter('proxy', this.rate);
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  get enabled(): boolean {
    return this.limiter !== undefined;
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Counts one proxied request; an error (429) when the session or the address is over its limit. */
  check(sessionId: string | undefined, ip: string | undefined): Error | undefined {
    return this.take(`ip:${limitAddress(ip)}`) ?? (sessionId ? this.take(`session:${sessionId}`) : undefined);
  }

  private take(key: string): Error | undefined {
    const rate = this.rate;
    if (!rate) return undefined;
    const now = Date.now();
    let count = this.counts.get(key);
    if (!count || now >= count.resetsAt) {
      count = { pending: 0, shared: 0, resetsAt: now + rate.windowMs };
      this.counts.set(key, count);
    }
    count.pending++;
    const consumed = count.shared + count.pending;
    if (consumed <= rate.points) return undefined;
    this.metrics.rateLimited('proxy');
    return rateLimited({ name: 'proxy', rate, consumed, msBeforeNext: count.resetsAt - now });
  }

  private async flush(): Promise<void> {
    const limiter = this.limiter;
    if (!limiter) return;
    const now = Date.now();
    for (const [key, count] of this.counts) {
      if (count.pending === 0) {
        if (now >= count.resetsAt) this.counts.delete(key);
        continue;
      }
      const pending = count.pending;
      count.pending = 0;
      const state = await limiter.consume(key, pending);
      if (!state) continue; // the store is away: keep counting locally
      count.shared = state.consumed;
      count.resetsAt = now + state.msBeforeNext;
    }
  }
}
