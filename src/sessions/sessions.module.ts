import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TokensModule } from '../tokens/tokens.module';
import { SessionCache } from './session-cache';
import { SessionService } from './session.service';
import { SessionsRepository } from './sessions.repository';

@Module({
  imports: [TokensModule, AuditModule],
  providers: [SessionsRepository, SessionCache, SessionService],
  exports: [SessionService],
})
export class SessionsModule {}
