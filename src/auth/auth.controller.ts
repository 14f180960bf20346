import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors, SESSION_ERRORS } from '../common/api-errors.decorator';
import { AppError } from '../common/app-error';
import { Public } from '../common/public.decorator';
import { AuthService } from './auth.service';
import { CookieTransport, type CookieTokenResponse } from './cookie-transport';
import { ChangePasswordDto, EmailConfirmationQuery, EmailDto, LoginDto, LogoutDto, RefreshDto, RegisterDto, ResetPasswordDto } from './dto/auth-requests.dto';
import { PasswordService } from './password.service';
import { ConfirmationRequiredDto, MeResponseDto, SignInResponseDto, TokenResponseDto } from './dto/auth-responses.dto';
import { Client, CurrentPrincipal, type ClientContext, type Principal } from '../common/principal';
import { RequiresFreshAuth } from '../sessions/fresh-auth.guard';
import { MfaChallengeDto } from './dto/mfa.dto';

/** A sign-in's 200: its tokens, or, when a second factor is needed first, the challenge (docs/mfa.md). */
function ApiSignInOk(type: typeof TokenResponseDto): MethodDecorator & ClassDecorator {
  return ApiOkResponse({
    description: 'The session’s tokens; or, when a second factor is needed, `mfaRequired` / `mfaEnrollmentRequired` with an mfaToken',
    schema: { oneOf: [{ $ref: getSchemaPath(type) }, { $ref: getSchemaPath(MfaChallengeDto) }] },
  });
}

