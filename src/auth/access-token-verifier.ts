import { Inject, Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { accessCredential, cookieNames } from '../common/browser';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ActiveSessions } from '../sessions/active-session';
import { AccessTokenService, type AccessTokenClaims } from '../tokens/access-token.service';
import type { Principal } from '../common/principal';

const MAX_VERIFIED = 10_000;

/**
 * The one access-token check, for the app's routes (through passport) and the proxy alike:
 *  1. where the token comes from: a Bearer header, or the cookie with the CSRF rule (accessCredential());
 *  2. verification (ES256, kid-selected key, iss, aud, exp, iat, the claims), remembered until the
 *     token expires, since signature checks are the costly part of every request;
 *  3. the session behind it, on every request, through the ≤ 1 s session cache: that is what
 *     makes a revocation stick, so it is never cached here.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly verified = new Map<string, AccessTokenClaims>();
  private readonly accessCookie: string;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly sessions: ActiveSessions,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.accessCookie = cookieNames(config).access;
  }

  /** Who is calling; undefined for a request with no credential at all. A bad credential throws, never downgrades. */
  async authenticate(request: { method?: string; headers: IncomingHttpHeaders }): Promise<Principal | undefined> {
    const credential = accessCredential(request.method, request.headers, this.accessCookie);
    if (credential.source === 'none') return undefined;
    const claims = this.verify(credential.token);
    const userId = Number(claims.sub);
    const session = await this.sessions.requireActive(claims.sid, userId);
    return { userId, sessionId: session.id, role: claims.role, session };
  }

  private verify(token: string): AccessTokenClaims {
    const known = this.verified.get(token);
    if (known && known.exp * 1000 > Date.now()) return known;
    const claims = this.tokens.verify(token);
    if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
    this.verified.set(token, claims);
    return claims;
  }
}
