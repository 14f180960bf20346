import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ACCESS_TOKEN_ALGORITHM } from './access-token.service';

const DEVICE_TOKEN_TYPE = 'bff-device+jwt';

export interface DeviceAccount {
  userId: number;
  email: string;
  username: string;
}

/** A device token that checked out: which device (`id`, for its own failure limit) and whose. */
export interface KnownDevice {
  id: string;
  userId: number;
}

/**
 * Device tokens (the OWASP "device cookie"): a browser or app that signed in successfully gets one,
 * and with it stays exempt from the per-account lock an attacker can trigger by failing on purpose.
 * Signed (ES256, the access-token key, its own type and audience), bound to the account by hashes
 * of its email and username (a sign-in names the account by either, and is judged before Strapi
 * is asked), and expiring after DEVICE_TOKEN_TTL. Nothing is stored.
 */
@Injectable()
export class DeviceTokenService {
  private readonly audience: string;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.audience = `${config.tokens.audience}:device`;
  }

  issue(account: DeviceAccount): string {
    const { signing } = this.config.keys;
    return this.jwt.sign(
      { acc: [identifierHash(account.email), identifierHash(account.username)] },
      {
        algorithm: ACCESS_TOKEN_ALGORITHM,
        privateKey: signing.privateKey,
        header: { alg: ACCESS_TOKEN_ALGORITHM, typ: DEVICE_TOKEN_TYPE, kid: signing.kid },
        subject: String(account.userId),
        issuer: this.config.tokens.issuer,
        audience: this.audience,
        jwtid: randomUUID(),
        expiresIn: Math.floor(this.config.limits.deviceTokenTtlMs / 1000),
      },
    );
  }

  /** The device, if `token` is a valid device token of the account `identifier` names; undefined otherwise. */
  recognise(token: string | undefined, identifier: string): KnownDevice | undefined {
    if (!token || token.length > 2048) return undefined;
    try {
      const [header] = token.split('.', 1);
      const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { typ?: unknown; kid?: unknown };
      if (parsed.typ !== DEVICE_TOKEN_TYPE || parsed.kid !== this.config.keys.signing.kid) return undefined;
      const claims = this.jwt.verify<{ sub?: unknown; jti?: unknown; acc?: unknown }>(token, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        // jsonwebtoken takes a KeyObject; the typings of @nestjs/jwt only list strings and Buffers.
        publicKey: this.config.keys.signing.publicKey as unknown as Buffer,
        issuer: this.config.tokens.issuer,
        audience: this.audience,
      });
      const accounts = Array.isArray(claims.acc) ? claims.acc : [];
      if (typeof claims.jti !== 'string' || typeof claims.sub !== 'string' || !accounts.includes(identifierHash(identifier))) return undefined;
      return { id: claims.jti, userId: Number(claims.sub) };
    } catch {
      return undefined;
    }
  }
}

/** How a device token names its account: a hash of the case-folded email or username, never the value. */
function identifierHash(identifier: string): string {
  return createHash('sha256').update(identifier.trim().toLowerCase(), 'utf8').digest('base64url').slice(0, 22);
}
