import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { StrapiClient } from '../strapi/strapi.client';

export const STRAPI_WATCH_INTERVAL_MS = 60_000;

/**
 * Readiness no longer fails while Strapi is down (unless READY_REQUIRES_STRAPI), so an outage
 * would go unnoticed by the orchestrator. This says so in the log: at boot, and once a minute for
 * as long as it lasts, whatever the traffic or the number of readiness probes.
 */
@Injectable()
export class StrapiWatch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StrapiWatch.name);
  private timer: NodeJS.Timeout | undefined;
  private checking = false;
  private stopped = false;
  private lastSeenUp: boolean | undefined;

  constructor(
    private readonly strapi: StrapiClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.check();
    this.timer = setInterval(() => void this.check(), STRAPI_WATCH_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  /** One look at Strapi; resolves when it has logged what it saw. */
  async check(): Promise<void> {
    if (this.checking || this.stopped) return;
    this.checking = true;
    try {
      const up = await this.strapi.isHealthy();
      // A check that was in flight while the app closed saw the client shut, not Strapi.
      if (this.stopped) return;
      if (!up) {
        const refused = this.config.refreshRevalidate ? 'Sign-ins, refreshes and proxied calls' : 'Sign-ins and proxied calls';
        const readiness = this.config.health.readyRequiresStrapi ? 'answers 503 (READY_REQUIRES_STRAPI=true)' : 'still answers 200';
        this.logger.warn(
          { event: 'strapi_unreachable', strapiUrl: this.config.strapi.url },
          `Strapi at ${this.config.strapi.url} can't be reached. ${refused} answer 503 until it answers; sessions, /auth/me and ` +
            `revocations keep working, and /health/ready ${readiness}. Checking again in a minute.`,
        );
      } else if (this.lastSeenUp === false) {
        this.logger.log({ event: 'strapi_reachable', strapiUrl: this.config.strapi.url }, `Strapi at ${this.config.strapi.url} answers again`);
      }
      this.lastSeenUp = up;
    } finally {
      this.checking = false;
    }
  }
}
