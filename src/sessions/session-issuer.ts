import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { isRefreshModeJwt, StrapiClient } from '../strapi/strapi.client';
import type { StrapiAuthResult } from '../strapi/strapi.types';
import { AccessTokenService } from '../tokens/access-token.service';
import { generateRefreshToken } from '../tokens/refresh-token';
import { sessionEndsAt } from './refresh-policy';
import { refreshTokenRow } from './refresh-token.entity';
import { SessionEntity } from './session.entity';
import { SessionsRepository } from './sessions.repository';
import { StrapiCredentials } from './strapi-credentials';

/** A session with its refresh token in the clear, the one moment it exists outside the client. */
export interface IssuedSession {
  session: SessionEntity;
  refreshToken: string;
}

export interface UserView {
  id: number;
  documentId: string | null;
  username: string;
  email: string;
  role: string | null;
}

/** What every sign-in, refresh and re-issue answers (auth/dto's TokenResponseDto documents it). */
export interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  session: { id: string; expiresAt: string };
  user: UserView;
}

/**
 * Starts sessions and builds the token response, once, for every flow that hands out tokens:
 * password login, registration, provider sign-in, password reset (start), and refresh and the
 * password change's re-issue (respond).
 */
@Injectable()
export class SessionIssuer {
  private readonly logger = new Logger(SessionIssuer.name);

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly credentials: StrapiCredentials,
    private readonly strapi: StrapiClient,
    private readonly accessTokens: AccessTokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A BFF session for a fresh Strapi sign-in; Strapi's credentials are sealed into it, never answered. */
  async signIn(auth: StrapiAuthResult, deviceName: string | undefined, context: RequestContext, now = new Date()): Promise<TokenResponse> {
    // The sign-in response's user never carries the role; /users/me?populate=role does, if the role may `role.find`.
    const me = await this.strapi.me(auth.jwt, context);
    const role = me.role?.type ?? null;
    if (!role) {
      this.logger.warn({ userId: me.id, requestId: context.requestId }, 'Strapi returned no role for the user: grant plugin::users-permissions.role.find to its role so the BFF can see it');
    }
    if (!auth.refreshToken && isRefreshModeJwt(auth.jwt)) {
      this.logger.warn({ requestId: context.requestId }, 'Strapi is in refresh mode but returned no refreshToken: turn off users-permissions sessions.httpOnly, or sessions end with Strapi’s first JWT');
    }
    const user = { ...auth.user, ...me };
    const id = randomUUID();
    const session = Object.assign(new SessionEntity(), {
      id,
      userId: user.id,
      userDocumentId: user.documentId ?? null,
      username: user.username,
      email: user.email,
      role,
      ...this.credentials.seal(id, { jwt: auth.jwt, refreshToken: auth.refreshToken }, now.getTime() + this.config.tokens.refreshTtlMs),
      deviceName: deviceName ?? null,
      ip: context.ip ?? null,
      userAgent: context.userAgent?.slice(0, 512) ?? null,
      refreshGeneration: 0,
      previousRotatedAt: null,
      successorEncrypted: null,
      createdAt: now,
      lastUsedAt: now,
      revokedAt: null,
      revokedReason: null,
      revokedBy: null,
      revokeNote: null,
    } satisfies SessionEntity);
    const refreshToken = generateRefreshToken();
    await this.sessions.insertWithFirstToken(session, refreshTokenRow(refreshToken, id, 0, now));
    return this.respond({ session, refreshToken });
  }

  respond({ session, refreshToken }: IssuedSession): TokenResponse {
    const access = this.accessTokens.sign({ userId: session.userId, sessionId: session.id, role: session.role });
    return {
      accessToken: access.token,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
      refreshToken,
      // Counted from the moment the session was last used, i.e. when this response was issued.
      refreshExpiresIn: Math.max(0, Math.floor((this.refreshExpiresAt(session).getTime() - session.lastUsedAt.getTime()) / 1000)),
      session: { id: session.id, expiresAt: session.expiresAt.toISOString() },
      user: userView(session),
    };
  }

  /** When the session's refresh token stops working: the earlier of the idle and the absolute end. */
  refreshExpiresAt(session: SessionEntity): Date {
    return sessionEndsAt(session, this.config.tokens.refreshIdleTtlMs);
  }
}

export function userView(session: SessionEntity): UserView {
  return { id: session.userId, documentId: session.userDocumentId, username: session.username, email: session.email, role: session.role };
}
