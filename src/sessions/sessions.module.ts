import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StrapiModule } from '../strapi/strapi.module';
import { TokensModule } from '../tokens/tokens.module';
import { MfaModule } from '../mfa/mfa.module';
import { FreshAuthGuard } from './fresh-auth.guard';
import { ActiveSessions } from './active-session';
import { ActiveSessionsMetric } from './active-sessions-metric';
import { MySessionsService } from './my-sessions.service';
import { RefreshService } from './refresh.service';
import { SessionRevoker } from './revocation';
import { SessionCache } from './session-cache';
import { SessionIssuer } from './session-issuer';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { StrapiCredentials } from './strapi-credentials';

/**
 * Sessions, one class per job: issuing (SessionIssuer), rotation (RefreshService), revocation
 * (SessionRevoker), Strapi's credentials (StrapiCredentials), the per-request check
 * (ActiveSessions), and every SQL statement (SessionsRepository).
 */
@Module({
  imports: [TokensModule, AuditModule, StrapiModule, MfaModule],
  controllers: [SessionsController],
  providers: [SessionsRepository, SessionCache, ActiveSessions, SessionRevoker, StrapiCredentials, SessionIssuer, RefreshService, MySessionsService, ActiveSessionsMetric, FreshAuthGuard],
  exports: [SessionsRepository, SessionCache, FreshAuthGuard, ActiveSessions, SessionRevoker, StrapiCredentials, SessionIssuer, RefreshService],
})
export class SessionsModule {}
