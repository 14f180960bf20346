import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { StrapiClient } from '../strapi/strapi.client';

export type CheckState = 'up' | 'down';

export interface Readiness {
  /** `degraded`: Postgres answers and Strapi doesn't, so only what needs Strapi is refused. */
  status: 'ok' | 'degraded';
  checks: { database: CheckState; strapi: CheckState };
}

/**
 * Readiness probes usually give up after a few seconds; a Strapi that hangs must not make the
 * probe itself time out, or the instance leaves the load balancer whatever READY_REQUIRES_STRAPI says.
 */
export const READY_STRAPI_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly strapi: StrapiClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ready(): Promise<Readiness> {
    const [database, strapi] = await Promise.all([this.databaseUp(), this.strapiUp()]);
    const checks = { database: state(database), strapi: state(strapi) };
    if (!database || (!strapi && this.config.health.readyRequiresStrapi)) {
      throw new AppError('not_ready', 'A dependency is not available', { checks });
    }
    return { status: strapi ? 'ok' : 'degraded', checks };
  }

  private async databaseUp(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private strapiUp(): Promise<boolean> {
    return this.strapi.isHealthy(Math.min(READY_STRAPI_TIMEOUT_MS, this.config.strapi.timeoutMs));
  }
}

function state(up: boolean): CheckState {
  return up ? 'up' : 'down';
}
