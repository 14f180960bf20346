import { ApiProperty } from '@nestjs/swagger';

export class UserDto {
  @ApiProperty({ example: 3 }) id!: number;
  @ApiProperty({ example: 'k3fy2b0q8v2wq1x5c7n9m4p6', nullable: true, type: String }) documentId!: string | null;
  @ApiProperty({ example: 'alice' }) username!: string;
  @ApiProperty({ example: 'alice@example.com' }) email!: string;
  @ApiProperty({ example: 'authenticated', nullable: true, type: String, description: 'The Strapi role `type`' }) role!: string | null;
}

export class SessionRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time', description: 'Absolute end of the session' }) expiresAt!: string;
}

export class TokenResponseDto {
  @ApiProperty({ description: 'ES256-signed JWT; send as `Authorization: Bearer …`' }) accessToken!: string;
  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ description: 'Opaque, single-use; exchange at POST /auth/refresh' }) refreshToken!: string;
  @ApiProperty({ example: 604800, description: 'Seconds until the refresh token expires (idle or absolute, whichever comes first)' })
  refreshExpiresIn!: number;
  @ApiProperty({ type: SessionRefDto }) session!: SessionRefDto;
  @ApiProperty({ type: UserDto }) user!: UserDto;
}

export class SignInResponseDto extends TokenResponseDto {
  @ApiProperty({
    description:
      'Present this as `deviceToken` at the next sign-in on this device (cookie mode: the `__Host-bff-device` cookie): the device stays exempt from lockouts that failed attempts from elsewhere cause. Lives DEVICE_TOKEN_TTL',
  })
  deviceToken!: string;
}

export class ConfirmationRequiredDto {
  @ApiProperty({ example: true, enum: [true] }) confirmationRequired!: true;
}

export class CurrentSessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) deviceName!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Last refresh' }) lastUsedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Absolute end of the session' }) expiresAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the refresh token stops working if unused' }) refreshExpiresAt!: string;
}

export class MeResponseDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty({ type: CurrentSessionDto }) session!: CurrentSessionDto;
}
