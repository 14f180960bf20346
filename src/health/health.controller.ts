import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { Public } from '../common/public.decorator';
import { HealthService } from './health.service';

class LiveDto {
  @ApiProperty({ example: 'ok' }) status!: 'ok';
}

class ReadyChecksDto {
  @ApiProperty({ enum: ['up', 'down'] }) database!: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) strapi!: 'up' | 'down';
}

class ReadyDto {
  @ApiProperty({ example: 'ok' }) status!: 'ok';
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
  @ApiOperation({ summary: 'The database and Strapi both answer; 503 `not_ready` with the failing checks otherwise' })
  @ApiOkResponse({ type: ReadyDto })
  @ApiErrors('not_ready')
  ready(): Promise<ReadyDto> {
    return this.health.ready();
  }
}
