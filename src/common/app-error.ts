/**
 * Every error the BFF answers with carries a stable, machine-readable code.
 * Clients branch on `code`; `message` is for humans and may change.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  weak_password: 400,
  invalid_path: 400,
  malformed_request: 400,
  invalid_current_password: 400,
  passwords_do_not_match: 400,
  password_unchanged: 400,
  invalid_reset_code: 400,
  invalid_confirmation_token: 400,
  mfa_not_enrolled: 400,
  unauthorized: 401,
  invalid_access_token: 401,
  invalid_credentials: 401,
  invalid_refresh_token: 401,
  refresh_token_reused: 401,
  session_expired: 401,
  session_revoked: 401,
  account_deleted: 401,
  account_blocked: 403,
  email_not_confirmed: 403,
  registration_disabled: 403,
  provider_disabled: 403,
  provider_rejected: 401,
  invalid_mfa_token: 401,
  invalid_mfa_code: 401,
  mfa_code_reused: 401,
  passkey_rejected: 401,
  mfa_enrollment_required: 403,
  mfa_required: 403,
  reauth_required: 403,
  forbidden: 403,
  csrf_required: 403,
  not_found: 404,
  not_proxied: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  account_exists: 409,
  mfa_already_enabled: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  mfa_locked: 429,
  headers_too_large: 431,
  internal_error: 500,
  upstream_error: 502,
  upstream_unavailable: 503,
  service_unavailable: 503,
  upstream_credential_expired: 503,
  not_ready: 503,
  upstream_timeout: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;

  /**
   * `status` overrides the code's usual status, where one code answers two situations (see
   * ProxyService); `headers` go out with the envelope (Retry-After and RateLimit on a 429).
   */
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    status?: number,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = status ?? ERROR_STATUS[code];
  }
}

export interface ErrorEnvelope {
  statusCode: number;
  code: string;
  message: string;
  requestId: string;
  details?: unknown;
}
