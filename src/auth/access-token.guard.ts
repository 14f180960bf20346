import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../common/app-error';
import { accessCredential } from '../common/browser';
import { IS_PUBLIC } from '../common/public.decorator';

/** Where the guard leaves the access token it accepted, for the strategy's extractor. */
export const ACCESS_TOKEN = Symbol('bff:accessToken');

export type GuardedRequest = { method: string; headers: IncomingHttpHeaders; [ACCESS_TOKEN]?: string };

/**
 * The global guard: every route needs a valid access token of an active session unless it is
 * marked @Public(). Authentication fails closed. Built per app for that app's passport strategy.
 * Which token counts (header or cookie, with the CSRF rule) is decided once, by accessCredential().
 */
export function createAccessTokenGuard(strategyName: string, reflector: Reflector, accessCookie: string): CanActivate {
  class AccessTokenGuard extends AuthGuard(strategyName) {
    override canActivate(context: ExecutionContext): boolean | Promise<boolean> {
      const isPublic = reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
      if (isPublic) return true;
      const request = context.switchToHttp().getRequest<GuardedRequest>();
      const credential = accessCredential(request.method, request.headers, accessCookie);
      if (credential.source === 'none') throw new AppError('unauthorized', 'A Bearer access token is required');
      request[ACCESS_TOKEN] = credential.token;
      return super.canActivate(context) as Promise<boolean>;
    }

    override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown): TUser {
      if (error) throw error instanceof Error ? error : new Error('Authentication failed');
      if (user) return user;
      if (info instanceof AppError) throw info;
      const reason = info instanceof Error ? info : undefined;
      if (reason?.name === 'TokenExpiredError') throw new AppError('invalid_access_token', 'The access token has expired');
      throw new AppError('invalid_access_token', 'The access token is invalid');
    }
  }
  return new AccessTokenGuard();
}
