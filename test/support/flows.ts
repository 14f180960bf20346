import type { SeedUser } from './strapi';
import type { ApiResponse, RunningBff } from './bff';

export interface TokenBody {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  session: { id: string; expiresAt: string };
  user: { id: number; documentId: string | null; username: string; email: string; role: string | null };
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId: string;
  details?: unknown;
}

export async function login(bff: RunningBff, user: SeedUser, deviceName?: string): Promise<TokenBody> {
  const response = await bff.request<TokenBody>('POST', '/auth/login', { json: { identifier: user.email, password: user.password, deviceName } });
  if (response.status !== 200) throw new Error(`login of ${user.username} failed: ${response.status} ${response.text}`);
  return response.body;
}

export function refresh(bff: RunningBff, refreshToken: string): Promise<ApiResponse<TokenBody & ErrorBody>> {
  return bff.request<TokenBody & ErrorBody>('POST', '/auth/refresh', { json: { refreshToken } });
}

export function decodeJwtPart(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Asserts the project's error envelope and returns it. */
export function expectEnvelope(response: ApiResponse<unknown>, status: number, code: string): ErrorBody {
  const body = response.body as ErrorBody;
  expect({ status: response.status, code: body?.code }).toEqual({ status, code });
  expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['code', 'message', 'requestId', 'statusCode']));
  expect(body.statusCode).toBe(status);
  expect(typeof body.message).toBe('string');
  expect(body.requestId).toBe(response.headers.get('x-request-id'));
  expect(response.text).not.toMatch(/at .+\.(ts|js):\d+/);
  return body;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `condition` until it holds, and fails after `timeoutMs`. For waiting on an expected state
 * or signal instead of sleeping a fixed time and hoping it was long enough.
 */
export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${String(timeoutMs)} ms waiting for ${what}`);
    await sleep(25);
  }
}
