import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AccessTokenService } from './access-token.service';
import { DeviceTokenService } from './device-token.service';
import { JwksController } from './jwks.controller';
import { SecretBox } from './secret-box';

@Module({
  imports: [JwtModule.register({})],
  controllers: [JwksController],
  providers: [
    AccessTokenService,
    DeviceTokenService,
    { provide: SecretBox, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new SecretBox(config.keys.sessionEncryptionKey) },
  ],
  exports: [AccessTokenService, DeviceTokenService, SecretBox],
})
export class TokensModule {}
