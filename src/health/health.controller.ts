import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { Public } from '../common/public.decorator';
import { HealthService, type Readiness } from './health.service';

class LiveDto {
  @ApiProperty({ example: 'ok' }) status!: 'ok';
}

class ReadyChecksDto {
  @ApiProperty({ enum: ['up', 'down'] }) database!: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) strapi!: 'up' | 'down';
}

class ReadyDto implements Readiness {
  @ApiProperty({ enum: ['ok', 'degraded'], description: '`degraded`: Postgres answers and Strapi does not, so only what needs Strapi is refused' })
  status!: 'ok' | 'degraded';
  @ApiProperty({ type: ReadyChecksDto }) checks!: ReadyChecksDto;
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  @ApiOkResponse({ type: LiveDto })
  live(): LiveDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'The database answers',
    description:
      '200 while Postgres answers, with Strapi\'s state in `checks` (`status: degraded` while Strapi is down). ' +
      '503 `not_ready` with `details.checks` when Postgres does not answer, or Strapi does not and READY_REQUIRES_STRAPI=true.',
  })
  @ApiOkResponse({ type: ReadyDto })
  @ApiErrors('not_ready')
  ready(): Promise<ReadyDto> {
    return this.health.ready();
  }
}
