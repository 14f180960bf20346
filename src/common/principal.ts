import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from './request-context';
import type { SessionEntity } from '../sessions/session.entity';

/** Who is calling: set by the access-token guard after the session was found active. */
export interface Principal {
  userId: number;
  sessionId: string;
  role: string | null;
  session: SessionEntity;
}

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>();
  if (!request.user) throw new Error('CurrentPrincipal used on a route without the access-token guard');
  return request.user;
});

export type ClientContext = RequestContext;

export const Client = createParamDecorator((_data: unknown, context: ExecutionContext): ClientContext => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const userAgent = request.headers['user-agent'];
  return { requestId: String(request.id), ip: request.ip, userAgent: typeof userAgent === 'string' ? userAgent : undefined };
});
