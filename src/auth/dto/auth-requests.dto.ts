import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ description: 'Username or email, as Strapi accepts it', example: 'alice@example.com', maxLength: 255 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  identifier!: string;

  @ApiProperty({ example: 'Passw0rd!', maxLength: 256, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password!: string;

  @ApiPropertyOptional({ description: 'A label the user will recognise in their session list', example: 'Alice’s laptop', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  deviceName?: string;

  @ApiPropertyOptional({
    description: 'The `deviceToken` of an earlier sign-in on this device: it keeps the device signing in while the account is locked by failed attempts from elsewhere. In cookie mode the `__Host-bff-device` cookie carries it',
    maxLength: 2048,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  deviceToken?: string;
}

export class RegisterDto {
  @ApiProperty({ example: 'newuser', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username!: string;

  @ApiProperty({ example: 'newuser@example.com', maxLength: 255 })
  @IsEmail()
  @MaxLength(255)
  email!: string;

  @ApiProperty({ example: 'Passw0rd!', maxLength: 256, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password!: string;

  @ApiPropertyOptional({ example: 'Phone', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  deviceName?: string;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: 'The refresh token from the last token response. In cookie mode, leave it out: the refresh cookie is used', example: 'bffrt_…' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  refreshToken?: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'Alternative to the Bearer access token: any refresh token of the session' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  refreshToken?: string;
}

/** A new password and its confirmation, as Strapi's change and reset routes take them. */
class NewPasswordDto {
  @ApiProperty({ format: 'password', maxLength: 256 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password!: string;

  @ApiProperty({ format: 'password', maxLength: 256 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  passwordConfirmation!: string;
}

export class ChangePasswordDto extends NewPasswordDto {
  @ApiProperty({ format: 'password', maxLength: 256 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  currentPassword!: string;
}

export class EmailDto {
  @ApiProperty({ example: 'alice@example.com', maxLength: 255 })
  @IsEmail()
  @MaxLength(255)
  email!: string;
}

export class ResetPasswordDto extends NewPasswordDto {
  @ApiProperty({ description: 'The code from the reset email' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  code!: string;
}

export class EmailConfirmationQuery {
  @ApiProperty({ description: 'The token from the confirmation email' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  confirmation!: string;
}
