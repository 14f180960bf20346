import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { TokensModule } from '../tokens/tokens.module';
import { ProxyIdentityResolver } from './proxy-identity';
import { ProxyService } from './proxy.service';

@Module({
  imports: [TokensModule, SessionsModule],
  providers: [ProxyIdentityResolver, ProxyService],
  exports: [ProxyService],
})
export class ProxyModule {}
