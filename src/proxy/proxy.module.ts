import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LimitsModule } from '../limits/limits.module';
import { SessionsModule } from '../sessions/sessions.module';
import { ProxyService } from './proxy.service';

@Module({
  imports: [AuthModule, SessionsModule, LimitsModule],
  providers: [ProxyService],
  exports: [ProxyService],
})
export class ProxyModule {}
