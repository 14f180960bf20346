import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client, CurrentPrincipal, type ClientContext, type Principal } from '../common/principal';
import { ApiErrors, SESSION_ERRORS } from '../common/api-errors.decorator';
import { MySessionDto, RevokedCountDto, RevokeScopeQuery } from './dto/session.dto';
import { MySessionsService } from './my-sessions.service';
import { RequiresFreshAuth } from './fresh-auth.guard';

@ApiTags('sessions')
@ApiBearerAuth()
@ApiErrors(...SESSION_ERRORS)
@Controller('sessions')
export class SessionsController {
  constructor(private readonly mySessions: MySessionsService) {}

  @Get()
  @ApiOperation({ summary: 'Where you are signed in: your active sessions, with `current: true` on this one' })
  @ApiOkResponse({ type: [MySessionDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<MySessionDto[]> {
    return this.mySessions.list(principal.userId, principal.sessionId);
  }

  @Delete()
  @RequiresFreshAuth()
  @ApiOperation({ summary: 'Sign out other devices (`scope=others`) or everywhere (`scope=all`)' })
  @ApiOkResponse({ type: RevokedCountDto })
  @ApiErrors('validation_failed')
  revokeMany(@CurrentPrincipal() principal: Principal, @Query() query: RevokeScopeQuery, @Client() client: ClientContext): Promise<RevokedCountDto> {
    return this.mySessions.revokeMany(principal.userId, principal.sessionId, query.scope, client);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of your sessions' })
  @ApiNoContentResponse({ description: 'The session is revoked' })
  @ApiErrors('not_found')
  revokeOne(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Client() client: ClientContext): Promise<void> {
    return this.mySessions.revokeOne(principal.userId, id, client);
  }
}
