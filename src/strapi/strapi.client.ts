import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Agent, errors as undiciErrors, request } from 'undici';
import { AppError, type ErrorCode } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Metrics, type UpstreamRoute } from '../metrics/metrics';
import type { StrapiAccountStatus, StrapiAuthResult, StrapiErrorBody, StrapiRegisterResult, StrapiTokenPair, StrapiUser } from './strapi.types';

type Method = 'GET' | 'POST';

interface StrapiResponse {
  status: number;
  body: unknown;
}

/**
 * The client a call is made for: Strapi gets its address as X-Forwarded-For, so per-address logic
 * in Strapi (users-permissions' rate limiter) sees the client, not the BFF. Strapi must trust it:
 * `proxy: { koa: true }` in its config/server.js. Background calls (renewals, logout retries) have none.
 */
export interface StrapiCaller {
  ip?: string;
  /** The request behind the call, for the log lines this client writes. */
  requestId?: string;
}

/** Whether Strapi managed to send the mail a flow asked for. */
export type MailOutcome = 'sent' | 'not_sent';

/** Strapi's human messages for the users-permissions errors we translate, mapped to our codes. */
const KNOWN_MESSAGES: ReadonlyArray<[RegExp, ErrorCode, string]> = [
  [/^Invalid identifier or password$/i, 'invalid_credentials', 'Invalid identifier or password'],
  [/blocked/i, 'account_blocked', 'This account has been blocked'],
  [/email is not confirmed/i, 'email_not_confirmed', 'This account’s email address is not confirmed yet'],
  [/already taken/i, 'account_exists', 'An account with this email or username already exists'],
  [/Register action is currently disabled/i, 'registration_disabled', 'Registration is disabled'],
  [/current password is invalid/i, 'invalid_current_password', 'The current password is not correct'],
  [/Passwords do not match/i, 'passwords_do_not_match', 'The password and its confirmation do not match'],
  [/must be different than your current password/i, 'password_unchanged', 'The new password must differ from the current one'],
  [/Incorrect code provided/i, 'invalid_reset_code', 'The reset code is not valid (it may have been used already)'],
  [/provider is disabled/i, 'provider_disabled', 'This sign-in provider is not enabled in Strapi'],
  [/^Invalid token$/i, 'invalid_confirmation_token', 'The confirmation link is not valid (it may have been used already)'],
];

/**
 * The only place that knows Strapi's URLs and error shapes. Everything Strapi says is
 * translated here into this project's errors; callers never see Strapi's envelope.
 */
