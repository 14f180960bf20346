import { applyDecorators, Inject, Injectable, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ApiErrors } from '../common/api-errors.decorator';
import type { Principal } from '../common/principal';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { isFresh, reauthRequired } from './assurance';
import { SessionsRepository } from './sessions.repository';

/**
 * Sensitive actions (changing credentials or factors, ending every session, admin revocations)
 * need the session's last authentication within REAUTH_MAX_AGE, else `403 reauth_required` with
 * `details.maxAge` in seconds. Reads the stored row, not the ≤ 1 s session cache, so a
 * re-authentication made on another instance counts at once. Runs after the access-token guard.
 */
@Injectable()
export class FreshAuthGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const principal = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    const session = principal ? await this.sessions.getById(principal.sessionId) : null;
    const authTime = session?.authTime ?? principal?.session.authTime;
    if (!authTime || !isFresh(authTime, new Date(), this.config.mfa.reauthMaxAgeMs)) throw reauthRequired(this.config.mfa.reauthMaxAgeMs);
    return true;
  }
}

export function RequiresFreshAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(UseGuards(FreshAuthGuard), ApiErrors('reauth_required'));
}