@ApiTags('auth')
@ApiHeader({ name: 'X-BFF-Transport', required: false, description: '`cookie`: tokens travel in HttpOnly cookies instead of JSON (browsers); see docs/api.md, "Browser apps: cookie mode"' })
@ApiExtraModels(TokenResponseDto, SignInResponseDto, ConfirmationRequiredDto, MfaChallengeDto)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
    private readonly cookies: CookieTransport,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with Strapi credentials and start a BFF session' })
  @ApiSignInOk(SignInResponseDto)
  @ApiErrors(
    'validation_failed',
    'invalid_credentials',
    'account_blocked',
    'email_not_confirmed',
    'rate_limited',
    'upstream_error',
    'upstream_unavailable',
    'service_unavailable',
    'upstream_timeout',
  )
  async login(
    @Body() dto: LoginDto,
    @Client() client: ClientContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponseDto | CookieTokenResponse> {
    return this.cookies.deliver(request, reply, await this.auth.login(dto, this.cookies.deviceToken(request, dto.deviceToken), client));
  }

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Create a Strapi account and start a session (or 202 when Strapi requires email confirmation)' })
  @ApiResponse({ status: 201, type: TokenResponseDto, description: 'Registered and signed in' })
  @ApiResponse({ status: 202, type: ConfirmationRequiredDto, description: 'Registered; the user must confirm their email first' })
  @ApiResponse({ status: 200, type: MfaChallengeDto, description: 'Registered; the role requires a second factor, to be set up before the session starts' })
  @ApiErrors(
    'validation_failed',
    'weak_password',
    'account_exists',
    'registration_disabled',
    'rate_limited',
    'upstream_error',
    'upstream_unavailable',
    'service_unavailable',
    'upstream_timeout',
  )
  async register(
    @Body() dto: RegisterDto,
    @Client() client: ClientContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto | CookieTokenResponse | ConfirmationRequiredDto> {
    const result = await this.auth.register(dto, client);
    if ('confirmationRequired' in result) {
      reply.status(202);
      return result;
    }
    reply.status(201);
    return this.cookies.deliver(request, reply, result);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens; the refresh token rotates on every use' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiErrors('validation_failed', 'invalid_refresh_token', 'refresh_token_reused', 'session_expired', 'session_revoked', 'account_blocked', 'account_deleted', 'rate_limited', 'upstream_unavailable', 'service_unavailable')
  async refresh(
    @Body() dto: RefreshDto,
    @Client() client: ClientContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto | CookieTokenResponse> {
    const refreshToken = this.cookies.refreshToken(request, dto.refreshToken);
    return this.cookies.deliver(request, reply, await this.auth.refresh(refreshToken, client));
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the session, identified by the Bearer access token or by a refresh token in the body' })
  @ApiBody({ type: LogoutDto, required: false })
  @ApiResponse({ status: 204, description: 'The session is revoked' })
  @ApiErrors('validation_failed', 'unauthorized', 'invalid_access_token', 'invalid_refresh_token', 'service_unavailable')
  async logout(
    @Body() dto: LogoutDto,
    @Client() client: ClientContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const { bearer, refreshToken } = this.cookies.logoutCredentials(request, dto.refreshToken);
    // Only a request that proved it comes from the app (a credential, and X-CSRF for cookies)
    // clears the cookies; a cross-site form must not be able to wipe them. After that they go
    // whatever happens next: a browser must never keep a dead session's tokens.
    this.cookies.clear(reply);
    await this.auth.logout(bearer, refreshToken, client);
  }

  @Post('change-password')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequiresFreshAuth()
  @ApiOperation({ summary: 'Change the password: every other session of the user ends; this one gets fresh tokens' })
  @ApiSignInOk(TokenResponseDto)
  @ApiErrors(...SESSION_ERRORS, 'validation_failed', 'weak_password', 'invalid_current_password', 'passwords_do_not_match', 'password_unchanged', 'upstream_unavailable')
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ChangePasswordDto,
    @Client() client: ClientContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto | CookieTokenResponse> {
    return this.cookies.deliver(request, reply, await this.passwords.changePassword(principal, dto, client));
  }

  @Public()
  @Post('forgot-password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Email a reset code. Always 204, whether or not the address has an account' })
  @ApiResponse({ status: 204, description: 'Accepted' })
  @ApiErrors('validation_failed', 'rate_limited', 'upstream_unavailable')
  forgotPassword(@Body() dto: EmailDto, @Client() client: ClientContext): Promise<void> {
    return this.passwords.forgotPassword(dto.email, client);
  }

  @Public()
  @Post('reset-password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password with the emailed code: every session of the user ends, and a new one starts' })
  @ApiSignInOk(TokenResponseDto)
  @ApiErrors('validation_failed', 'weak_password', 'invalid_reset_code', 'passwords_do_not_match', 'rate_limited', 'upstream_unavailable')
  async resetPassword(
    @Body() dto: ResetPasswordDto,
    @Client() client: ClientContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto | CookieTokenResponse> {
    return this.cookies.deliver(request, reply, await this.passwords.resetPassword(dto, client));
  }

  @Public()
  @Post('send-email-confirmation')
  @HttpCode(204)
  @ApiOperation({ summary: 'Send the email-confirmation link again. Always 204, whether or not the address has an account' })
  @ApiResponse({ status: 204, description: 'Accepted' })
  @ApiErrors('validation_failed', 'rate_limited', 'upstream_unavailable')
  sendEmailConfirmation(@Body() dto: EmailDto, @Client() client: ClientContext): Promise<void> {
    return this.passwords.sendEmailConfirmation(dto.email, client);
  }

  @Public()
  @Get('email-confirmation')
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirm an email address with the token from the confirmation link' })
  @ApiResponse({ status: 204, description: 'Confirmed; the user can sign in' })
  @ApiErrors('validation_failed', 'invalid_confirmation_token', 'rate_limited', 'upstream_unavailable')
  confirmEmail(@Query() query: EmailConfirmationQuery, @Client() client: ClientContext): Promise<void> {
    return this.passwords.confirmEmail(query.confirmation, client);
  }

  @Public()
  @Get('providers/:provider/callback')
  @ApiOperation({
    summary: 'Finish a provider sign-in (GitHub, Google, … as configured in Strapi): pass on the query Strapi’s provider redirect gave your app',
  })
  @ApiSignInOk(TokenResponseDto)
  @ApiErrors('validation_failed', 'provider_disabled', 'provider_rejected', 'account_blocked', 'upstream_unavailable')
  async providerCallback(
    @Param('provider') provider: string,
    @Client() client: ClientContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto | CookieTokenResponse> {
    if (!/^[a-z0-9-]{1,40}$/.test(provider)) throw new AppError('validation_failed', 'Unknown provider name');
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    return this.cookies.deliver(request, reply, await this.auth.providerSignIn(provider, query, client));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user and the current session' })
  @ApiOkResponse({ type: MeResponseDto })
  @ApiErrors(...SESSION_ERRORS)
  me(@CurrentPrincipal() principal: Principal): MeResponseDto {
    return this.auth.me(principal);
  }
}

