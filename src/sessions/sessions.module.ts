import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TokensModule } from '../tokens/tokens.module';
import { MySessionsService } from './my-sessions.service';
import { SessionCache } from './session-cache';
import { SessionsController } from './sessions.controller';
import { SessionService } from './session.service';
import { SessionsRepository } from './sessions.repository';

@Module({
  imports: [TokensModule, AuditModule],
  controllers: [SessionsController],
  providers: [SessionsRepository, SessionCache, SessionService, MySessionsService],
  exports: [SessionService, SessionsRepository],
})
export class SessionsModule {}
