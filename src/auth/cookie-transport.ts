import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { accessCredential, cookieNames, readCookie, requireCsrfHeader, serializeCookie, TRANSPORT_HEADER, type CookieNames } from '../common/browser';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { TokenResponseDto } from './dto/auth-responses.dto';

/** A token response in cookie mode: the tokens are in HttpOnly cookies, not in the JSON. */
export type CookieTokenResponse = Omit<TokenResponseDto, 'accessToken' | 'refreshToken'>;

/**
 * Browser mode. A client that sends `X-BFF-Transport: cookie` gets its access and refresh tokens
 * as `__Host-` cookies (HttpOnly, Secure, SameSite=Strict, Path=/) and never sees them in JSON.
 */
@Injectable()
export class CookieTransport {
  readonly names: CookieNames;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.names = cookieNames(config);
  }

  wanted(request: FastifyRequest): boolean {
    return request.headers[TRANSPORT_HEADER] === 'cookie';
  }

  deliver(request: FastifyRequest, reply: FastifyReply, response: TokenResponseDto & { deviceToken?: string }): TokenResponseDto | CookieTokenResponse {
    if (!this.wanted(request)) return response;
    const { accessToken, refreshToken, deviceToken, ...rest } = response;
    const cookies = [
      serializeCookie(this.names.access, accessToken, response.expiresIn, this.config),
      serializeCookie(this.names.refresh, refreshToken, response.refreshExpiresIn, this.config),
    ];
    if (deviceToken) cookies.push(serializeCookie(this.names.device, deviceToken, this.config.limits.deviceTokenTtlMs / 1000, this.config));
    void reply.header('set-cookie', cookies);
    return rest;
  }

  /** The device token of a sign-in: from the body, or else the device cookie (browsers in cookie mode). */
  deviceToken(request: FastifyRequest, fromBody: string | undefined): string | undefined {
    return fromBody ?? readCookie(request.headers, this.names.device);
  }

  clear(reply: FastifyReply): void {
    void reply.header('set-cookie', [serializeCookie(this.names.access, '', 0, this.config), serializeCookie(this.names.refresh, '', 0, this.config)]);
  }

  /**
   * Logout takes any credential of the session: the Bearer header or a refresh token in the body
   * first, then the cookies (with the CSRF header). A non-Bearer Authorization header is refused,
   * as everywhere (accessCredential()).
   */
  logoutCredentials(request: FastifyRequest, bodyRefreshToken: string | undefined): { bearer?: string; refreshToken?: string } {
    if (request.headers.authorization !== undefined) {
      const credential = accessCredential(request.method, request.headers, this.names.access);
      return { bearer: credential.source === 'bearer' ? credential.token : undefined, refreshToken: bodyRefreshToken };
    }
    if (bodyRefreshToken) return { refreshToken: bodyRefreshToken };
    const access = readCookie(request.headers, this.names.access);
    const refresh = readCookie(request.headers, this.names.refresh);
    if (!access && !refresh) throw new AppError('unauthorized', 'Send the Bearer access token or a refreshToken to log out');
    requireCsrfHeader(request.method, request.headers);
    return { bearer: access, refreshToken: refresh };
  }

  /** The refresh token from the body, or else from the cookie (which then needs the CSRF header). */
  refreshToken(request: FastifyRequest, fromBody: string | undefined): string {
    if (fromBody) return fromBody;
    const fromCookie = readCookie(request.headers, this.names.refresh);
    if (!fromCookie) {
      throw new AppError('validation_failed', 'The request is invalid', [
        { field: 'refreshToken', errors: ['refreshToken is required in the body, or as the refresh cookie in cookie mode'] },
      ]);
    }
    requireCsrfHeader(request.method, request.headers);
    return fromCookie;
  }
}
