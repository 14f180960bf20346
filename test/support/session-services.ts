import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service';
import type { AppConfig } from '../../src/config/app-config';
import { ActiveSessions } from '../../src/sessions/active-session';
import { RefreshService } from '../../src/sessions/refresh.service';
import { SessionRevoker } from '../../src/sessions/revocation';
import { SessionCache } from '../../src/sessions/session-cache';
import { SessionIssuer } from '../../src/sessions/session-issuer';
import { SessionsRepository } from '../../src/sessions/sessions.repository';
import { StrapiCredentials } from '../../src/sessions/strapi-credentials';
import type { StrapiClient } from '../../src/strapi/strapi.client';
import { AuthService } from '../../src/auth/auth.service';
import { PasswordPolicy } from '../../src/auth/password-policy';
import { FlowLimits } from '../../src/limits/flow-limits';
import { LimiterStore } from '../../src/limits/limiter-store';
import { LoginThrottle } from '../../src/limits/login-throttle';
import { AccessTokenService } from '../../src/tokens/access-token.service';
import { DeviceTokenService } from '../../src/tokens/device-token.service';
import { SecretBox } from '../../src/tokens/secret-box';
import { ChallengesRepository } from '../../src/mfa/challenges.repository';
import { FactorsRepository } from '../../src/mfa/factors.repository';
import { SignInGate } from '../../src/mfa/sign-in-gate';
import { Metrics } from '../../src/metrics/metrics';

export interface SessionServices {
  repository: SessionsRepository;
  cache: SessionCache;
  active: ActiveSessions;
  revoker: SessionRevoker;
  credentials: StrapiCredentials;
  issuer: SessionIssuer;
  refresher: RefreshService;
  audit: AuditService;
  accessTokens: AccessTokenService;
  metrics: Metrics;
}

/**
 * The session services as the app wires them, on a real DataSource, below HTTP. `strapi` is the
 * one seam tests may fake (StrapiClient, our own adapter); everything else is the real code on the
 * real Postgres. Two calls on two DataSources stand in for two BFF instances.
 */
export function sessionServices(dataSource: DataSource, config: AppConfig, strapi: StrapiClient): SessionServices {
  const repository = new SessionsRepository(dataSource);
  const cache = new SessionCache(repository, config);
  const audit = new AuditService(dataSource);
  const box = new SecretBox(config.keys.sessionEncryptionKey);
  // Off: these services run below HTTP, where nothing scrapes them (and some tests hand in a partial config).
  const metrics = new Metrics({ ...config, metrics: { exposure: 'off', requested: false, token: undefined, port: undefined, host: '127.0.0.1' } });
  const revoker = new SessionRevoker(repository, cache, audit, strapi, metrics, dataSource);
  const credentials = new StrapiCredentials(repository, cache, revoker, strapi, box, config);
  const accessTokens = new AccessTokenService(new JwtService(), config);
  return {
    repository,
    cache,
    active: new ActiveSessions(cache, config),
    revoker,
    credentials,
    issuer: new SessionIssuer(repository, credentials, strapi, accessTokens, new SignInGate(new FactorsRepository(dataSource), new ChallengesRepository(dataSource), box, audit, withMfaDefaults(config)), config),
    refresher: new RefreshService(repository, cache, revoker, credentials, strapi, box, audit, metrics, config),
    audit,
    accessTokens,
    metrics,
  };
}

/**
 * Specs that build a partial AppConfig by hand predate second factors: they get the shipped MFA
 * settings, with no role required (their fake users are not admins either way).
 */
function withMfaDefaults(config: AppConfig): AppConfig {
  if ((config as Partial<AppConfig>).mfa) return config;
  return {
    ...config,
    mfa: {
      requiredRoles: [],
      challengeTtlMs: 300_000,
      challengeAttempts: 5,
      user: { points: 10, windowMs: 900_000 },
      reauthMaxAgeMs: 300_000,
      totpIssuer: 'strapi-auth-bff',
      passkeys: { rpId: 'localhost', origin: 'http://localhost:3000', rpName: 'strapi-auth-bff' },
    },
  };
}

/** AuthService as the app wires it (limits in the configured store on `dataSource`), over `services`. */
export function authService(dataSource: DataSource, config: AppConfig, strapi: StrapiClient, services: SessionServices): AuthService {
  const store = new LimiterStore(dataSource, config);
  const devices = new DeviceTokenService(new JwtService(), config);
  return new AuthService(
    strapi,
    services.issuer,
    services.refresher,
    services.revoker,
    services.repository,
    services.accessTokens,
    services.audit,
    new LoginThrottle(store, devices, services.audit, services.metrics, config),
    new FlowLimits(store, services.metrics, config),
    devices,
    new PasswordPolicy(config),
    services.metrics,
    config,
  );
}
