import { Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '../audit/audit.module';
import { SessionsModule } from '../sessions/sessions.module';
import { StrapiModule } from '../strapi/strapi.module';
import { TokensModule } from '../tokens/tokens.module';
import { createAccessTokenGuard } from './access-token.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { PasswordService } from './password.service';

@Module({
  imports: [PassportModule, TokensModule, SessionsModule, StrapiModule, AuditModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    PasswordService,
    JwtStrategy,
    {
      provide: APP_GUARD,
      inject: [JwtStrategy, Reflector],
      useFactory: (strategy: JwtStrategy, reflector: Reflector) => createAccessTokenGuard(strategy.instanceName, reflector),
    },
  ],
})
export class AuthModule {}
