import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, type Rate } from '../config/app-config';
import { SharedLimiter, storeDownReporter } from './shared-limiter';

/** The counters' table (migration 1764850000000); created by a reviewed migration, never by the library. */
export const RATE_LIMIT_TABLE = 'bff_rate_limits';

/**
 * Builds the named limits over the configured store: Postgres by default (nothing new to run),
 * Redis when REDIS_URL is set, memory for a single instance (and to show, in a test, that a
 * per-instance store lets parallel attempts through).
 */
@Injectable()
export class LimiterStore implements OnModuleDestroy {
  private readonly logger = new Logger(LimiterStore.name);
  private readonly reportDown = storeDownReporter(this.logger);
  private readonly redis: Redis | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (config.limits.store === 'redis' && config.limits.redisUrl) {
      // No offline queue and a short connect timeout: while Redis is away, commands fail at once
      // and the limits fail open, instead of queueing sign-ins behind a reconnect.
      this.redis = new Redis(config.limits.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2_000, lazyConnect: false });
      this.redis.on('error', (error: Error) => this.reportDown('redis', error));
    }
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  limiter(name: string, rate: Rate): SharedLimiter {
    return new SharedLimiter(name, rate, this.create(name, rate), this.reportDown);
  }

  private create(name: string, rate: Rate): RateLimiterAbstract {
    const options = { keyPrefix: `bff:${name}`, points: rate.points, duration: Math.max(1, Math.ceil(rate.windowMs / 1000)) };
    switch (this.config.limits.store) {
      case 'redis':
        return new RateLimiterRedis({ ...options, storeClient: this.redis, rejectIfRedisNotReady: true });
      case 'memory':
        return new RateLimiterMemory(options);
      case 'postgres':
        // The TypeORM pool; expired rows are deleted by the retention sweep, not by a timer per limit.
        return new RateLimiterPostgres({ ...options, storeClient: this.dataSource, storeType: 'typeorm', tableName: RATE_LIMIT_TABLE, tableCreated: true, clearExpiredByTimeout: false });
    }
  }
}