@Injectable()
export class StrapiClient implements OnModuleDestroy {
  private readonly logger = new Logger(StrapiClient.name);
  private readonly agent: Agent;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly apiToken: string | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    this.baseUrl = config.strapi.url;
    this.apiToken = config.strapi.apiToken;
    this.timeoutMs = config.strapi.timeoutMs;
    this.agent = new Agent({
      keepAliveTimeout: 10_000,
      connectTimeout: this.timeoutMs,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.close();
  }

  async login(identifier: string, password: string, caller?: StrapiCaller): Promise<StrapiAuthResult> {
    const response = await this.send('login', 'POST', '/api/auth/local', { body: { identifier, password }, caller });
    return this.expectAuthResult(response, caller);
  }

  async register(username: string, email: string, password: string, caller?: StrapiCaller): Promise<StrapiRegisterResult> {
    const response = await this.send('register', 'POST', '/api/auth/local/register', { body: { username, email, password }, caller });
    if (response.status >= 400) throw this.translateError(response, caller);
    const body = response.body as Partial<StrapiAuthResult>;
    if (!isUser(body.user)) throw this.unexpected('register', caller);
    if (typeof body.jwt !== 'string') return { kind: 'confirmation_required', user: body.user };
    return { kind: 'signed_in', auth: this.expectAuthResult(response, caller) };
  }

  async changePassword(jwt: string, body: { currentPassword: string; password: string; passwordConfirmation: string }, caller?: StrapiCaller): Promise<StrapiAuthResult> {
    return this.expectAuthResult(await this.send('change_password', 'POST', '/api/auth/change-password', { body, jwt, caller }), caller);
  }

  /**
   * Strapi answers an unknown address with success, and a known one with a 500 when it can't send
   * the mail: that answer must not reach the client (it tells accounts apart), so it comes back as
   * `not_sent`. Only a Strapi that can't be reached at all is an error (503).
   */
  async forgotPassword(email: string, caller?: StrapiCaller): Promise<MailOutcome> {
    const response = await this.send('forgot_password', 'POST', '/api/auth/forgot-password', { body: { email }, caller });
    return response.status >= 500 ? 'not_sent' : 'sent';
  }

  async resetPassword(body: { code: string; password: string; passwordConfirmation: string }, caller?: StrapiCaller): Promise<StrapiAuthResult> {
    return this.expectAuthResult(await this.send('reset_password', 'POST', '/api/auth/reset-password', { body, caller }), caller);
  }

  /** As forgotPassword(); any 4xx ("Already confirmed") is swallowed too, since it would reveal that an account exists. */
  async sendEmailConfirmation(email: string, caller?: StrapiCaller): Promise<MailOutcome> {
    const response = await this.send('send_email_confirmation', 'POST', '/api/auth/send-email-confirmation', { body: { email }, caller });
    return response.status >= 500 ? 'not_sent' : 'sent';
  }

  /** Strapi answers a valid token with a redirect to its configured page. */
  async confirmEmail(confirmation: string, caller?: StrapiCaller): Promise<void> {
    const response = await this.send('email_confirmation', 'GET', `/api/auth/email-confirmation?confirmation=${encodeURIComponent(confirmation)}`, { caller });
    if (response.status >= 400) throw this.translateError(response, caller);
  }

  /**
   * Completes a provider sign-in (GitHub, Google, …): Strapi verifies the provider's token and
   * answers like a password login. The query is passed on as the provider redirect gave it.
   */
  async providerCallback(provider: string, query: string, caller?: StrapiCaller): Promise<StrapiAuthResult> {
    const response = await this.send('provider_callback', 'GET', `/api/auth/${encodeURIComponent(provider)}/callback${query ? `?${query}` : ''}`, { caller });
    if (response.status >= 400 && response.status < 500) {
      const translated = this.translateError(response, caller);
      if (translated.code === 'provider_disabled') throw translated;
      throw new AppError('provider_rejected', 'The provider sign-in was not accepted; start it again');
    }
    return this.expectAuthResult(response, caller);
  }

  /**
   * The user behind a Strapi JWT, with its role. Strapi only includes the role when that role may `role.find`.
   * Strapi answers a token it issued with "Invalid credentials" once the user is blocked, deleted or
   * (with email confirmation on) unconfirmed: that is `account_blocked` here. Any other 401 means
   * the credential itself is no longer accepted.
   */
  async me(jwt: string, caller?: StrapiCaller): Promise<StrapiUser> {
    const response = await this.send('users_me', 'GET', '/api/users/me?populate=role', { jwt, caller });
    if (response.status === 401) {
      if (errorMessage(response) === 'Invalid credentials') throw new AppError('account_blocked', 'This account has been blocked');
      throw new AppError('session_expired', 'Strapi no longer accepts this session’s credentials');
    }
    if (response.status === 403) {
      this.logger.error({ requestId: caller?.requestId }, 'Strapi refused /api/users/me: grant the role the plugin::users-permissions.user.me permission');
      throw new AppError('upstream_error', 'Strapi refused to describe the signed-in user');
    }
    if (response.status >= 400) throw this.translateError(response, caller);
    if (!isUser(response.body)) throw this.unexpected('users/me', caller);
    return response.body;
  }

  /** True when STRAPI_API_TOKEN is set, so accountStatus() can tell a blocked user from a deleted one. */
  get canLookUpAccounts(): boolean {
    return this.apiToken !== undefined;
  }

  /**
   * Whether a user still exists and is blocked, read with STRAPI_API_TOKEN (a read-only API token).
   * Only used after Strapi refused a user's own credential, to say why.
   */
  async accountStatus(userId: number, caller?: StrapiCaller): Promise<StrapiAccountStatus> {
    if (!this.apiToken) throw new Error('accountStatus() needs STRAPI_API_TOKEN');
    const response = await this.send('user_lookup', 'GET', `/api/users/${userId}`, { jwt: this.apiToken, caller });
    // Strapi 5 answers an unknown user id with 204 and no body; older versions with 404.
    if (response.status === 404 || response.status === 204) return 'deleted';
    if (response.status === 401 || response.status === 403) {
      this.logger.error({ requestId: caller?.requestId }, `Strapi refused STRAPI_API_TOKEN for /api/users/:id (${response.status}): give it read-only access`);
      throw new AppError('upstream_error', 'Strapi refused the BFF’s API token');
    }
    if (response.status >= 400) throw this.translateError(response, caller);
    if (!isUser(response.body)) throw this.unexpected('users/:id', caller);
    return response.body.blocked === true ? 'blocked' : 'active';
  }

  /**
   * Strapi's refresh mode: trades Strapi's refresh token for a new JWT and the rotated refresh
   * token. A 401 is definitive: Strapi has ended (or never knew) that session.
   */
  async refreshTokens(refreshToken: string, caller?: StrapiCaller): Promise<StrapiTokenPair> {
    const response = await this.send('refresh', 'POST', '/api/auth/refresh', { body: { refreshToken }, caller });
    if (response.status === 401) throw new AppError('session_expired', 'Strapi no longer accepts this session’s refresh token');
    if (response.status === 404) {
      this.logger.error({ requestId: caller?.requestId }, 'Strapi has no /api/auth/refresh: it is not in refresh mode any more (users-permissions jwtManagement)');
      throw new AppError('upstream_error', 'Strapi cannot refresh this session');
    }
    if (response.status >= 400) throw this.translateError(response, caller);
    const body = response.body as Partial<StrapiTokenPair> | undefined;
    if (typeof body?.jwt !== 'string' || typeof body.refreshToken !== 'string') throw this.unexpected('refresh', caller);
    return { jwt: body.jwt, refreshToken: body.refreshToken };
  }

  /**
   * Strapi's refresh mode: ends the Strapi session behind `refreshToken`. False if there was
   * nothing Strapi would end: it refused the JWT (401), or it is no longer in refresh mode (404).
   */
  async logout(jwt: string, refreshToken: string, caller?: StrapiCaller): Promise<boolean> {
    const response = await this.send('logout', 'POST', '/api/auth/logout', { body: { refreshToken }, jwt, caller });
    if (response.status === 401 || response.status === 404) return false;
    if (response.status >= 400) throw this.translateError(response, caller);
    return true;
  }

  /**
   * True when Strapi answers its health route. Never throws, and unlike the other calls it logs
   * nothing when Strapi is down: readiness probes ask every few seconds, and
   * StrapiWatch reports an outage once a minute instead.
   */
  async isHealthy(timeoutMs = this.timeoutMs): Promise<boolean> {
    try {
      const response = await request(`${this.baseUrl}/_health`, { method: 'GET', dispatcher: this.agent, signal: AbortSignal.timeout(timeoutMs) });
      await response.body.dump();
      return response.statusCode < 300;
    } catch {
      return false;
    }
  }

  private expectAuthResult(response: StrapiResponse, caller: StrapiCaller | undefined): StrapiAuthResult {
    if (response.status >= 400) throw this.translateError(response, caller);
    const body = response.body as Partial<StrapiAuthResult>;
    if (typeof body.jwt !== 'string' || !isUser(body.user)) throw this.unexpected('auth', caller);
    return { jwt: body.jwt, user: body.user, refreshToken: typeof body.refreshToken === 'string' ? body.refreshToken : undefined };
  }

  /** Every call to Strapi's API goes through here, so each is counted once in bff_upstream_* under its route. */
  private async send(route: UpstreamRoute, method: Method, path: string, options: { body?: unknown; jwt?: string; caller?: StrapiCaller }): Promise<StrapiResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.jwt) headers.authorization = `Bearer ${options.jwt}`;
    // The address the BFF itself believes (TRUST_PROXY's rules), replacing whatever the client sent.
    if (options.caller?.ip) headers['x-forwarded-for'] = options.caller.ip;
    const started = performance.now();
    let status: number | undefined;
    try {
      const response = await request(this.baseUrl + path, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.statusCode;
      const text = await response.body.text();
      return { status: response.statusCode, body: parseJson(text) };
    } catch (error) {
      throw this.translateTransportError(error, route, options.caller?.requestId);
    } finally {
      this.metrics.upstream(route, status, (performance.now() - started) / 1000);
    }
  }

