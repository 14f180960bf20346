import { Module, type DynamicModule } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module';
import type { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { MetricsModule } from '../metrics/metrics.module';

/**
 * What the command line needs of the app: its config, database and the admin use cases (which
 * bring the sessions engine and the audit trail), without HTTP. Metrics are off: a CLI run has
 * nothing to serve them on.
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const quiet: AppConfig = { ...config, metrics: { ...config.metrics, exposure: 'off', requested: false } };
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(quiet), MetricsModule.forRoot(quiet), DatabaseModule.forRoot(databaseUrl), AdminModule],
    };
  }
}
