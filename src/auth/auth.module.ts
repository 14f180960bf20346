import { Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '../audit/audit.module';
import { LimitsModule } from '../limits/limits.module';
import { MfaModule } from '../mfa/mfa.module';
import { SessionsModule } from '../sessions/sessions.module';
import { StrapiModule } from '../strapi/strapi.module';
import { TokensModule } from '../tokens/tokens.module';
import { createAccessTokenGuard } from './access-token.guard';
import { AccessTokenStrategy } from './access-token.strategy';
import { AccessTokenVerifier } from './access-token-verifier';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CookieTransport } from './cookie-transport';
import { PasswordPolicy } from './password-policy';
import { PasswordService } from './password.service';
import { MfaController } from './mfa.controller';
import { MfaEnrolmentService } from './mfa-enrolment.service';
import { MfaSignInService } from './mfa-sign-in.service';
import { ReauthenticationService } from './reauthentication.service';

@Module({
  imports: [PassportModule, TokensModule, SessionsModule, StrapiModule, AuditModule, LimitsModule, MfaModule],
  controllers: [AuthController, MfaController],
  providers: [
    AuthService,
    MfaEnrolmentService,
    MfaSignInService,
    ReauthenticationService,
    PasswordService,
    CookieTransport,
    PasswordPolicy,
    AccessTokenVerifier,
    AccessTokenStrategy,
    {
      provide: APP_GUARD,
      inject: [AccessTokenStrategy, Reflector],
      useFactory: (strategy: AccessTokenStrategy, reflector: Reflector) => createAccessTokenGuard(strategy.instanceName, reflector),
    },
  ],
  exports: [AccessTokenVerifier],
})
export class AuthModule {}
