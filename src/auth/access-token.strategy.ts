import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import passport from 'passport';
import { AppError } from '../common/app-error';
import { AccessTokenVerifier } from './access-token-verifier';
import type { Principal } from '../common/principal';

type Verify = (request: unknown, done: (error: unknown, principal?: Principal | null) => void) => void;

/** A passport strategy that hands each request to one verify callback, which @nestjs/passport wires to validate(). */
class DelegatingStrategy extends passport.Strategy {
  constructor(private readonly check: Verify) {
    super();
    this.name = 'bff-access-token';
  }

  override authenticate(request: unknown): void {
    this.check(request, (error, principal) => {
      if (error) this.error(error);
      else if (principal) this.success(principal);
      else this.fail(401);
    });
  }
}

/**
 * Passport, as the project's stack asks, as a thin adapter: all checking is AccessTokenVerifier's,
 * the same one the proxy calls. Passport keeps strategies in a process-wide registry, so each app
 * registers under its own name: two BFF apps in one process (as the tests run them) never mix.
 */
@Injectable()
export class AccessTokenStrategy extends PassportStrategy(DelegatingStrategy) implements OnModuleDestroy {
  readonly instanceName = `bff-access-token:${randomUUID()}`;

  constructor(private readonly verifier: AccessTokenVerifier) {
    super();
    passport.use(this.instanceName, this);
  }

  onModuleDestroy(): void {
    passport.unuse(this.instanceName);
  }

  async validate(request: { method?: string; headers: IncomingHttpHeaders }): Promise<Principal> {
    const principal = await this.verifier.authenticate(request);
    if (!principal) throw new AppError('unauthorized', 'A Bearer access token is required');
    return principal;
  }
}
