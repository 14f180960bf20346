import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { loadConfig } from '../config/load-config';
import { scrapeAllowed } from './metrics-access';
import { Metrics } from './metrics';
import { StatusClassHistogram } from './status-class-histogram';

const config = loadConfig(
  {
    SESSION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    JWT_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  },
  mkdtempSync(join(tmpdir(), 'metrics-')),
);

describe('StatusClassHistogram', () => {
  it('renders cumulative buckets, sum and count per status class, in the Prometheus text format', () => {
    const histogram = new StatusClassHistogram('bff_test_seconds', 'Test', [0.1, 1]);
    histogram.observe(200, 0.05);
    histogram.observe(204, 0.5);
    histogram.observe(503, 2);
    histogram.observe(99, 0.1);
    expect(histogram.render().split('\n')).toEqual([
      '# HELP bff_test_seconds Test',
      '# TYPE bff_test_seconds histogram',
      'bff_test_seconds_bucket{le="0.1",status_class="2xx"} 1',
      'bff_test_seconds_bucket{le="1",status_class="2xx"} 2',
      'bff_test_seconds_bucket{le="+Inf",status_class="2xx"} 2',
      'bff_test_seconds_sum{status_class="2xx"} 0.55',
      'bff_test_seconds_count{status_class="2xx"} 2',
      'bff_test_seconds_bucket{le="0.1",status_class="5xx"} 1',
      'bff_test_seconds_bucket{le="1",status_class="5xx"} 1',
      'bff_test_seconds_bucket{le="+Inf",status_class="5xx"} 2',
      'bff_test_seconds_sum{status_class="5xx"} 2.1',
      'bff_test_seconds_count{status_class="5xx"} 2',
      '',
    ]);
  });
});

describe('scrapeAllowed', () => {
  const token = 'metrics-token-0123456789';
  it('lets anyone scrape without METRICS_TOKEN, and only its Bearer with one', () => {
    expect(scrapeAllowed(undefined, undefined)).toBe(true);
    expect(scrapeAllowed(`Bearer ${token}`, token)).toBe(true);
    expect(scrapeAllowed(`bearer ${token}`, token)).toBe(true);
    for (const refused of [undefined, '', token, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Basic ${token}`, 'Bearer ']) {
      expect({ refused, allowed: scrapeAllowed(refused, token) }).toEqual({ refused, allowed: false });
    }
  });
});

describe('Metrics', () => {
  it('counts bff_active_sessions at most every 30 s, whatever the scrape rate', async () => {
    const metrics = new Metrics(config);
    let counts = 0;
    metrics.countActiveSessionsWith(() => Promise.resolve(++counts * 10));
    const scrape = async (): Promise<string | undefined> => /^bff_active_sessions (\d+)$/m.exec(await metrics.render())?.[1];
    expect(await scrape()).toBe('10');
    expect(await scrape()).toBe('10');
    expect(counts).toBe(1);
  });

  it('keeps the last active-session count when counting fails, instead of failing the scrape', async () => {
    const metrics = new Metrics(config);
    metrics.countActiveSessionsWith(() => Promise.reject(new Error('database away')));
    await expect(metrics.render()).resolves.toContain('# TYPE bff_active_sessions gauge');
  });

  it('starts every series of a closed label set at zero', async () => {
    const text = await new Metrics(config).render();
    for (const line of ['bff_logins_total{outcome="failure"} 0', 'bff_refreshes_total{outcome="reused"} 0', 'bff_rate_limited_total{route="proxy"} 0', 'bff_refresh_reuse_detected_total 0']) {
      expect(text).toContain(line);
    }
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});
