import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SessionsModule } from '../sessions/sessions.module';
import { ProxyService } from './proxy.service';

@Module({
  imports: [AuthModule, SessionsModule],
  providers: [ProxyService],
  exports: [ProxyService],
})
export class ProxyModule {}
