import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppError } from '../common/app-error';
import { IS_PUBLIC } from '../common/public.decorator';

/**
 * Global guard: every route needs a valid access token of an active session unless it is
 * marked @Public(). Authentication fails closed.
 */
@Injectable()
export class AccessTokenGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    return super.canActivate(context) as Promise<boolean>;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown): TUser {
    if (error instanceof AppError) throw error;
    if (error) throw error;
    if (user) return user;
    if (info instanceof AppError) throw info;
    const reason = info instanceof Error ? info : undefined;
    if (reason?.name === 'TokenExpiredError') throw new AppError('invalid_access_token', 'The access token has expired');
    if (reason?.message === 'No auth token') throw new AppError('unauthorized', 'A Bearer access token is required');
    throw new AppError('invalid_access_token', 'The access token is invalid');
  }
}
