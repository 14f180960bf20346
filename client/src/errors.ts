/**
 * Answers that mean the session is over for good. Any of them, from a refresh or from any other
 * call, ends the session in every tab; trying again can't help.
 */
export const TERMINAL_CODES = [
  'refresh_token_reused',
  'session_revoked',
  'session_expired',
  'account_blocked',
  'account_deleted',
  'invalid_refresh_token',
] as const;

export type TerminalCode = (typeof TERMINAL_CODES)[number];

/** Why a session ended: a server code, or `logout` when the user signed out (in any tab). */
export type SessionEndedCode = TerminalCode | 'logout' | (string & Record<never, never>);

/**
 * Codes the BFF answers (see the README's endpoint table), plus two of the client's own:
 * `network_error` (no answer at all) and `not_signed_in` (a call that needs a session, without one).
 * Unknown codes from newer servers come through as plain strings.
 */
export type ErrorCode =
  | TerminalCode
  | 'invalid_access_token'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf_required'
  | 'validation_failed'
  | 'invalid_credentials'
  | 'email_not_confirmed'
  | 'account_exists'
  | 'registration_disabled'
  | 'invalid_current_password'
  | 'passwords_do_not_match'
  | 'password_unchanged'
  | 'not_found'
  | 'rate_limited'
  | 'invalid_mfa_token'
  | 'invalid_mfa_code'
  | 'mfa_code_reused'
  | 'mfa_locked'
  | 'mfa_required'
  | 'mfa_enrollment_required'
  | 'mfa_not_enrolled'
  | 'reauth_required'
  | 'passkey_rejected'
  | 'upstream_unavailable'
  | 'upstream_timeout'
  | 'service_unavailable'
  | 'network_error'
  | 'not_signed_in'
  | 'unexpected_response'
  | (string & Record<never, never>);

export function isTerminalCode(code: string): code is TerminalCode {
  return (TERMINAL_CODES as readonly string[]).includes(code);
}

export interface BffErrorInit {
  code: ErrorCode;
  statusCode: number;
  message: string;
  requestId?: string;
  details?: unknown;
  cause?: unknown;
}

/** Every error the client raises: the server's `code`, `statusCode` and `requestId`, as its envelope had them. */
export class BffError extends Error {
  override readonly name = 'BffError';
  readonly code: ErrorCode;
  /** The HTTP status, or 0 when no answer arrived. */
  readonly statusCode: number;
  /** The BFF's request id (also its `x-request-id` header), to find the call in its logs. */
  readonly requestId: string | undefined;
  readonly details: unknown;

  constructor(init: BffErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.statusCode = init.statusCode;
    this.requestId = init.requestId;
    this.details = init.details;
  }

  /** True for failures that spent nothing and may work later: no answer, 429, 5xx. */
  get transient(): boolean {
    return this.statusCode === 0 || this.statusCode === 429 || this.statusCode >= 500;
  }
}

export interface ErrorEnvelope {
  statusCode: number;
  code: string;
  message: string;
  requestId: string;
  details?: unknown;
}

/** The BFF's own error shape. Strapi's errors pass through the proxy in Strapi's shape and don't match. */
export function asEnvelope(value: unknown): ErrorEnvelope | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.code !== 'string' || typeof record.statusCode !== 'number' || typeof record.message !== 'string' || typeof record.requestId !== 'string') {
    return undefined;
  }
  return { statusCode: record.statusCode, code: record.code, message: record.message, requestId: record.requestId, details: record.details };
}

function looksLikeJson(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').includes('json');
}

/** The envelope of a BFF error response, read from a clone so the caller can still read the body. */
export async function peekEnvelope(response: Response): Promise<ErrorEnvelope | undefined> {
  if (response.ok || !looksLikeJson(response)) return undefined;
  try {
    return asEnvelope(await response.clone().json());
  } catch {
    return undefined;
  }
}

/** A BffError for a response that was not what the call wanted; consumes the body. */
export async function errorFrom(response: Response): Promise<BffError> {
  let body: unknown;
  try {
    body = looksLikeJson(response) ? await response.json() : undefined;
  } catch {
    body = undefined;
  }
  const envelope = asEnvelope(body);
  if (envelope) return new BffError({ ...envelope });
  return new BffError({
    code: 'unexpected_response',
    statusCode: response.status,
    message: `The BFF answered ${response.status} without its error envelope`,
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}

export function networkError(cause: unknown): BffError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new BffError({ code: 'network_error', statusCode: 0, message: `The BFF could not be reached: ${reason}`, cause });
}

export function notSignedIn(): BffError {
  return new BffError({ code: 'not_signed_in', statusCode: 0, message: 'There is no session: sign in first' });
}
