import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { MFA_METHODS, type MfaMethod } from '../../mfa/mfa-subject';
import { TokenResponseDto } from './auth-responses.dto';

export class MfaCodeDto {
  @ApiProperty({ description: 'The 6-digit code the authenticator app shows', example: '123456', maxLength: 64 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code!: string;
}

export class MfaTokenDto {
  @ApiProperty({ description: 'The `mfaToken` a sign-in answered', maxLength: 256 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  mfaToken!: string;
}

export class MfaEnrolmentConfirmDto extends MfaTokenDto {
  @ApiProperty({ description: 'The 6-digit code the authenticator app shows', example: '123456', maxLength: 64 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code!: string;
}

export class MfaVerifyDto extends MfaTokenDto {
  @ApiProperty({ enum: MFA_METHODS, example: 'totp' })
  @IsIn(MFA_METHODS)
  method!: MfaMethod;

  @ApiPropertyOptional({ description: '`totp`: the 6-digit code; `recovery_code`: one of the recovery codes', example: '123456', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;

  @ApiPropertyOptional({ description: '`passkey`: the WebAuthn assertion (navigator.credentials.get(), as JSON)', type: Object })
  @IsOptional()
  @IsObject()
  passkey?: Record<string, unknown>;

  @ApiPropertyOptional({ description: '`passkey`: the `state` that came with the options (POST /auth/mfa/verify/passkey-options)', maxLength: 4096 })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  passkeyState?: string;
}

export class PasskeyRegistrationDto {
  @ApiProperty({ description: 'The `state` that came with the options', maxLength: 4096 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  state!: string;

  @ApiProperty({ description: 'The new credential (navigator.credentials.create(), as JSON)', type: Object })
  @IsObject()
  response!: Record<string, unknown>;
}

export class PasskeyOptionsDto {
  @ApiProperty({ type: Object, description: 'For navigator.credentials.create() / get() (WebAuthn JSON form)' }) options!: object;
  @ApiProperty({ description: 'Send back with the browser’s answer' }) state!: string;
}

export class PasskeyRegisteredDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ type: [String], description: 'When this is the first factor: ten recovery codes, shown once' }) recoveryCodes?: string[];
}

export class ReauthenticateDto {
  @ApiPropertyOptional({ description: 'The account password (accounts without a second factor)', maxLength: 256, format: 'password' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  password?: string;

  @ApiPropertyOptional({ enum: ['totp', 'recovery_code'], description: 'A second factor (required when the account has one); raises the session to aal2' })
  @IsOptional()
  @IsIn(['totp', 'recovery_code'])
  method?: 'totp' | 'recovery_code';

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;

}

export class MfaChallengeDto {
  @ApiPropertyOptional({ enum: [true], description: 'Answer with a second factor at POST /auth/mfa/verify' }) mfaRequired?: true;
  @ApiPropertyOptional({ enum: [true], description: 'The role requires a second factor the user has not set up: enrol at POST /auth/mfa/enrollment/totp' })
  mfaEnrollmentRequired?: true;
  @ApiProperty({ description: 'Opaque, single use, lives MFA_CHALLENGE_TTL' }) mfaToken!: string;
  @ApiProperty({ enum: MFA_METHODS, isArray: true }) methods!: MfaMethod[];
  @ApiProperty({ example: 300, description: 'Seconds until the mfaToken expires' }) expiresIn!: number;
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'Base32 secret, for typing into an authenticator app by hand' }) secret!: string;
  @ApiProperty({ example: 'otpauth://totp/strapi-auth-bff:alice%40example.com?secret=…' }) otpauthUrl!: string;
  @ApiProperty({ description: 'The otpauthUrl as an SVG QR code' }) qrSvg!: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'Ten single-use codes. Shown once: only their hashes are kept', example: ['7kq2-m9xd-4hrt'] })
  recoveryCodes!: string[];
}

export class SignedInWithRecoveryCodesDto extends TokenResponseDto {
  @ApiProperty({ type: [String], description: 'Ten single-use codes. Shown once' }) recoveryCodes!: string[];
}

export class MfaVerifiedDto extends TokenResponseDto {
  @ApiPropertyOptional({ description: 'After a recovery code: how many are left', example: 9 }) recoveryCodesLeft?: number;
  @ApiPropertyOptional({ description: 'After a password sign-in: see POST /auth/login' }) deviceToken?: string;
}

export class MfaStatusDto {
  @ApiProperty({ description: 'An authenticator app (TOTP) is on' }) totp!: boolean;
  @ApiProperty({ description: 'Registered passkeys' }) passkeys!: number;
  @ApiProperty() recoveryCodesLeft!: number;
  @ApiProperty({ description: 'The user’s role requires a second factor (MFA_REQUIRED_ROLES)' }) required!: boolean;
  @ApiProperty({ enum: MFA_METHODS, isArray: true }) methods!: MfaMethod[];
}

export class ReauthenticatedDto {
  @ApiProperty({ enum: [1, 2] }) aal!: number;
  @ApiProperty({ type: [String], example: ['pwd', 'otp'] }) amr!: string[];
  @ApiProperty({ format: 'date-time' }) authTime!: string;
  @ApiProperty({ format: 'date-time', description: 'Sensitive actions are allowed until then (REAUTH_MAX_AGE)' }) freshUntil!: string;
  @ApiPropertyOptional({ description: 'After a recovery code: how many are left' }) recoveryCodesLeft?: number;
}
