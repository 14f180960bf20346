import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { StrapiClient } from '../strapi/strapi.client';

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly strapi: StrapiClient,
  ) {}

  async ready(): Promise<{ status: 'ok'; checks: { database: 'up'; strapi: 'up' } }> {
    const [database, strapi] = await Promise.all([this.databaseUp(), this.strapi.isHealthy()]);
    const checks = { database: database ? 'up' : 'down', strapi: strapi ? 'up' : 'down' } as const;
    if (!database || !strapi) throw new AppError('not_ready', 'A dependency is not available', { checks });
    return { status: 'ok', checks: { database: 'up', strapi: 'up' } };
  }

  private async databaseUp(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
