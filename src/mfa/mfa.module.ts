import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LimitsModule } from '../limits/limits.module';
import { TokensModule } from '../tokens/tokens.module';
import { ChallengesRepository } from './challenges.repository';
import { FactorsRepository } from './factors.repository';
import { SecondFactors } from './second-factors';
import { SignInGate } from './sign-in-gate';
import { PasskeyFactor } from './passkeys';

/**
 * Second factors: what a user has set up (FactorsRepository), sign-ins waiting for one
 * (SignInGate, ChallengesRepository), and checking one with its limits (SecondFactors). Knows
 * nothing of sessions; sessions/ asks it, and auth/ builds the HTTP flows on both.
 */
@Module({
  imports: [TokensModule, AuditModule, LimitsModule],
  providers: [FactorsRepository, ChallengesRepository, SecondFactors, SignInGate, PasskeyFactor],
  exports: [FactorsRepository, ChallengesRepository, SecondFactors, SignInGate, PasskeyFactor],
})
export class MfaModule {}
