import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { KeyObject } from 'node:crypto';
import { AppError } from '../common/app-error';
import { isUuid } from '../common/uuid';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { keyId } from '../config/keys';

export const ACCESS_TOKEN_TYPE = 'at+jwt';
export const ACCESS_TOKEN_ALGORITHM = 'ES256';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  role: string | null;
  /** OIDC: how the user authenticated (RFC 8176), the level as `aal1`/`aal2`, and when (seconds). */
  amr?: string[];
  acr?: string;
  auth_time?: number;
  iat: number;
  exp: number;
  iss: string;
  aud: string;
}

export interface IssuedAccessToken {
  token: string;
  expiresIn: number;
}

interface PublicJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  kid: string;
  use: 'sig';
  alg: typeof ACCESS_TOKEN_ALGORITHM;
}

@Injectable()
export class AccessTokenService {
  private readonly verificationKeys: Map<string, KeyObject>;
  readonly jwks: { keys: PublicJwk[] };

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { signing, previousVerificationKeys } = config.keys;
    this.verificationKeys = new Map([[signing.kid, signing.publicKey]]);
    for (const key of previousVerificationKeys) this.verificationKeys.set(keyId(key), key);
    this.jwks = {
      keys: [...this.verificationKeys].map(([kid, key]) => {
        const jwk = key.export({ format: 'jwk' });
        return { kty: String(jwk.kty), crv: String(jwk.crv), x: String(jwk.x), y: String(jwk.y), kid, use: 'sig', alg: ACCESS_TOKEN_ALGORITHM };
      }),
    };
  }

  sign(subject: { userId: number; sessionId: string; role: string | null; acr?: string; amr?: string[]; authTime?: Date }): IssuedAccessToken {
    const { signing } = this.config.keys;
    const expiresIn = Math.floor(this.config.tokens.accessTtlMs / 1000);
    const token = this.jwt.sign(
      {
        sid: subject.sessionId,
        role: subject.role,
        amr: subject.amr ?? ['pwd'],
        acr: subject.acr ?? 'aal1',
        ...(subject.authTime ? { auth_time: Math.floor(subject.authTime.getTime() / 1000) } : {}),
      },
      {
        algorithm: ACCESS_TOKEN_ALGORITHM,
        privateKey: signing.privateKey,
        keyid: signing.kid,
        header: { alg: ACCESS_TOKEN_ALGORITHM, typ: ACCESS_TOKEN_TYPE, kid: signing.kid },
        subject: String(subject.userId),
        issuer: this.config.tokens.issuer,
        audience: this.config.tokens.audience,
        expiresIn,
      },
    );
    return { token, expiresIn };
  }

  /**
   * Picks the verification key from the header's `kid` and nothing else: `jwk`, `jku` and `x5u`
   * headers are ignored, and anything but ES256 with our token type is refused before any crypto.
   */
  keyFor(rawToken: string): KeyObject {
    const header = decodeHeader(rawToken);
    if (!header || header.alg !== ACCESS_TOKEN_ALGORITHM || header.typ !== ACCESS_TOKEN_TYPE || typeof header.kid !== 'string') {
      throw new AppError('invalid_access_token', 'The access token is invalid');
    }
    const key = this.verificationKeys.get(header.kid);
    if (!key) throw new AppError('invalid_access_token', 'The access token was signed with an unknown key');
    return key;
  }

  /** Verification on our own clock: 1 s of leeway at most. */
  get verifyOptions(): { algorithms: [typeof ACCESS_TOKEN_ALGORITHM]; issuer: string; audience: string; clockTolerance: number } {
    return { algorithms: [ACCESS_TOKEN_ALGORITHM], issuer: this.config.tokens.issuer, audience: this.config.tokens.audience, clockTolerance: 1 };
  }

  verify(rawToken: string): AccessTokenClaims {
    const key = this.keyFor(rawToken);
    try {
      // jsonwebtoken takes a KeyObject; the typings of @nestjs/jwt only list strings and Buffers.
      const claims = this.jwt.verify<AccessTokenClaims>(rawToken, { ...this.verifyOptions, publicKey: key as unknown as Buffer });
      if (!hasSessionClaims(claims)) throw new Error('claims');
      return claims;
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new AppError('invalid_access_token', expired ? 'The access token has expired' : 'The access token is invalid');
    }
  }
}

/**
 * The claims every access token this BFF signs carries: `sid`, a session UUID, `sub`, a Strapi
 * user id, and the `iat` and `exp` times (jsonwebtoken accepts a token without `exp` as never
 * expiring; ours always have one). Checked by every verifier.
 */
export function hasSessionClaims(claims: { sid?: unknown; sub?: unknown; iat?: unknown; exp?: unknown }): boolean {
  return (
    typeof claims.sid === 'string' &&
    isUuid(claims.sid) &&
    typeof claims.sub === 'string' &&
    /^\d{1,15}$/.test(claims.sub) &&
    Number.isSafeInteger(claims.iat) &&
    Number.isSafeInteger(claims.exp)
  );
}

function decodeHeader(rawToken: string): Record<string, unknown> | undefined {
  const [encoded] = rawToken.split('.', 1);
  if (!encoded) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
