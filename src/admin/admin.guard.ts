import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '../common/principal';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Admins are callers whose Strapi role `type` (the access token's `role` claim, re-read from
 * Strapi at every refresh) is in ADMIN_ROLES. Runs after the global access-token guard.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const principal = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (!principal?.role || !this.config.adminRoles.includes(principal.role)) {
      throw new AppError('forbidden', 'This needs an admin role');
    }
    return true;
  }
}
