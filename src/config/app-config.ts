import type { KeyObject } from 'node:crypto';

export type NodeEnv = 'development' | 'production' | 'test';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** The one typed view of the environment. Built once at boot by `loadConfig`; nothing else reads process.env. */
export interface AppConfig {
  env: NodeEnv;
  port: number;
  host: string;
  /** Whose X-Forwarded-* headers to believe: nobody, everybody, or these addresses/CIDRs. */
  trustProxy: boolean | string[];
  bodyLimitBytes: number;
  logLevel: string;
  dataDir: string;
  swaggerEnabled: boolean;
  database: {
    /** Undefined means: run the embedded Postgres under `dataDir`. */
    url: string | undefined;
    migrationsRun: boolean;
    embeddedPort: number;
    poolSize: number;
  };
  strapi: {
    url: string;
    timeoutMs: number;
    /** Keep-alive connections the proxy may hold open to Strapi. */
    connections: number;
    /** A read-only Strapi API token, used only to tell a blocked user from a deleted one. */
    apiToken: string | undefined;
    /** Strapi's refresh mode: renew Strapi's JWT this long before it expires. */
    refreshAheadMs: number;
  };
  proxy: {
    /** Path prefixes that are forwarded (matched on the decoded, normalised, lower-cased path). */
    allow: string[];
    /** Path prefixes that are never forwarded, checked after `allow`. */
    deny: string[];
    /** Forward /graphql too, for Strapi's GraphQL plugin (never its auth mutations). */
    graphql: boolean;
    /** Largest request body the proxy forwards; checked against Content-Length and counted while streaming. */
    bodyLimitBytes: number;
    /** Largest GraphQL request body: GraphQL bodies are read whole, to be judged before they are forwarded. */
    graphqlBodyLimitBytes: number;
  };
  /** Where clients reach the BFF (PUBLIC_URL); the proxy's X-Forwarded-Host and -Proto come from it, never from the client. */
  publicUrl: string | undefined;
  tokens: {
    accessTtlMs: number;
    refreshTtlMs: number;
    refreshIdleTtlMs: number;
    reuseGraceMs: number;
    issuer: string;
    audience: string;
  };
  sessionCacheTtlMs: number;
  browser: {
    /** Origins allowed to call the BFF from a browser, with credentials. Never `*`. */
    corsOrigins: string[];
    /** Development only: cookies without Secure (and so without the __Host- prefix), for plain-HTTP hosts. */
    insecureCookies: boolean;
  };
  /** Re-read the user (role) from Strapi at every refresh. */
  refreshRevalidate: boolean;
  /** How long audit events, and sessions that ended, are kept. */
  retention: { auditMs: number; endedSessionsMs: number; intervalMs: number };
  health: {
    /**
     * Whether /health/ready fails while Strapi is down. Off by default: sessions, /auth/me and
     * admin revocations need only Postgres, so pulling every instance out of the load balancer
     * would stop them too.
     */
    readyRequiresStrapi: boolean;
  };
  metrics: MetricsConfig;
  adminRoles: string[];
  mfa: MfaConfig;
  limits: LimitsConfig;
  passwords: PasswordPolicyConfig;
  keys: {
    sessionEncryptionKey: Buffer;
    signing: SigningKey;
    /** Public keys of retired signing keys, still published and accepted during a rotation overlap. */
    previousVerificationKeys: SigningKey['publicKey'][];
    /** Set when dev keys were generated or loaded from the data folder, so boot can warn about it. */
    devKeysFile: string | undefined;
  };
}

/** Second factors and step-up (docs/mfa.md). */
export interface MfaConfig {
  /** Strapi role `type`s whose users must have a second factor; MFA_REQUIRED_ROLES=none gives an empty list. */
  requiredRoles: string[];
  /** How long an mfaToken (a sign-in waiting for its second factor) lives. */
  challengeTtlMs: number;
  /** Wrong codes one challenge takes before it ends. */
  challengeAttempts: number;
  /** Wrong codes per user in the window; the next one locks the factors for the window. */
  user: Rate;
  /** Sensitive actions need a sign-in or re-authentication no older than this. */
  reauthMaxAgeMs: number;
  /** The issuer name authenticator apps show next to the account. */
  totpIssuer: string;
  /** WebAuthn relying party: its id (a host name) and the origin browsers report; from PUBLIC_URL. */
  passkeys: { rpId: string; origin: string; rpName: string };
}

/**
 * Where /metrics is served: nowhere, on the app's own port (behind METRICS_TOKEN when set), or on
 * a listener of its own (METRICS_PORT), which a firewall or network policy keeps internal.
 */
export type MetricsExposure = 'off' | 'main_port' | 'own_port';

export interface MetricsConfig {
  exposure: MetricsExposure;
  /** METRICS_ENABLED as given: true with exposure `off` means production without a token or port, which boot reports. */
  requested: boolean;
  /** A scrape must send `Authorization: Bearer <token>` when set, on whichever listener. */
  token: string | undefined;
  port: number | undefined;
  host: string;
}

/** A limit: this many points per window. */
export interface Rate {
  points: number;
  windowMs: number;
}

export type LimiterStoreKind = 'postgres' | 'redis' | 'memory';

export interface LimitsConfig {
  /** Where counters live: Postgres by default, Redis with REDIS_URL, memory only for a single instance. */
  store: LimiterStoreKind;
  redisUrl: string | undefined;
  login: {
    /** Sign-in attempts per account (normalised identifier) from clients without a device token. */
    account: Rate;
    ip: Rate;
    accountIp: Rate;
    /** Attempts per device token: a known device is exempt from the account lock, not from this. */
    device: Rate;
    /** The account lock doubles with each lockout in 24 h, up to this. */
    maxLockMs: number;
    /** Failed sign-ins are answered no sooner than this, so an unknown user and a wrong password take the same time. */
    failureFloorMs: number;
  };
  /** register, forgot-password, send-email-confirmation: per client address and per email address. */
  emailFlows: { ip: Rate; address: Rate };
  /** reset-password, email-confirmation: per client address. */
  codeFlows: { ip: Rate };
  /** Invalid or unknown refresh tokens per client address. */
  refresh: { ip: Rate };
  /** PROXY_RATE_LIMIT: per session and per client address; undefined = off. */
  proxy: Rate | undefined;
  deviceTokenTtlMs: number;
}

export interface PasswordPolicyConfig {
  minLength: number;
  maxLength: number;
  /** The k-anonymity range API (Have I Been Pwned's or a mirror); only a 5-character SHA-1 prefix is sent. */
  pwnedUrl: string | undefined;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
