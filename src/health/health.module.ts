import { Module } from '@nestjs/common';
import { StrapiModule } from '../strapi/strapi.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ imports: [StrapiModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
