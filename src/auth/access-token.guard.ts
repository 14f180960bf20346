import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppError } from '../common/app-error';
import { IS_PUBLIC } from '../common/public.decorator';

/**
 * The global guard: every route needs a valid access token of an active session unless it is
 * marked @Public(). Authentication fails closed. Built per app for that app's passport strategy,
 * which asks AccessTokenVerifier.
 */
export function createAccessTokenGuard(strategyName: string, reflector: Reflector): CanActivate {
  class AccessTokenGuard extends AuthGuard(strategyName) {
    override canActivate(context: ExecutionContext): boolean | Promise<boolean> {
      const isPublic = reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
      if (isPublic) return true;
      return super.canActivate(context) as Promise<boolean>;
    }

    override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
      if (error) throw error instanceof Error ? error : new Error('Authentication failed');
      if (user) return user;
      throw new AppError('unauthorized', 'A Bearer access token is required');
    }
  }
  return new AccessTokenGuard();
}
