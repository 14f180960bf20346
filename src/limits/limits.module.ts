import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TokensModule } from '../tokens/tokens.module';
import { FlowLimits } from './flow-limits';
import { LimiterStore } from './limiter-store';
import { LoginThrottle } from './login-throttle';
import { ProxyRateLimit } from './proxy-rate-limit';

/** Brute-force and abuse limits, counted in a store every instance shares (Postgres or Redis). */
@Module({
  imports: [AuditModule, TokensModule],
  providers: [LimiterStore, LoginThrottle, FlowLimits, ProxyRateLimit],
  exports: [LoginThrottle, FlowLimits, ProxyRateLimit, LimiterStore],
})
export class LimitsModule {}
