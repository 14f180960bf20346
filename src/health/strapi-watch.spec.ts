import { Logger, type LoggerService } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import type { StrapiClient } from '../strapi/strapi.client';
import { STRAPI_WATCH_INTERVAL_MS, StrapiWatch } from './strapi-watch';

/** What the watch logged, as [level, message] pairs. */
function captureNestLogs(): Array<[string, string]> {
  const seen: Array<[string, string]> = [];
  const record = (level: string) => (message: unknown, ...params: unknown[]) => {
    seen.push([level, typeof message === 'string' ? message : String(params.find((param) => typeof param === 'string' && param !== 'StrapiWatch'))]);
  };
  const capture: LoggerService = { log: record('log'), warn: record('warn'), error: record('error'), debug: record('debug'), verbose: record('verbose') };
  Logger.overrideLogger(capture);
  return seen;
}

/**
 * The watch's timing and wording, with Strapi's health answer scripted at the adapter seam. The
 * boot warning against an unreachable Strapi, through a real app, is in test/e2e/readiness.e2e-spec.ts.
 */
describe('StrapiWatch', () => {
  let strapiUp: boolean;
  let checks: number;
  let logs: Array<[string, string]>;
  let watch: StrapiWatch;

  beforeEach(() => {
    jest.useFakeTimers();
    strapiUp = false;
    checks = 0;
    logs = captureNestLogs();
    const strapi = {
      isHealthy: () => {
        checks += 1;
        return Promise.resolve(strapiUp);
      },
    } as unknown as StrapiClient;
    const config = { strapi: { url: 'http://strapi.internal:1337' }, refreshRevalidate: true, health: { readyRequiresStrapi: false } } as AppConfig;
    watch = new StrapiWatch(strapi, config);
  });

  afterEach(() => {
    watch.onModuleDestroy();
    jest.useRealTimers();
    Logger.overrideLogger(['error', 'fatal']);
  });

  const warnings = () => logs.filter(([level]) => level === 'warn').map(([, message]) => message);

  it('warns at boot and once a minute while Strapi is unreachable, and says when it answers again', async () => {
    watch.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain("Strapi at http://strapi.internal:1337 can't be reached");
    expect(warnings()[0]).toContain('/health/ready still answers 200');

    await jest.advanceTimersByTimeAsync(STRAPI_WATCH_INTERVAL_MS - 1);
    expect(warnings()).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(warnings()).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(STRAPI_WATCH_INTERVAL_MS);
    expect(warnings()).toHaveLength(3);

    strapiUp = true;
    await jest.advanceTimersByTimeAsync(STRAPI_WATCH_INTERVAL_MS * 3);
    expect(warnings()).toHaveLength(3);
    expect(logs.filter(([level, message]) => level === 'log' && message.includes('answers again'))).toHaveLength(1);
  });

  it('says nothing while Strapi answers', async () => {
    strapiUp = true;
    watch.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(STRAPI_WATCH_INTERVAL_MS * 2);
    expect(checks).toBe(3);
    expect(logs).toEqual([]);
  });

  it('stops checking when the app shuts down', async () => {
    watch.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(jest.getTimerCount()).toBe(1);
    watch.onModuleDestroy();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(STRAPI_WATCH_INTERVAL_MS * 5);
    expect(checks).toBe(1);
  });
});
