import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '../common/principal';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Admins are callers whose Strapi role `type` (the access token's `role` claim, re-read from
 * Strapi at every refresh) is in ADMIN_ROLES. When that role is also in MFA_REQUIRED_ROLES, the
 * session must have reached aal2: a session from before the requirement, or from before the
 * role changed, gets `403 mfa_required` until it re-authenticates with a second factor.
 * Runs after the global access-token guard.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const principal = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (!principal?.role || !this.config.adminRoles.includes(principal.role)) {
      throw new AppError('forbidden', 'This needs an admin role');
    }
    if (this.config.mfa.requiredRoles.includes(principal.role) && principal.session.aal < 2) {
      throw new AppError('mfa_required', 'Admin routes need a session signed in with a second factor: POST /auth/reauthenticate with one');
    }
    return true;
  }
}
