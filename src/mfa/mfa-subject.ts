/** Whose factors: a Strapi user by `id` and `documentId` together (ids are reused on SQLite). */
export interface MfaSubject {
  userId: number;
  documentId: string | null;
}

export function subjectKey(subject: MfaSubject): string {
  return `${subject.userId}:${subject.documentId ?? ''}`;
}

/** The second-factor methods `/auth/mfa/verify` and `/auth/reauthenticate` take. */
export const MFA_METHODS = ['totp', 'recovery_code', 'passkey'] as const;
export type MfaMethod = (typeof MFA_METHODS)[number];

/** What a user has set up. */
export interface FactorSummary {
  totp: boolean;
  passkeys: number;
  recoveryCodesLeft: number;
}

export function availableMethods(factors: FactorSummary): MfaMethod[] {
  const methods: MfaMethod[] = [];
  if (factors.totp) methods.push('totp');
  if (factors.passkeys > 0) methods.push('passkey');
  // Recovery codes stand in for a lost factor; without one they are no factor at all.
  if (methods.length > 0 && factors.recoveryCodesLeft > 0) methods.push('recovery_code');
  return methods;
}
