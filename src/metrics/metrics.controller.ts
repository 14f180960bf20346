import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/public.decorator';
import { MetricsService } from './metrics.service';

/**
 * GET /metrics on the app's own port (METRICS_EXPOSURE main_port). Public to the access-token
 * guard: Prometheus has no session; METRICS_TOKEN is its credential. Not in the OpenAPI
 * document, which describes the API clients use.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { contentType, body } = await this.metrics.scrape(authorization);
    void reply.header('content-type', contentType).header('cache-control', 'no-store');
    return body;
  }
}
