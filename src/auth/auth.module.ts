import { Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '../audit/audit.module';
import { cookieNames } from '../common/browser';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SessionsModule } from '../sessions/sessions.module';
import { StrapiModule } from '../strapi/strapi.module';
import { TokensModule } from '../tokens/tokens.module';
import { createAccessTokenGuard } from './access-token.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CookieTransport } from './cookie-transport';
import { JwtStrategy } from './jwt.strategy';
import { PasswordService } from './password.service';

@Module({
  imports: [PassportModule, TokensModule, SessionsModule, StrapiModule, AuditModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    PasswordService,
    CookieTransport,
    JwtStrategy,
    {
      provide: APP_GUARD,
      inject: [JwtStrategy, Reflector, APP_CONFIG],
      useFactory: (strategy: JwtStrategy, reflector: Reflector, config: AppConfig) =>
        createAccessTokenGuard(strategy.instanceName, reflector, cookieNames(config).access),
    },
  ],
})
export class AuthModule {}
