import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
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

export interface ClientContext {
  ip: string | undefined;
  userAgent: string | undefined;
}

export const Client = createParamDecorator((_data: unknown, context: ExecutionContext): ClientContext => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof userAgent === 'string' ? userAgent : undefined };
});
