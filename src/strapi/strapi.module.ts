import { Module } from '@nestjs/common';
import { StrapiClient } from './strapi.client';

@Module({ providers: [StrapiClient], exports: [StrapiClient] })
export class StrapiModule {}
