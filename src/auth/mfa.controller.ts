import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors, SESSION_ERRORS } from '../common/api-errors.decorator';
import { Client, CurrentPrincipal, type ClientContext, type Principal } from '../common/principal';
import { Public } from '../common/public.decorator';
import type { MfaSubject } from '../mfa/mfa-subject';
import { RequiresFreshAuth } from '../sessions/fresh-auth.guard';
import { CookieTransport } from './cookie-transport';
import {
  MfaCodeDto,
  MfaEnrolmentConfirmDto,
  MfaStatusDto,
  MfaTokenDto,
  MfaVerifiedDto,
  MfaVerifyDto,
  PasskeyOptionsDto,
  PasskeyRegisteredDto,
  PasskeyRegistrationDto,
  ReauthenticateDto,
  ReauthenticatedDto,
  RecoveryCodesDto,
  SignedInWithRecoveryCodesDto,
  TotpEnrolmentDto,
} from './dto/mfa.dto';
import { MfaEnrolmentService } from './mfa-enrolment.service';
import { MfaSignInService } from './mfa-sign-in.service';
import { ReauthenticationService } from './reauthentication.service';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';

/** For POST routes that take nothing: `{}` or no body. */
const NO_BODY = ApiBody({ required: false, description: 'Nothing to send (`{}` or no body)', schema: { type: 'object' } });

const CODE_ERRORS = ['validation_failed', 'invalid_mfa_code', 'mfa_code_reused', 'mfa_not_enrolled', 'mfa_locked'] as const;

@ApiTags('mfa')
@Controller('auth')
export class MfaController {
  constructor(
    private readonly enrolment: MfaEnrolmentService,
    private readonly signIn: MfaSignInService,
    private readonly reauthentication: ReauthenticationService,
    private readonly cookies: CookieTransport,
  ) {}

