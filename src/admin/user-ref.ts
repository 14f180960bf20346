import { AppError } from '../common/app-error';
import { MAX_USER_ID } from './dto/admin.dto';

/** How an admin names a user: by Strapi user id, or by the email or username the user signs in with. */
export type UserRef = { kind: 'id'; id: number } | { kind: 'name'; name: string };

/** A whole number is an id; anything else is an email or a username. */
export function parseUserRef(raw: string): UserRef {
  const value = raw.trim();
  // Any run of digits is an id, so an id past the range is a bad request rather than an unknown name.
  if (/^\d+$/.test(value)) {
    const id = value.length > 10 ? Number.POSITIVE_INFINITY : Number(value);
    if (id < 1 || id > MAX_USER_ID) throw new AppError('validation_failed', `A user id must be a whole number from 1 to ${MAX_USER_ID}`);
    return { kind: 'id', id };
  }
  if (value.length === 0 || value.length > 255) throw new AppError('validation_failed', 'Name the user by id, email or username (at most 255 characters)');
  return { kind: 'name', name: value };
}
