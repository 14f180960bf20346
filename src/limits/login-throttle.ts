import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics';
import { DeviceTokenService, type KnownDevice } from '../tokens/device-token.service';
import { limitAddress, normaliseIdentifier } from './client-address';
import { LimiterStore } from './limiter-store';
import { hashKey, isOver, rateLimited, type LimitState, type SharedLimiter } from './shared-limiter';

/** Lockouts of one account counted over a day, to double its lock each time. */
const LOCKOUT_WINDOW_MS = 86_400_000;

/** One sign-in attempt that passed the limits: its points are spent until the outcome is known. */
export interface LoginAttempt {
  /** Strapi accepted the password: the attempt's points come back (a success is not a failure). */
  succeeded(): Promise<void>;
  /** Strapi gave no verdict on the password (it was away, or refused for another reason): points come back too. */
  abandoned(): Promise<void>;
  /** The device token the attempt presented, if it was valid for the account. */
  device: KnownDevice | undefined;
}

/**
 * Brute-force protection for password sign-in (SECURITY.md #19, #26), in front of Strapi:
 *  - per client address (IPv6 by /64), per account (case-folded identifier) and per account and
 *    address; the account lock doubles with each lockout in a day, up to LOGIN_LOCK_MAX;
 *  - an attempt is counted before Strapi is asked, in one atomic step of the shared store, so 200
 *    parallel attempts over several instances reach Strapi at most as often as the limit allows;
 *    Strapi's verdict then gives the points back unless the password was wrong;
 *  - a valid device token for the account (OWASP "device cookie") exempts the attempt from the
 *    account lock, so an attacker failing on purpose can't lock the owner out; the device keeps a
 *    failure limit of its own.
 */
@Injectable()
export class LoginThrottle {
  private readonly ip: SharedLimiter;
  private readonly account: SharedLimiter;
  private readonly accountIp: SharedLimiter;
  private readonly device: SharedLimiter;
  private readonly lockouts: SharedLimiter;

  constructor(
    store: LimiterStore,
    private readonly devices: DeviceTokenService,
    private readonly audit: AuditService,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { login } = config.limits;
    this.ip = store.limiter('login-ip', login.ip);
    this.account = store.limiter('login-account', login.account);
    this.accountIp = store.limiter('login-account-ip', login.accountIp);
    this.device = store.limiter('login-device', login.device);
    this.lockouts = store.limiter('login-lockouts', { points: Number.MAX_SAFE_INTEGER, windowMs: LOCKOUT_WINDOW_MS });
  }

  /** Counts a sign-in attempt; throws 429 `rate_limited` when a limit is exceeded, before Strapi is asked. */
  async begin(identifier: string, deviceToken: string | undefined, context: RequestContext): Promise<LoginAttempt> {
    const account = normaliseIdentifier(identifier);
    const address = limitAddress(context.ip);
    const device = this.devices.recognise(deviceToken, account);
    const counted: [SharedLimiter, string][] = [];

    const ipState = await this.count(this.ip, address, counted);
    if (ipState && isOver(ipState)) throw await this.refuse(ipState, 'login_throttled', account, context);
    if (device) {
      const deviceState = await this.count(this.device, device.id, counted);
      if (deviceState && isOver(deviceState)) throw await this.refuse(deviceState, 'login_throttled', account, context);
    } else {
      // Both count this attempt whatever the other says, so they can go to the store together.
      const [pairState, accountState] = await Promise.all([this.count(this.accountIp, `${account}|${address}`, counted), this.count(this.account, account, counted)]);
      if (accountState && isOver(accountState)) throw await this.lockAccount(accountState, account, context);
      if (pairState && isOver(pairState)) throw await this.refuse(pairState, 'login_throttled', account, context);
    }

    const giveBack = async (): Promise<void> => {
      await Promise.all(counted.map(([limiter, key]) => limiter.refund(key)));
    };
    return { succeeded: giveBack, abandoned: giveBack, device };
  }

  private async count(limiter: SharedLimiter, key: string, counted: [SharedLimiter, string][]): Promise<LimitState | undefined> {
    const state = await limiter.consume(key);
    if (state) counted.push([limiter, key]);
    return state;
  }

  /**
   * The attempt that first goes over the account limit (the increments are atomic, so exactly one
   * does) starts a lockout: the window, doubled for each earlier lockout that day.
   */
  private async lockAccount(state: LimitState, account: string, context: RequestContext): Promise<Error> {
    if (state.consumed !== state.rate.points + 1) {
      this.metrics.rateLimited('login');
      return rateLimited(state);
    }
    const lockouts = (await this.lockouts.consume(account))?.consumed ?? 1;
    const lockMs = Math.min(state.rate.windowMs * 2 ** (lockouts - 1), this.config.limits.login.maxLockMs);
    if (lockMs > state.msBeforeNext) await this.account.block(account, lockMs);
    return this.refuse({ ...state, msBeforeNext: Math.max(lockMs, state.msBeforeNext) }, 'account_locked', account, context, { lockouts });
  }

  /** A 429; the first refusal of a window is audited (one event per lockout, not per attempt). */
  private async refuse(state: LimitState, type: 'login_throttled' | 'account_locked', account: string, context: RequestContext, extra: Record<string, unknown> = {}): Promise<Error> {
    this.metrics.rateLimited('login');
    if (state.consumed === state.rate.points + 1) {
      await this.audit.recordQuietly({
        type,
        details: { limit: state.name, identifierHash: hashKey(account), retryAfterSeconds: Math.ceil(state.msBeforeNext / 1000), ...extra },
        context,
      });
    }
    return rateLimited(state, type === 'account_locked' ? 'Too many failed sign-ins for this account; try again later, or from a device you signed in with before' : undefined);
  }
}
