import { Body, Controller, Delete, Get, HttpCode, Param, Query, UseGuards, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client, CurrentPrincipal, type ClientContext, type Principal } from '../common/principal';
import { ApiErrors, SESSION_ERRORS } from '../common/api-errors.decorator';
import { AppError } from '../common/app-error';
import { RevokedCountDto } from '../sessions/dto/session.dto';
import { AdminGuard } from './admin.guard';
import { RequiresFreshAuth } from '../sessions/fresh-auth.guard';
import { AdminService } from './admin.service';
import { AdminRevokeDto, MAX_USER_ID, AdminSessionDto, AdminSessionPageDto, AdminSessionsQuery, AuditEventPageDto, AuditEventsQuery } from './dto/admin.dto';

/** Strapi user ids are Postgres `integer`s: a number past that range is a bad request, not a query error. */
const userIdPipe: PipeTransform<string, number> = {
  transform(value) {
    const id = /^\d{1,10}$/.test(value) ? Number(value) : 0;
    if (id < 1 || id > MAX_USER_ID) throw new AppError('validation_failed', `userId must be a whole number from 1 to ${MAX_USER_ID}`);
    return id;
  },
};

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AdminGuard)
@ApiErrors(...SESSION_ERRORS, 'forbidden', 'mfa_required')
@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Get('sessions')
  @ApiOperation({ summary: 'Find sessions, e.g. a user’s active ones (`userId=3&status=active`)' })
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
  revokeSession(
    @Param('id') id: string,
    @Body() dto: AdminRevokeDto,
    @CurrentPrincipal() principal: Principal,
    @Client() client: ClientContext,
  ): Promise<void> {
    return this.admin.revokeSession(id, principal.userId, dto.reason, client);
  }

  @Delete('users/:userId/sessions')
  @RequiresFreshAuth()
  @ApiOperation({ summary: 'Revoke every session of a user' })
  @ApiOkResponse({ type: RevokedCountDto })
  @ApiErrors('validation_failed')
  revokeUserSessions(@Param('userId', userIdPipe) userId: number, @CurrentPrincipal() principal: Principal, @Client() client: ClientContext): Promise<RevokedCountDto> {
    return this.admin.revokeUserSessions(userId, principal.userId, client);
  }

  @Delete('users/:userId/mfa')
  @RequiresFreshAuth()
  @ApiOperation({ summary: 'Reset a user’s second factors after they lost their device; ends their sessions' })
  @ApiOkResponse({ type: RevokedCountDto })
  @ApiErrors('validation_failed')
  resetMfa(@Param('userId', userIdPipe) userId: number, @CurrentPrincipal() principal: Principal, @Client() client: ClientContext): Promise<RevokedCountDto> {
    return this.admin.resetMfa(userId, principal.userId, client);
  }

  @Get('audit-events')
  @ApiOperation({ summary: 'The audit trail, newest first' })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiErrors('validation_failed')
  listAuditEvents(@Query() query: AuditEventsQuery): Promise<AuditEventPageDto> {
    return this.admin.listAuditEvents(query);
  }
}
