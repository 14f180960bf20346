import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { accessCredential, cookieNames } from '../common/browser';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionService } from '../sessions/session.service';
import { StrapiCredentials } from '../sessions/strapi-credentials';
import { AccessTokenService, type AccessTokenClaims } from '../tokens/access-token.service';

export type ProxyIdentity = { kind: 'anonymous' } | { kind: 'session'; session: SessionEntity; strapiJwt: string };

const MAX_ENTRIES = 10_000;

/**
 * Who a proxied request acts as. No Authorization header: anonymous (Strapi's public role).
 * Anything else must be a valid BFF access token of an active session; it is never quietly
 * downgraded to anonymous.
 *
 * Signature checks are the costly part of the hot path, so verified tokens are remembered until
 * they expire. The session check is not cached here: it goes through the ≤1 s session cache on
 * every request, which is what makes revocation stick.
 */
@Injectable()
export class ProxyIdentityResolver {
  private readonly verified = new Map<string, AccessTokenClaims>();
  /** Decrypted Strapi JWTs by ciphertext: a changed credential has a new ciphertext, so it can never be stale. */
  private readonly decrypted = new Map<string, string>();

  private readonly accessCookie: string;

  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly sessions: SessionService,
    private readonly credentials: StrapiCredentials,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.accessCookie = cookieNames(config).access;
  }

  async resolve(request: IncomingMessage): Promise<ProxyIdentity> {
    const credential = accessCredential(request.method, request.headers, this.accessCookie);
    if (credential.source === 'none') return { kind: 'anonymous' };
    const claims = this.verify(credential.token);
    const session = await this.sessions.requireActive(claims.sid, Number(claims.sub));
    // Strapi's refresh mode: a JWT near its end is renewed first (single-flight, under the row lock).
    const strapiJwt = this.credentials.isDue(session) ? await this.credentials.jwtFor(session) : this.strapiJwt(session);
    return { kind: 'session', session, strapiJwt };
  }

  private strapiJwt(session: SessionEntity): string {
    const known = this.decrypted.get(session.strapiJwtEncrypted);
    if (known !== undefined) return known;
    const jwt = this.sessions.strapiJwt(session);
    if (this.decrypted.size >= MAX_ENTRIES) this.decrypted.clear();
    this.decrypted.set(session.strapiJwtEncrypted, jwt);
    return jwt;
  }

  private verify(token: string): AccessTokenClaims {
    const known = this.verified.get(token);
    if (known && known.exp * 1000 > Date.now()) return known;
    const claims = this.accessTokens.verify(token);
    if (this.verified.size >= MAX_ENTRIES) this.verified.clear();
    this.verified.set(token, claims);
    return claims;
  }
}
