/**
 * Reads a JWT Strapi issued (an access JWT, or a refresh token in Strapi's refresh mode)
 * without verifying it: it came straight from Strapi over the BFF's own connection, and the BFF
 * only uses it to know when to stop relying on it.
 */
export function strapiJwtExpiry(jwt: string): Date | null {
  const { exp } = strapiJwtPayload(jwt);
  return typeof exp === 'number' ? new Date(exp * 1000) : null;
}

/** True for an access JWT of Strapi's refresh mode (`{userId, sessionId, type: 'access'}`). */
export function isRefreshModeJwt(jwt: string): boolean {
  return strapiJwtPayload(jwt).type === 'access';
}

function strapiJwtPayload(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1];
  if (!payload) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
