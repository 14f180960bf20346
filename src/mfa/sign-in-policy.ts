import type { MfaMethod } from './mfa-subject';

export type SignInDecision =
  /** No second factor is needed (or the session already has one): tokens now. */
  | { kind: 'issue' }
  /** The user has factors: no session until one of them answers. */
  | { kind: 'verify'; methods: MfaMethod[] }
  /** The role requires a factor the user doesn't have yet: enrolment first, then the session. */
  | { kind: 'enroll' };

export interface SignInFacts {
  /** The methods the user has set up (availableMethods()). */
  methods: MfaMethod[];
  /** The Strapi role `type` Strapi just reported. */
  role: string | null;
  requiredRoles: readonly string[];
  /** For a re-issue of an existing session (change-password): the level it already has. */
  currentAal?: number;
}

/**
 * Whether a sign-in may have its session now. Every path that creates or re-issues a session asks
 * this (through SessionIssuer), so none can skip the second factor.
 */
export function decideSignIn(facts: SignInFacts): SignInDecision {
  if (facts.currentAal !== undefined && facts.currentAal >= 2) return { kind: 'issue' };
  if (facts.methods.length > 0) return { kind: 'verify', methods: facts.methods };
  if (facts.role !== null && facts.requiredRoles.includes(facts.role)) return { kind: 'enroll' };
  return { kind: 'issue' };
}
