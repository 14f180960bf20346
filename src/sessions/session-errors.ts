import { AppError } from '../common/app-error';
import type { EndedCode } from './revocation';

/** What a client is told about its session, in one place. */
const MESSAGES = {
  session_revoked: 'This session has been revoked; sign in again',
  session_expired: 'This session has expired; sign in again',
  account_blocked: 'This account has been blocked',
  account_deleted: 'This account no longer exists',
  refresh_token_reused: 'This refresh token was already used; the session has been revoked for safety',
  invalid_refresh_token: 'The refresh token is not valid',
  session_unknown: 'This session no longer exists',
  strapi_expired_in_flight: 'Strapi’s token for this session expired while the request was on its way; send it again',
} as const;

/** The error for a session that has ended, by how it ended. */
export function sessionEndedError(code: EndedCode): AppError {
  return new AppError(code, MESSAGES[code]);
}

export function refreshTokenReused(): AppError {
  return new AppError('refresh_token_reused', MESSAGES.refresh_token_reused);
}

export function invalidRefreshToken(): AppError {
  return new AppError('invalid_refresh_token', MESSAGES.invalid_refresh_token);
}

/** No such session (or not this user's): read as revoked, so ids can't be probed. */
export function sessionUnknown(): AppError {
  return new AppError('session_revoked', MESSAGES.session_unknown);
}

/** Strapi's refresh mode: a JWT that expired while a long request was on its way says nothing about the session. */
export function strapiExpiredInFlight(): AppError {
  return new AppError('upstream_credential_expired', MESSAGES.strapi_expired_in_flight);
}