  @Public()
  @Post('mfa/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Finish a sign-in that answered `mfaRequired`: the mfaToken and a second factor in, the session’s tokens out' })
  @ApiOkResponse({ type: MfaVerifiedDto })
  @ApiErrors(...CODE_ERRORS, 'invalid_mfa_token', 'mfa_enrollment_required', 'passkey_rejected', 'service_unavailable')
  async verify(@Body() dto: MfaVerifyDto, @Client() client: ClientContext, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<object> {
    return this.cookies.deliver(request, reply, await this.signIn.verify(dto, client));
  }

  @Public()
  @Post('mfa/verify/passkey-options')
  @HttpCode(200)
  @ApiOperation({ summary: 'WebAuthn options for answering a sign-in’s challenge with a passkey (then POST /auth/mfa/verify with method `passkey`)' })
  @ApiOkResponse({ type: PasskeyOptionsDto })
  @ApiErrors('validation_failed', 'invalid_mfa_token', 'mfa_enrollment_required', 'mfa_not_enrolled')
  passkeySignInOptions(@Body() dto: MfaTokenDto): Promise<PasskeyOptionsDto> {
    return this.signIn.passkeyOptions(dto.mfaToken);
  }

  @Public()
  @Post('mfa/enrollment/totp')
  @HttpCode(200)
  @ApiOperation({ summary: 'For a sign-in that answered `mfaEnrollmentRequired`: start setting up an authenticator app with the mfaToken' })
  @ApiOkResponse({ type: TotpEnrolmentDto })
  @ApiErrors('validation_failed', 'invalid_mfa_token', 'mfa_already_enabled')
  beginEnrolment(@Body() dto: MfaTokenDto): Promise<TotpEnrolmentDto> {
    return this.signIn.beginEnrolment(dto.mfaToken);
  }

  @Public()
  @Post('mfa/enrollment/totp/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'The first code from the app: turns TOTP on, answers the recovery codes (once) and completes the sign-in' })
  @ApiOkResponse({ type: SignedInWithRecoveryCodesDto })
  @ApiErrors(...CODE_ERRORS, 'invalid_mfa_token', 'mfa_already_enabled')
  async confirmEnrolment(
    @Body() dto: MfaEnrolmentConfirmDto,
    @Client() client: ClientContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<object> {
    return this.cookies.deliver(request, reply, await this.signIn.confirmEnrolment(dto, client));
  }

  @Get('mfa')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Your second factors: what is set up, recovery codes left, whether your role requires one' })
  @ApiOkResponse({ type: MfaStatusDto })
  @ApiErrors(...SESSION_ERRORS)
  status(@CurrentPrincipal() principal: Principal): Promise<MfaStatusDto> {
    return this.enrolment.status(subjectOf(principal), principal.session.role);
  }

  @Post('mfa/totp')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Start setting up an authenticator app (TOTP): the secret, its otpauth URL and a QR code' })
  @ApiOkResponse({ type: TotpEnrolmentDto })
  @NO_BODY
  @ApiErrors(...SESSION_ERRORS, 'validation_failed', 'mfa_already_enabled')
  beginTotp(@CurrentPrincipal() principal: Principal): Promise<TotpEnrolmentDto> {
    return this.enrolment.beginTotp(subjectOf(principal), principal.session.email);
  }

  @Post('mfa/totp/confirm')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Turn TOTP on with the app’s first code; answers the ten recovery codes, once. This session becomes aal2' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiErrors(...SESSION_ERRORS, 'validation_failed', 'invalid_mfa_code', 'mfa_not_enrolled', 'mfa_already_enabled')
  confirmTotp(@CurrentPrincipal() principal: Principal, @Body() dto: MfaCodeDto, @Client() client: ClientContext): Promise<RecoveryCodesDto> {
    return this.signIn.confirmForSession(principal, dto.code, client);
  }

  @Post('mfa/passkeys/options')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequiresFreshAuth()
  @ApiOperation({ summary: 'WebAuthn options for registering a passkey as a second factor (needs a re-authentication within REAUTH_MAX_AGE)' })
  @ApiOkResponse({ type: PasskeyOptionsDto })
  @NO_BODY
  @ApiErrors(...SESSION_ERRORS, 'validation_failed')
  passkeyRegistrationOptions(@CurrentPrincipal() principal: Principal): Promise<PasskeyOptionsDto> {
    return this.enrolment.passkeyOptions(subjectOf(principal), principal.session.email);
  }

  @Post('mfa/passkeys')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequiresFreshAuth()
  @ApiOperation({ summary: 'Register the passkey the browser created with those options' })
  @ApiOkResponse({ type: PasskeyRegisteredDto })
  @ApiErrors(...SESSION_ERRORS, 'validation_failed', 'passkey_rejected')
  registerPasskey(@CurrentPrincipal() principal: Principal, @Body() dto: PasskeyRegistrationDto, @Client() client: ClientContext): Promise<PasskeyRegisteredDto> {
    return this.enrolment.registerPasskey(subjectOf(principal), dto.state, dto.response as unknown as RegistrationResponseJSON, client);
  }

  @Delete('mfa/totp')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequiresFreshAuth()
  @ApiOperation({ summary: 'Turn TOTP off (needs a re-authentication within REAUTH_MAX_AGE)' })
  @ApiNoContentResponse({ description: 'TOTP is off' })
  @ApiErrors(...SESSION_ERRORS, 'mfa_not_enrolled')
  disableTotp(@CurrentPrincipal() principal: Principal, @Client() client: ClientContext): Promise<void> {
    return this.enrolment.disableTotp(subjectOf(principal), client);
  }

  @Post('mfa/recovery-codes')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequiresFreshAuth()
  @ApiOperation({ summary: 'Ten new recovery codes; the old ones stop working (needs a re-authentication within REAUTH_MAX_AGE)' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @NO_BODY
  @ApiErrors(...SESSION_ERRORS, 'validation_failed', 'mfa_not_enrolled')
  regenerateRecoveryCodes(@CurrentPrincipal() principal: Principal, @Client() client: ClientContext): Promise<RecoveryCodesDto> {
    return this.enrolment.regenerateRecoveryCodes(subjectOf(principal), client);
  }

  @Post('reauthenticate')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Prove it is still you, on this session: sensitive actions are then allowed for REAUTH_MAX_AGE; a second factor raises the session to aal2' })
  @ApiOkResponse({ type: ReauthenticatedDto })
  @ApiErrors(...SESSION_ERRORS, ...CODE_ERRORS, 'invalid_credentials', 'mfa_required', 'upstream_unavailable')
  reauthenticate(@CurrentPrincipal() principal: Principal, @Body() dto: ReauthenticateDto, @Client() client: ClientContext): Promise<ReauthenticatedDto> {
    return this.reauthentication.reauthenticate(principal, dto, client);
  }
}

function subjectOf(principal: Principal): MfaSubject {
  return { userId: principal.userId, documentId: principal.session.userDocumentId };
}
