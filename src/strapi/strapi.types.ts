export interface StrapiRole {
  id: number;
  name: string;
  type: string;
}

export interface StrapiUser {
  id: number;
  documentId?: string;
  username: string;
  email: string;
  confirmed?: boolean;
  blocked?: boolean;
  role?: StrapiRole;
}

/** What Strapi hands back from a successful sign-in. `refreshToken` only exists in Strapi's refresh mode. */
export interface StrapiAuthResult {
  jwt: string;
  refreshToken?: string;
  user: StrapiUser;
}

/** Strapi's refresh mode: what POST /api/auth/refresh answers. */
export interface StrapiTokenPair {
  jwt: string;
  refreshToken: string;
}

export type StrapiAccountStatus = 'active' | 'blocked' | 'deleted';

export type StrapiRegisterResult = { kind: 'signed_in'; auth: StrapiAuthResult } | { kind: 'confirmation_required'; user: StrapiUser };

/** Strapi's error envelope: `{ data: null, error: { status, name, message, details } }`. */
export interface StrapiErrorBody {
  error?: { status?: number; name?: string; message?: string };
}
