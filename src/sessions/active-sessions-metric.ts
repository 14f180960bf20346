import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics';
import { SessionsRepository } from './sessions.repository';

/** Feeds bff_active_sessions from the sessions table; Metrics decides how often it is asked (≤ every 30 s). */
@Injectable()
export class ActiveSessionsMetric implements OnModuleInit {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.metrics.countActiveSessionsWith(() => this.sessions.countActive(new Date(), this.config.tokens.refreshIdleTtlMs));
  }
}
