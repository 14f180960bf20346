import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/load-config';
import { testDatabaseUrl } from './database';
import { bffEnvForMode, fixtureEnvNames, strapiMode } from './mode';

/** One key set per test file, shared by every BFF instance the file starts, as a real deployment would. */
export const testKeys = {
  SESSION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  JWT_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
};

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface RequestOptions {
  json?: unknown;
  /** Sent as-is, with the given content type (or application/json). */
  raw?: string | Buffer;
  token?: string;
  headers?: Record<string, string>;
}

export interface RunningBff {
  url: string;
  app: NestFastifyApplication;
  /** Every log line this instance wrote, raw. */
  logs: string[];
  request<T = Record<string, unknown>>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/** The URL of the suite's shared Strapi for the current mode (see support/mode.ts). */
export function strapiFixtureUrl(): string {
  const name = fixtureEnvNames(strapiMode()).url;
  const url = process.env[name];
  if (!url) throw new Error(`${name} is not set; run the suite through jest so global setup starts Strapi`);
  return url;
}

/** The log file of the suite's shared Strapi for the current mode. */
export function strapiFixtureLog(): string {
  return process.env[fixtureEnvNames(strapiMode()).log] ?? '';
}

/**
 * The whole suite signs in, registers and fails logins from 127.0.0.1 against one database, which
 * the brute-force limits would (rightly) stop within a run. Tests that aren't about the limits get
 * limits far above what they use; test/limits/ runs the real defaults and its own settings.
 */
export const GENEROUS_LIMITS: Record<string, string> = {
  LOGIN_LIMIT_ACCOUNT: '100000/15m',
  LOGIN_LIMIT_IP: '100000/15m',
  LOGIN_LIMIT_ACCOUNT_IP: '100000/15m',
  LOGIN_LIMIT_DEVICE: '100000/15m',
  EMAIL_FLOW_LIMIT_IP: '100000/1h',
  EMAIL_FLOW_LIMIT_ADDRESS: '100000/1h',
  CODE_FLOW_LIMIT_IP: '100000/15m',
  REFRESH_LIMIT_IP: '100000/15m',
};

/**
 * MFA_REQUIRED_ROLES defaults to the ADMIN_ROLES, so every admin would have to enrol a second
 * factor before reaching /admin/*. Tests that aren't about MFA run without the requirement; the
 * MFA specs (test/mfa/) pass MFA_DEFAULTS to get the real default back. Users who set up a factor
 * are asked for it whatever this says.
 */
export const NO_REQUIRED_MFA: Record<string, string> = { MFA_REQUIRED_ROLES: 'none' };

/** Gives a spec the shipped MFA settings back (an empty value reads as unset). */
export const MFA_DEFAULTS: Record<string, string> = { MFA_REQUIRED_ROLES: '' };

/**
 * Starts a real BFF on a free port against the suite's Postgres database and (by default) the
 * Strapi fixture of the current mode, with the settings that mode needs.
 */
export async function startBff(env: Record<string, string> = {}): Promise<RunningBff> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    STRAPI_URL: strapiFixtureUrl(),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'bff-data-')),
    LOG_LEVEL: 'info',
    ...GENEROUS_LIMITS,
    ...NO_REQUIRED_MFA,
    ...bffEnvForMode(),
    ...testKeys,
    ...env,
  });
  const logs: string[] = [];
  const app = await createApp({ config, databaseUrl: config.database.url ?? '', logDestination: { write: (line: string) => void logs.push(line) } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('BFF did not bind a TCP port');
  const url = `http://127.0.0.1:${address.port}`;

  return {
    url,
    app,
    logs,
    request: (method, path, options = {}) => request(url, method, path, options),
    close: () => app.close(),
  };
}

/** Runs `body` against a BFF started with `env`, and always closes it. */
export async function withBff<T>(env: Record<string, string>, body: (bff: RunningBff) => Promise<T>): Promise<T> {
  const bff = await startBff(env);
  try {
    return await body(bff);
  } finally {
    await bff.close();
  }
}

export async function request<T>(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | Buffer | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  } else if (options.raw !== undefined) {
    body = options.raw;
    headers['content-type'] ??= 'application/json';
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(baseUrl + path, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed as T };
}
