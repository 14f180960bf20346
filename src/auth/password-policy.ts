import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '../common/request-context';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export type WeakPasswordReason = 'too_short' | 'too_long' | 'contains_username' | 'contains_email' | 'common' | 'breached';

/** Who the password is for, so it can't just be their name. */
export interface PasswordOwner {
  username?: string;
  email?: string;
}

const LIST_FILE = join('assets', 'common-passwords-10k.txt');
const PWNED_TIMEOUT_MS = 3_000;

const MESSAGES: Record<WeakPasswordReason, string> = {
  too_short: 'The password is too short',
  too_long: 'The password is too long',
  contains_username: 'The password must not contain the username',
  contains_email: 'The password must not contain the email address',
  common: 'The password is one of the most common passwords',
  breached: 'The password appears in known data breaches',
};

/**
 * The BFF's password rules for register, change and reset, which Strapi enforces inconsistently:
 * PASSWORD_MIN_LENGTH (8) to PASSWORD_MAX_LENGTH (128); not the username or email, nor containing
 * them; not one of the 10,000 most common passwords (assets/, from SecLists, MIT); and, with
 * PWNED_PASSWORDS_URL, not in a breach corpus, asked by k-anonymity (only 5 hex characters of the
 * password's SHA-1 leave the server). That last check fails open: a down breach service must not
 * stop sign-ups.
 */
@Injectable()
export class PasswordPolicy {
  private readonly logger = new Logger(PasswordPolicy.name);
  private common: Set<string> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async check(password: string, owner: PasswordOwner, context?: RequestContext): Promise<void> {
    const reason = this.weakness(password, owner) ?? (await this.breached(password, context));
    if (reason) throw new AppError('weak_password', MESSAGES[reason], { reason, minLength: this.config.passwords.minLength, maxLength: this.config.passwords.maxLength });
  }

  private weakness(password: string, owner: PasswordOwner): WeakPasswordReason | undefined {
    const { minLength, maxLength } = this.config.passwords;
    // Characters as people count them, not UTF-16 units.
    const length = [...password].length;
    if (length < minLength) return 'too_short';
    if (length > maxLength) return 'too_long';
    const folded = password.toLowerCase();
    const username = owner.username?.trim().toLowerCase();
    if (username && username.length >= 3 && folded.includes(username)) return 'contains_username';
    const email = owner.email?.trim().toLowerCase();
    if (email && (folded.includes(email) || (email.split('@')[0].length >= 3 && folded.includes(email.split('@')[0])))) return 'contains_email';
    if (this.commonPasswords().has(folded)) return 'common';
    return undefined;
  }

  private async breached(password: string, context: RequestContext | undefined): Promise<WeakPasswordReason | undefined> {
    const url = this.config.passwords.pwnedUrl;
    if (!url) return undefined;
    const sha1 = createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
    const prefix = sha1.slice(0, 5);
    try {
      const response = await fetch(`${url}/range/${prefix}`, { headers: { 'add-padding': 'true' }, signal: AbortSignal.timeout(PWNED_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const body = await response.text();
      for (const line of body.split('\n')) {
        const [suffix, count] = line.trim().split(':');
        if (suffix === sha1.slice(5) && Number(count) > 0) return 'breached';
      }
      return undefined;
    } catch (error) {
      this.logger.warn({ event: 'pwned_passwords_unavailable', error: error instanceof Error ? error.message : 'unknown', requestId: context?.requestId }, 'The breached-password check could not be made; the password was not checked against breaches');
      return undefined;
    }
  }

  private commonPasswords(): Set<string> {
    this.common ??= new Set(readFileSync(findUp(LIST_FILE), 'utf8').split('\n').map((line) => line.trim().toLowerCase()).filter(Boolean));
    return this.common;
  }
}

/** The shipped list lives at the project root; the code runs from src/ (tests) or dist/src/ (builds). */
function findUp(relative: string): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${relative} is missing from the installation`);
  }
}
