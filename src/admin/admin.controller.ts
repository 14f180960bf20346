import { Body, Controller, Delete, Get, HttpCode, Param, Query, UseGuards, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Client, CurrentPrincipal, type ClientContext, type Principal } from '../common/principal';
import { ApiErrors, SESSION_ERRORS } from '../common/api-errors.decorator';
import { RevokedCountDto } from '../sessions/dto/session.dto';
import { AdminGuard } from './admin.guard';
import { RequiresFreshAuth } from '../sessions/fresh-auth.guard';
import { AdminService } from './admin.service';
import { AdminRevokeDto, AdminSessionDto, AdminSessionPageDto, AdminSessionsQuery, AdminUserSessionsQuery, AuditEventPageDto, AuditEventsQuery } from './dto/admin.dto';
import { parseUserRef, type UserRef } from './user-ref';

/** `{userId}`: a Strapi user id, or an email or username (a number past int4 is a bad request, not a query error). */
const userRefPipe: PipeTransform<string, UserRef> = { transform: parseUserRef };

const UserParam = ApiParam({
  name: 'userId',
  schema: { type: 'string' },
  description: 'The Strapi user id, or the email or username the user signs in with (exact, case-insensitive)',
  examples: { id: { value: '3' }, email: { value: 'alice@example.com' }, username: { value: 'alice' } },
});

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AdminGuard)
@ApiErrors(...SESSION_ERRORS, 'forbidden', 'mfa_required')
@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Get('sessions')
  @ApiOperation({ summary: 'Find sessions, e.g. a user’s active ones (`q=alice@example.com`, `userId=3&status=active`)' })
  @ApiOkResponse({ type: AdminSessionPageDto })
  @ApiErrors('validation_failed')
  listSessions(@Query() query: AdminSessionsQuery): Promise<AdminSessionPageDto> {
    return this.admin.listSessions(query);
  }

  @Get('sessions/:id')
  @ApiOperation({ summary: 'One session, with its revocation reason and actor' })
  @ApiOkResponse({ type: AdminSessionDto })
  @ApiErrors('not_found')
  getSession(@Param('id') id: string): Promise<AdminSessionDto> {
    return this.admin.getSession(id);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @RequiresFreshAuth()
  @ApiOperation({ summary: 'Revoke one session; it stops working everywhere within a second' })
  @ApiBody({ type: AdminRevokeDto, required: false })
  @ApiNoContentResponse({ description: 'Revoked (or already ended)' })
  @ApiErrors('validation_failed', 'not_found')
  async revokeSession(
    @Param('id') id: string,
    @Body() dto: AdminRevokeDto,
    @CurrentPrincipal() principal: Principal,
    @Client() client: ClientContext,
  ): Promise<void> {
    await this.admin.revokeSession(id, `admin:${principal.userId}`, dto.reason, client);
  }

  @Get('users/:userId/sessions')
  @ApiOperation({ summary: 'One user’s sessions, the user named by id, email or username' })
  @UserParam
  @ApiOkResponse({ type: AdminSessionPageDto })
  @ApiErrors('validation_failed', 'not_found')
  listUserSessions(@Param('userId', userRefPipe) user: UserRef, @Query() query: AdminUserSessionsQuery): Promise<AdminSessionPageDto> {
    return this.admin.listUserSessions(user, query);
  }

  @Delete('users/:userId/sessions')
  @RequiresFreshAuth()
  @ApiOperation({ summary: 'Revoke every session of a user, named by id, email or username' })
  @UserParam
  @ApiOkResponse({ type: RevokedCountDto })
  @ApiErrors('validation_failed', 'not_found')
  revokeUserSessions(@Param('userId', userRefPipe) user: UserRef, @CurrentPrincipal() principal: Principal, @Client() client: ClientContext): Promise<RevokedCountDto> {
    return this.admin.revokeUserSessions(user, `admin:${principal.userId}`, undefined, client);
  }

  @Delete('users/:userId/mfa')
  @RequiresFreshAuth()
  @ApiOperation({ summary: 'Reset a user’s second factors after they lost their device; ends their sessions' })
  @UserParam
  @ApiOkResponse({ type: RevokedCountDto })
  @ApiErrors('validation_failed', 'not_found')
  resetMfa(@Param('userId', userRefPipe) user: UserRef, @CurrentPrincipal() principal: Principal, @Client() client: ClientContext): Promise<RevokedCountDto> {
    return this.admin.resetMfa(user, `admin:${principal.userId}`, client);
  }

  @Get('audit-events')
  @ApiOperation({ summary: 'The audit trail, newest first' })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiErrors('validation_failed')
  listAuditEvents(@Query() query: AuditEventsQuery): Promise<AuditEventPageDto> {
    return this.admin.listAuditEvents(query);
  }
}
