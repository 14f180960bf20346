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
import { StrapiCredentials, type StrapiCredential } from './strapi-credentials';
import { SignInGate, type PendingSignIn } from '../mfa/sign-in-gate';
import type { ChallengeFlow } from '../mfa/mfa.entities';
import { acrOf, amrOf, type Assurance } from './assurance';

/** The sign-in paths that start a new session (the re-issue continues one). */
export type SignInFlow = Exclude<ChallengeFlow, 'reissue'>;

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
    private readonly gate: SignInGate,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A BFF session for a fresh Strapi sign-in; Strapi's credentials are sealed into it, never
   * answered. Every sign-in path ends here (login, register, provider callback, password reset),
   * and here the second factor is decided: when one is needed, no session is made, and the
   * challenge is thrown as the answer (AlternativeAnswer), so no caller can hand out tokens anyway.
   */
  async signIn(auth: StrapiAuthResult, deviceName: string | undefined, context: RequestContext, now = new Date(), flow: SignInFlow = 'login'): Promise<TokenResponse> {
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
    const pending: PendingSignIn = {
      credential: { jwt: auth.jwt, refreshToken: auth.refreshToken },
      user: { id: user.id, documentId: user.documentId ?? null, username: user.username, email: user.email },
      role,
      deviceName: deviceName ?? null,
      firstFactor: flow === 'provider' ? 'fed' : 'pwd',
    };
    const decision = await this.gate.decide({ userId: user.id, documentId: pending.user.documentId }, role);
    if (decision.kind !== 'issue') throw await this.gate.challenge(decision, pending, flow, context, null, now);
    return this.start(pending, { aal: 1, amr: [pending.firstFactor], authTime: now }, context, now);
  }

  /**
   * Change-password's re-issue continues the current session with Strapi's new credential, behind
   * the same gate: a session below the level the user needs waits for the second factor first.
   */
  async gateReissue(session: SessionEntity, credential: StrapiCredential, context: RequestContext): Promise<void> {
    const decision = await this.gate.decide({ userId: session.userId, documentId: session.userDocumentId }, session.role, session.aal);
    if (decision.kind === 'issue') return;
    const pending: PendingSignIn = {
      credential,
      user: { id: session.userId, documentId: session.userDocumentId, username: session.username, email: session.email },
      role: session.role,
      deviceName: session.deviceName,
      firstFactor: 'pwd',
    };
    throw await this.gate.challenge(decision, pending, 'reissue', context, session.id);
  }

  /** Starts the session of a sign-in the gate let through, or whose challenge was answered. */
  async start(pending: PendingSignIn, assurance: Assurance, context: RequestContext, now = new Date()): Promise<TokenResponse> {
    const id = randomUUID();
    const session = Object.assign(new SessionEntity(), {
      id,
      userId: pending.user.id,
      userDocumentId: pending.user.documentId,
      username: pending.user.username,
      email: pending.user.email,
      role: pending.role,
      ...this.credentials.seal(id, pending.credential, now.getTime() + this.config.tokens.refreshTtlMs),
      deviceName: pending.deviceName,
      ip: context.ip ?? null,
      userAgent: context.userAgent?.slice(0, 512) ?? null,
      refreshGeneration: 0,
      previousRotatedAt: null,
      successorEncrypted: null,
      createdAt: now,
      lastUsedAt: now,
      aal: assurance.aal,
      amr: assurance.amr.join(' '),
      authTime: assurance.authTime,
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
    const access = this.accessTokens.sign({ userId: session.userId, sessionId: session.id, role: session.role, acr: acrOf(session.aal), amr: amrOf(session), authTime: session.authTime });
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
