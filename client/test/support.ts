import { createBffClient, type BffClient, type BffClientOptions, type TokenStorage } from '../src/index.js';
import type { FakeBff } from './fake-bff.js';

/** Only Date is faked: the client reads the clock, and tests move it without waiting. Timers stay real. */
export function fakeClockOnly(): void {
  jest.useFakeTimers({
    doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'hrtime', 'performance'],
  });
}

/** Date and timers are fake (proactive refresh, retries); promise and stream plumbing stays real. */
export function fakeClockAndTimers(): void {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'clearImmediate'] });
}

export function moveClock(ms: number): void {
  jest.setSystemTime(Date.now() + ms);
}

const clients: BffClient[] = [];

afterEach(() => {
  for (const client of clients.splice(0)) client.close();
  jest.useRealTimers();
});

export function clientFor(bff: FakeBff, options: Partial<BffClientOptions> = {}): BffClient {
  const client = createBffClient({ baseUrl: bff.origin, transport: 'token', fetch: bff.fetch, crossTab: false, proactiveRefresh: false, ...options });
  clients.push(client);
  return client;
}

export async function signedIn(bff: FakeBff, options: Partial<BffClientOptions> = {}): Promise<BffClient> {
  const client = clientFor(bff, options);
  const result = await client.login({ identifier: 'alice', password: 'secret' });
  if (result.status !== 'signed_in') throw new Error(`expected a session, got ${result.status}`);
  return client;
}

/** A Storage like localStorage, in memory, that tests can look into. */
export function memoryStorage(): TokenStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

/** Resolves once `predicate` holds; polls, since what it waits for arrives over channels and timers. */
export async function eventually(predicate: () => boolean, timeoutMs = 2_000): Promise<void> {
  // performance.now(): the tests fake Date, which then stands still.
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

let names = 0;
/** A name no other test's clients use, so channels and locks of different tests never meet. */
export function uniqueName(): string {
  names += 1;
  return `test-${process.pid}-${names}`;
}
