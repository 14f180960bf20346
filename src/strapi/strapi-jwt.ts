/**
 * Reads `exp` from a JWT Strapi issued (an access JWT, or a refresh token in Strapi's refresh mode)
 * without verifying it: it came straight from Strapi over the BFF's own connection, and the BFF
 * only uses it to know when to stop relying on it.
 */
export function strapiJwtExpiry(jwt: string): Date | null {
  const payload = jwt.split('.')[1];
  if (!payload) return null;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' ? new Date(exp * 1000) : null;
  } catch {
    return null;
  }
}
