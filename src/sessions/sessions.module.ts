import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StrapiModule } from '../strapi/strapi.module';
import { TokensModule } from '../tokens/tokens.module';
import { MySessionsService } from './my-sessions.service';
import { SessionCache } from './session-cache';
import { SessionsController } from './sessions.controller';
import { SessionService } from './session.service';
import { SessionsRepository } from './sessions.repository';
import { StrapiCredentials } from './strapi-credentials';

@Module({
  imports: [TokensModule, AuditModule, StrapiModule],
  controllers: [SessionsController],
  providers: [SessionsRepository, SessionCache, SessionService, MySessionsService, StrapiCredentials],
  exports: [SessionService, SessionsRepository, StrapiCredentials],
})
export class SessionsModule {}
