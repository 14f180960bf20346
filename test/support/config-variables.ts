import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, type Env } from '../../src/config/load-config';

/**
 * Every environment variable the BFF reads, taken from what loadConfig actually looks up (an env
 * that records each name asked for), so deployment files are checked against the code rather
 * than against a list someone keeps by hand. Development and production are both walked, since
 * some reads depend on NODE_ENV.
 */
export function configVariableNames(): Set<string> {
  const names = new Set<string>();
  const cwd = mkdtempSync(join(tmpdir(), 'bff-config-names-'));
  for (const given of [{}, { NODE_ENV: 'production' }] as Env[]) {
    const recording = new Proxy(given, {
      get(target, name) {
        if (typeof name === 'string') names.add(name);
        return typeof name === 'string' ? target[name] : undefined;
      },
      has(target, name) {
        if (typeof name === 'string') names.add(name);
        return name in target;
      },
    });
    try {
      loadConfig(recording, cwd);
    } catch (error) {
      // Production without secrets is refused, after every variable has been read.
      if (!(error instanceof ConfigError)) throw error;
    }
  }
  return names;
}
