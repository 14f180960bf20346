import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Metrics, type LimitedRoute } from '../metrics/metrics';
import { limitAddress, normaliseIdentifier } from './client-address';
import { LimiterStore } from './limiter-store';
import { isOver, rateLimited, type LimitState, type SharedLimiter } from './shared-limiter';

export type EmailFlow = 'register' | 'forgot-password' | 'send-email-confirmation';
export type CodeFlow = 'reset-password' | 'email-confirmation';

const ROUTE: Record<EmailFlow | CodeFlow, LimitedRoute> = {
  register: 'register',
  'forgot-password': 'forgot_password',
  'send-email-confirmation': 'send_email_confirmation',
  'reset-password': 'reset_password',
  'email-confirmation': 'email_confirmation',
};

/**
 * Limits on the flows that send mail or try a code: per client address, and per email address for
 * those that name one, so nobody can flood an inbox or walk through reset codes. Every attempt
 * counts (these are not failure counts). Refresh counts only invalid tokens, per address.
 */
@Injectable()
export class FlowLimits {
  private readonly emailIp = new Map<EmailFlow, SharedLimiter>();
  private readonly emailAddress = new Map<EmailFlow, SharedLimiter>();
  private readonly codeIp = new Map<CodeFlow, SharedLimiter>();
  private readonly refreshIp: SharedLimiter;

  constructor(
    store: LimiterStore,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const { emailFlows, codeFlows, refresh } = config.limits;
    for (const flow of ['register', 'forgot-password', 'send-email-confirmation'] as const) {
      this.emailIp.set(flow, store.limiter(`${flow}-ip`, emailFlows.ip));
      this.emailAddress.set(flow, store.limiter(`${flow}-address`, emailFlows.address));
    }
    for (const flow of ['reset-password', 'email-confirmation'] as const) this.codeIp.set(flow, store.limiter(`${flow}-ip`, codeFlows.ip));
    this.refreshIp = store.limiter('refresh-invalid-ip', refresh.ip);
  }

  /** Counts an attempt of a flow that names an email address; 429 when over either limit. */
  async emailFlow(flow: EmailFlow, email: string, context: RequestContext): Promise<void> {
    const byIp = await this.emailIp.get(flow)?.consume(limitAddress(context.ip));
    if (byIp && isOver(byIp)) throw this.refuse(ROUTE[flow], byIp);
    const byAddress = await this.emailAddress.get(flow)?.consume(normaliseIdentifier(email));
    if (byAddress && isOver(byAddress)) throw this.refuse(ROUTE[flow], byAddress);
  }

  async codeFlow(flow: CodeFlow, context: RequestContext): Promise<void> {
    const byIp = await this.codeIp.get(flow)?.consume(limitAddress(context.ip));
    if (byIp && isOver(byIp)) throw this.refuse(ROUTE[flow], byIp);
  }

  /** Before a refresh: an address that sent too many invalid refresh tokens is refused for the rest of the window. */
  async refreshAllowed(context: RequestContext): Promise<void> {
    const state = await this.refreshIp.peek(limitAddress(context.ip));
    // The invalid tokens are counted after the fact, so the allowance is used up at the limit itself.
    if (state && state.consumed >= state.rate.points) throw this.refuse('refresh', state);
  }

  private refuse(route: LimitedRoute, state: LimitState): Error {
    this.metrics.rateLimited(route);
    return rateLimited(state);
  }

  /** After a refresh token that was malformed or unknown. */
  async refreshTokenInvalid(context: RequestContext): Promise<void> {
    await this.refreshIp.consume(limitAddress(context.ip));
  }
}
