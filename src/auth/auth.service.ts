import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../common/app-error';
import type { IssuedSession } from '../sessions/session.service';
import { SessionService } from '../sessions/session.service';
import type { SessionEntity } from '../sessions/session.entity';
import { StrapiClient } from '../strapi/strapi.client';
import type { StrapiAuthResult } from '../strapi/strapi.types';
import { AccessTokenService } from '../tokens/access-token.service';
import type { LoginDto, RegisterDto } from './dto/auth-requests.dto';
import type { ConfirmationRequiredDto, MeResponseDto, TokenResponseDto, UserDto } from './dto/auth-responses.dto';
import type { ClientContext, Principal } from './principal';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly strapi: StrapiClient,
    private readonly sessions: SessionService,
    private readonly accessTokens: AccessTokenService,
  ) {}

  async login(dto: LoginDto, client: ClientContext): Promise<TokenResponseDto> {
    const auth = await this.strapi.login(dto.identifier, dto.password);
    return this.startSession(auth, dto.deviceName, client);
  }

  async register(dto: RegisterDto, client: ClientContext): Promise<TokenResponseDto | ConfirmationRequiredDto> {
    const result = await this.strapi.register(dto.username, dto.email, dto.password);
    if (result.kind === 'confirmation_required') return { confirmationRequired: true };
    return this.startSession(result.auth, dto.deviceName, client);
  }

  async refresh(refreshToken: string): Promise<TokenResponseDto> {
    return this.tokenResponse(await this.sessions.refresh(refreshToken));
  }

  /** Logout with either credential of the session. Logging out of an already-ended session is not an error. */
  async logout(bearerToken: string | undefined, refreshToken: string | undefined): Promise<void> {
    let sessionId = bearerToken ? this.accessTokens.verify(bearerToken).sid : undefined;
    if (!sessionId && refreshToken) {
      const session = await this.sessions.findByRefreshToken(refreshToken);
      if (!session) throw new AppError('invalid_refresh_token', 'The refresh token is not valid');
      sessionId = session.id;
    }
    if (!sessionId) throw new AppError('unauthorized', 'Send the Bearer access token or a refreshToken to log out');
    await this.sessions.revoke(sessionId, 'logout', 'self');
  }

  async me(principal: Principal): Promise<MeResponseDto> {
    const session = (await this.sessions.getById(principal.sessionId)) ?? principal.session;
    return {
      user: toUserDto(session),
      session: {
        id: session.id,
        deviceName: session.deviceName,
        ip: session.ip,
        userAgent: session.userAgent,
        createdAt: session.createdAt.toISOString(),
        lastUsedAt: session.lastUsedAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        refreshExpiresAt: this.sessions.refreshExpiresAt(session).toISOString(),
      },
    };
  }

  private async startSession(auth: StrapiAuthResult, deviceName: string | undefined, client: ClientContext): Promise<TokenResponseDto> {
    // The login response's user never carries the role; /users/me?populate=role does, if the role may `role.find`.
    const me = await this.strapi.me(auth.jwt);
    const role = me.role?.type ?? null;
    if (!role) {
      this.logger.warn(
        { userId: me.id },
        'Strapi returned no role for the user: grant plugin::users-permissions.role.find to its role so the BFF can see it',
      );
    }
    const issued = await this.sessions.start({ user: { ...auth.user, ...me }, role, strapiJwt: auth.jwt, deviceName, ...client });
    return this.tokenResponse(issued);
  }

  private tokenResponse({ session, refreshToken, refreshExpiresAt }: IssuedSession): TokenResponseDto {
    const access = this.accessTokens.sign({ userId: session.userId, sessionId: session.id, role: session.role });
    return {
      accessToken: access.token,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
      refreshToken,
      // Counted from the moment the session was last used, i.e. when this response was issued.
      refreshExpiresIn: Math.max(0, Math.floor((refreshExpiresAt.getTime() - session.lastUsedAt.getTime()) / 1000)),
      session: { id: session.id, expiresAt: session.expiresAt.toISOString() },
      user: toUserDto(session),
    };
  }
}

function toUserDto(session: SessionEntity): UserDto {
  return { id: session.userId, documentId: session.userDocumentId, username: session.username, email: session.email, role: session.role };
}
