import { Inject, Injectable } from '@nestjs/common';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { randomUUID } from 'node:crypto';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SecretBox } from '../tokens/secret-box';
import { FactorsRepository } from './factors.repository';
import { subjectKey, type MfaSubject } from './mfa-subject';

/** How long a WebAuthn ceremony may take, from the options to the browser's answer. */
const CEREMONY_MS = 5 * 60_000;

export type PasskeyCheck = { kind: 'valid' } | { kind: 'invalid' } | { kind: 'clone'; credentialId: string };

interface CeremonyState {
  challenge: string;
  purpose: 'registration' | 'authentication';
  expiresAt: number;
}

/**
 * Passkeys (WebAuthn, through @simplewebauthn/server) as a second factor. The relying party is
 * PUBLIC_URL's host and origin. The ceremony's challenge travels back to the client sealed with
 * the session key and bound to the user (registration) or to the sign-in challenge
 * (authentication), so no server state waits between the two steps.
 */
@Injectable()
export class PasskeyFactor {
  constructor(
    private readonly factors: FactorsRepository,
    private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async registrationOptions(subject: MfaSubject, userName: string): Promise<{ options: PublicKeyCredentialCreationOptionsJSON; state: string }> {
    const { rpId, rpName } = this.config.mfa.passkeys;
    const existing = await this.factors.passkeysOf(subject);
    const options = await generateRegistrationOptions({
      rpName,
      rpID: rpId,
      userName,
      userID: new TextEncoder().encode(subjectKey(subject)),
      attestationType: 'none',
      excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: splitTransports(passkey.transports) })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    return { options, state: this.seal({ challenge: options.challenge, purpose: 'registration' }, `registration:${subjectKey(subject)}`) };
  }

  async register(subject: MfaSubject, state: string, response: RegistrationResponseJSON, now = new Date()): Promise<string> {
    const ceremony = this.open(state, 'registration', `registration:${subjectKey(subject)}`);
    const { rpId, origin } = this.config.mfa.passkeys;
    let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verification = await verifyRegistrationResponse({ response, expectedChallenge: ceremony.challenge, expectedOrigin: origin, expectedRPID: rpId, requireUserVerification: false });
    } catch {
      throw new AppError('passkey_rejected', 'The passkey registration could not be verified');
    }
    if (!verification.verified) throw new AppError('passkey_rejected', 'The passkey registration could not be verified');
    const { credential } = verification.registrationInfo;
    const id = randomUUID();
    await this.factors.addPasskey({
      id,
      userId: subject.userId,
      userDocumentId: subject.documentId,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: String(credential.counter),
      transports: (credential.transports ?? []).join(','),
      createdAt: now,
      lastUsedAt: null,
    });
    return id;
  }

  async authenticationOptions(subject: MfaSubject, challengeId: string): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; state: string }> {
    const passkeys = await this.factors.passkeysOf(subject);
    if (passkeys.length === 0) throw new AppError('mfa_not_enrolled', 'No passkey is registered for this account');
    const options = await generateAuthenticationOptions({
      rpID: this.config.mfa.passkeys.rpId,
      allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId, transports: splitTransports(passkey.transports) })),
      userVerification: 'preferred',
    });
    return { options, state: this.seal({ challenge: options.challenge, purpose: 'authentication' }, `authentication:${challengeId}`) };
  }

  /** An assertion for the sign-in challenge `challengeId`; a counter that doesn't move forward is a clone. */
  async check(subject: MfaSubject, challengeId: string, state: string, response: AuthenticationResponseJSON, now = new Date()): Promise<PasskeyCheck> {
    const ceremony = this.open(state, 'authentication', `authentication:${challengeId}`);
    const passkey = typeof response.id === 'string' ? await this.factors.passkey(subject, response.id) : null;
    if (!passkey) return { kind: 'invalid' };
    const stored = Number(passkey.counter);
    let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
    try {
      verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: ceremony.challenge,
        expectedOrigin: this.config.mfa.passkeys.origin,
        expectedRPID: this.config.mfa.passkeys.rpId,
        credential: { id: passkey.credentialId, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: stored, transports: splitTransports(passkey.transports) },
        requireUserVerification: false,
      });
    } catch (error) {
      // The library refuses a counter at or below the stored one with this message; the signature was fine.
      if (error instanceof Error && /counter value/i.test(error.message)) return { kind: 'clone', credentialId: passkey.credentialId };
      return { kind: 'invalid' };
    }
    if (!verification.verified) return { kind: 'invalid' };
    const next = verification.authenticationInfo.newCounter;
    // Authenticators without a counter report 0 every time; for them only the signature counts.
    if (next === 0 && stored === 0) return { kind: 'valid' };
    if (!(await this.factors.advancePasskeyCounter(passkey.id, passkey.counter, next, now))) return { kind: 'clone', credentialId: passkey.credentialId };
    return { kind: 'valid' };
  }

  private seal(state: Omit<CeremonyState, 'expiresAt'>, binding: string): string {
    return this.box.seal(JSON.stringify({ ...state, expiresAt: Date.now() + CEREMONY_MS } satisfies CeremonyState), `webauthn:${binding}`);
  }

  private open(sealed: string, purpose: CeremonyState['purpose'], binding: string): CeremonyState {
    let state: CeremonyState;
    try {
      state = JSON.parse(this.box.open(sealed, `webauthn:${binding}`)) as CeremonyState;
    } catch {
      throw new AppError('passkey_rejected', 'The passkey state is invalid; ask for new options');
    }
    if (state.purpose !== purpose || state.expiresAt < Date.now()) throw new AppError('passkey_rejected', 'The passkey options have expired; ask for new ones');
    return state;
  }
}

function splitTransports(value: string): string[] {
  return value.split(',').filter((transport) => transport.length > 0);
}
