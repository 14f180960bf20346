import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** Global: instruments are recorded from many modules. The route exists only when /metrics is served on the app's port. */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MetricsModule,
      controllers: config.metrics.exposure === 'main_port' ? [MetricsController] : [],
      providers: [Metrics, MetricsService],
      exports: [Metrics, MetricsService],
    };
  }
}
