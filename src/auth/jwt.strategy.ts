import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { randomUUID } from 'node:crypto';
import passport from 'passport';
import { Strategy } from 'passport-jwt';
import { AppError } from '../common/app-error';
import { AccessTokenService, hasSessionClaims, type AccessTokenClaims } from '../tokens/access-token.service';
import { SessionService } from '../sessions/session.service';
import { ACCESS_TOKEN, type GuardedRequest } from './access-token.guard';
import type { Principal } from './principal';

/**
 * Verifies the BFF's own access tokens (ES256, kid-selected key, iss, aud, exp with 1 s leeway)
 * and then insists that the session behind the token is still active.
 *
 * Passport keeps strategies in a process-wide registry, so each app registers its strategy under
 * its own name: two BFF apps in one process (as the tests run them) never use each other's.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) implements OnModuleDestroy {
  readonly instanceName = `bff-access-token:${randomUUID()}`;

  constructor(
    tokens: AccessTokenService,
    private readonly sessions: SessionService,
  ) {
    const { algorithms, issuer, audience, clockTolerance } = tokens.verifyOptions;
    super({
      // The guard has already decided which token counts (header or cookie, see accessCredential()).
      jwtFromRequest: (request: GuardedRequest) => request[ACCESS_TOKEN] ?? null,
      algorithms,
      issuer,
      audience,
      jsonWebTokenOptions: { clockTolerance },
      secretOrKeyProvider: (_request: unknown, rawToken: string, done: (error: Error | null, key?: string | Buffer) => void) => {
        try {
          // jsonwebtoken takes a KeyObject; passport-jwt's typings only know strings and Buffers.
          done(null, tokens.keyFor(rawToken) as unknown as Buffer);
        } catch (error) {
          done(error as Error);
        }
      },
    });
    passport.use(this.instanceName, this);
  }

  onModuleDestroy(): void {
    passport.unuse(this.instanceName);
  }

  async validate(claims: AccessTokenClaims): Promise<Principal> {
    if (!hasSessionClaims(claims)) throw new AppError('invalid_access_token', 'The access token is invalid');
    const userId = Number(claims.sub);
    const session = await this.sessions.requireActive(claims.sid, userId);
    return { userId, sessionId: session.id, role: claims.role, session };
  }
}
