import { Module } from '@nestjs/common';
import { StrapiModule } from '../strapi/strapi.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { StrapiWatch } from './strapi-watch';

@Module({ imports: [StrapiModule], controllers: [HealthController], providers: [HealthService, StrapiWatch] })
export class HealthModule {}
