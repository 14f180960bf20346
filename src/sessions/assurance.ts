import { AppError } from '../common/app-error';
import type { SessionEntity } from './session.entity';

/** RFC 8176 values: password, federated (provider) sign-in, one-time password, hardware key (passkey). */
export type AuthMethodRef = 'pwd' | 'fed' | 'otp' | 'hwk';

/** How strongly and how recently a session's user proved who they are. */
export interface Assurance {
  aal: 1 | 2;
  amr: AuthMethodRef[];
  authTime: Date;
}

export function amrOf(session: Pick<SessionEntity, 'amr'>): string[] {
  return session.amr.split(' ').filter((value) => value.length > 0);
}

/** The session's methods with `method` added (each once, in the order they were used). */
export function withMethod(amr: readonly string[], method: AuthMethodRef): string {
  return [...new Set([...amr, method])].join(' ');
}

/** The OIDC `acr` an access token carries for a level. */
export function acrOf(aal: number): string {
  return aal >= 2 ? 'aal2' : 'aal1';
}

/**
 * Whether a session's authentication is recent enough for a sensitive action. Computed from
 * `authTime` on every request, so a raised freshness runs out by itself: nothing has to expire it.
 */
export function isFresh(authTime: Date, now: Date, maxAgeMs: number): boolean {
  return now.getTime() - authTime.getTime() <= maxAgeMs;
}

export function reauthRequired(maxAgeMs: number): AppError {
  return new AppError('reauth_required', 'This needs a recent sign-in: POST /auth/reauthenticate, then try again', { maxAge: Math.floor(maxAgeMs / 1000) });
}
