import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { StatusClassHistogram } from './status-class-histogram';

/** How a password or provider sign-in ended: Strapi's refusal is `failure`, Strapi being away is `error`. */
export type LoginOutcome = 'success' | 'failure' | 'rate_limited' | 'error';
/** How a refresh ended: `ended` is a session that was already over (revoked, expired, blocked). */
export type RefreshOutcome = 'success' | 'invalid' | 'reused' | 'ended' | 'rate_limited' | 'error';
/** The flows a limit can refuse (src/limits). */
export type LimitedRoute = 'login' | 'register' | 'forgot_password' | 'send_email_confirmation' | 'reset_password' | 'email_confirmation' | 'refresh' | 'proxy';
/** The Strapi endpoints StrapiClient calls, one label each. */
export type UpstreamRoute =
  | 'login'
  | 'register'
  | 'change_password'
  | 'forgot_password'
  | 'reset_password'
  | 'send_email_confirmation'
  | 'email_confirmation'
  | 'provider_callback'
  | 'users_me'
  | 'user_lookup'
  | 'refresh'
  | 'logout';

const LOGIN_OUTCOMES: readonly LoginOutcome[] = ['success', 'failure', 'rate_limited', 'error'];
const REFRESH_OUTCOMES: readonly RefreshOutcome[] = ['success', 'invalid', 'reused', 'ended', 'rate_limited', 'error'];
const LIMITED_ROUTES: readonly LimitedRoute[] = ['login', 'register', 'forgot_password', 'send_email_confirmation', 'reset_password', 'email_confirmation', 'refresh', 'proxy'];

/** bff_active_sessions is counted at most this often, however often Prometheus scrapes. */
export const ACTIVE_SESSIONS_EVERY_MS = 30_000;

/** Latency buckets (seconds): a proxied call or a Strapi call is milliseconds to a few seconds. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function statusClass(status: number | undefined): string {
  return status === undefined ? 'error' : `${Math.trunc(status / 100)}xx`;
}

/**
 * The Prometheus metrics of one app instance, in a registry of its own (two instances in one
 * process, as the tests run them, count apart). Each instrument is recorded where its decision is
 * made: sign-in and refresh outcomes in AuthService, reuse in RefreshService, revocations in
 * SessionRevoker, refusals in src/limits, Strapi calls in StrapiClient, the proxy in ProxyFront.
 * With metrics off (METRICS_ENABLED=false, or production without a token or port) the calls
 * still count, cheaply, into a registry nobody reads; the proxy skips its observation entirely.
 */
@Injectable()
export class Metrics {
  readonly enabled: boolean;
  private readonly registry = new Registry();
  private readonly logins: Counter<'outcome'>;
  private readonly refreshes: Counter<'outcome'>;
  private readonly reuse: Counter;
  private readonly revoked: Counter<'reason'>;
  private readonly limited: Counter<'route'>;
  private readonly upstreamRequests: Counter<'route' | 'status_class'>;
  private readonly upstreamDuration: Histogram<'route'>;
  readonly proxyDuration = new StatusClassHistogram('bff_proxy_duration_seconds', 'Time to answer a proxied request (to the end of the response), by status class', DURATION_BUCKETS);
  private activeSource: (() => Promise<number>) | undefined;
  private active: { value: number; at: number } | undefined;
  private counting: Promise<number> | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.enabled = config.metrics.exposure !== 'off';
    const registers = [this.registry];
    this.logins = new Counter({ name: 'bff_logins_total', help: 'Sign-ins (password and provider) by outcome', labelNames: ['outcome'], registers });
    this.refreshes = new Counter({ name: 'bff_refreshes_total', help: 'Refresh-token exchanges by outcome', labelNames: ['outcome'], registers });
    this.reuse = new Counter({ name: 'bff_refresh_reuse_detected_total', help: 'Rotated refresh tokens presented again after their grace window; each ended its session', registers });
    this.revoked = new Counter({ name: 'bff_sessions_revoked_total', help: 'Sessions ended, by reason', labelNames: ['reason'], registers });
    this.limited = new Counter({ name: 'bff_rate_limited_total', help: 'Requests refused with 429 by the BFF’s own limits, by route', labelNames: ['route'], registers });
    this.upstreamRequests = new Counter({ name: 'bff_upstream_requests_total', help: 'Calls the BFF made to Strapi’s API (not the proxy’s), by route and status class (error: no answer)', labelNames: ['route', 'status_class'], registers });
    this.upstreamDuration = new Histogram({ name: 'bff_upstream_duration_seconds', help: 'Duration of the BFF’s own calls to Strapi, by route', labelNames: ['route'], buckets: DURATION_BUCKETS, registers });
    const activeSessions = (): Promise<number | undefined> => this.activeSessions();
    new Gauge({
      name: 'bff_active_sessions',
      help: `Sessions neither revoked nor expired, counted at most every ${ACTIVE_SESSIONS_EVERY_MS / 1000} s`,
      registers,
      async collect() {
        const value = await activeSessions();
        if (value !== undefined) this.set(value);
      },
    });
    // Every series of a closed set exists from the start, so a rate() over it has a zero to begin from.
    for (const outcome of LOGIN_OUTCOMES) this.logins.inc({ outcome }, 0);
    for (const outcome of REFRESH_OUTCOMES) this.refreshes.inc({ outcome }, 0);
    for (const route of LIMITED_ROUTES) this.limited.inc({ route }, 0);
    this.reuse.inc(0);
    if (this.enabled) collectDefaultMetrics({ register: this.registry });
  }

  login(outcome: LoginOutcome): void {
    this.logins.inc({ outcome });
  }

  refresh(outcome: RefreshOutcome): void {
    this.refreshes.inc({ outcome });
  }

  refreshReuseDetected(): void {
    this.reuse.inc();
  }

  sessionsRevoked(reason: string, count: number): void {
    if (count > 0) this.revoked.inc({ reason }, count);
  }

  rateLimited(route: LimitedRoute): void {
    this.limited.inc({ route });
  }

  /** One call to Strapi; `status` undefined when it never answered (refused, reset, timed out). */
  upstream(route: UpstreamRoute, status: number | undefined, seconds: number): void {
    this.upstreamRequests.inc({ route, status_class: statusClass(status) });
    this.upstreamDuration.observe({ route }, seconds);
  }

  /** Where bff_active_sessions comes from (the sessions module registers its count). */
  countActiveSessionsWith(source: () => Promise<number>): void {
    this.activeSource = source;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  async render(): Promise<string> {
    return (await this.registry.metrics()) + this.proxyDuration.render();
  }

  /** The last count if it is under 30 s old; otherwise one count, shared by concurrent scrapes. A failed count keeps the last value. */
  private async activeSessions(now = Date.now()): Promise<number | undefined> {
    if (!this.activeSource) return undefined;
    if (this.active && now - this.active.at < ACTIVE_SESSIONS_EVERY_MS) return this.active.value;
    this.counting ??= this.activeSource().finally(() => (this.counting = undefined));
    try {
      const value = await this.counting;
      this.active = { value, at: now };
      return value;
    } catch {
      return this.active?.value;
    }
  }
}