  private translateTransportError(error: unknown, route: UpstreamRoute, requestId: string | undefined): AppError {
    const timedOut =
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError ||
      error instanceof undiciErrors.ConnectTimeoutError ||
      // AbortSignal.timeout() rejects with a DOMException, which is not an Error instance on Node 20.
      ['TimeoutError', 'AbortError'].includes(String((error as { name?: unknown } | undefined)?.name));
    const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
    const describe = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
    this.logger.warn({ event: 'strapi_call_failed', route, requestId }, `Strapi ${route} failed: ${describe(name) || 'unknown error'} ${describe(code)}`.trim());
    return timedOut
      ? new AppError('upstream_timeout', 'Strapi did not answer in time')
      : new AppError('upstream_unavailable', 'Strapi is unavailable; try again shortly');
  }

  private translateError(response: StrapiResponse, caller: StrapiCaller | undefined): AppError {
    const message = errorMessage(response);
    for (const [pattern, code, ourMessage] of KNOWN_MESSAGES) {
      if (pattern.test(message)) return new AppError(code, ourMessage);
    }
    if (response.status === 429) return new AppError('rate_limited', 'Too many attempts; try again later');
    if (response.status === 400 && message) return new AppError('validation_failed', message);
    if (response.status >= 500) return new AppError('upstream_error', 'Strapi failed to handle the request');
    this.logger.warn({ requestId: caller?.requestId }, `Strapi answered ${response.status} with an unrecognised error`);
    return new AppError('upstream_error', 'Strapi rejected the request');
  }

  private unexpected(what: string, caller: StrapiCaller | undefined): AppError {
    this.logger.error({ requestId: caller?.requestId }, `Strapi returned an unexpected ${what} response shape`);
    return new AppError('upstream_error', 'Strapi returned an unexpected response');
  }
}

function errorMessage(response: StrapiResponse): string {
  return (response.body as StrapiErrorBody | undefined)?.error?.message ?? '';
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isUser(value: unknown): value is StrapiUser {
  if (typeof value !== 'object' || value === null) return false;
  const user = value as Record<string, unknown>;
  return typeof user.id === 'number' && typeof user.username === 'string' && typeof user.email === 'string';
}

/** What the rest of the app may know about Strapi's tokens: when one expires, and which JWT mode issued it. */
export { isRefreshModeJwt, strapiJwtExpiry } from './strapi-jwt';
