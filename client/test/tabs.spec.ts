import type { BffClient, SessionEndedEvent, SignedInEvent, TabPrimitives, Transport } from '../src/index.js';
import { envelope, FakeBff } from './fake-bff.js';
import { fakeBrowser, lateChannel } from './fake-tabs.js';
import { clientFor, eventually, fakeClockOnly, moveClock, signedIn, uniqueName } from './support.js';

const API = '/api/articles';

/** Tab 1 signs in; the others open afterwards and pick the session up from it. */
async function tabs(bff: FakeBff, transport: Transport, browser: TabPrimitives, count: number): Promise<BffClient[]> {
  const name = uniqueName();
  const first = await signedIn(bff, { transport, crossTab: browser, name });
  const others = Array.from({ length: count - 1 }, () => clientFor(bff, { transport, crossTab: browser, name }));
  for (const tab of others) expect(await tab.restore()).toMatchObject({ username: 'alice' });
  return [first, ...others];
}

async function burst(all: BffClient[], perTab: number): Promise<number[]> {
  const responses = await Promise.all(all.flatMap((tab) => Array.from({ length: perTab }, () => tab.fetch(API))));
  return responses.map((response) => response.status);
}

describe('tabs of one browser', () => {
  let bff: FakeBff;
  beforeEach(() => {
    bff = new FakeBff();
    fakeClockOnly();
  });

  it.each<Transport>(['token', 'cookie'])('share one refresh among many calls in several tabs at expiry (%s mode)', async (transport) => {
    const all = await tabs(bff, transport, fakeBrowser(), 4);
    expect(bff.count('POST', '/auth/refresh')).toBe(0);
    bff.refreshDelayMs = 30;
    moveClock(900_000);

    const statuses = await burst(all, 10);

    expect(statuses).toEqual(Array.from({ length: 40 }, () => 200));
    expect(bff.count('POST', '/auth/refresh')).toBe(1);
    expect(new Set(all.map((tab) => tab.accessExpiresAt)).size).toBe(1);
  });

  it.each<Transport>(['token', 'cookie'])(
    'learn of a refresh from the shared mark when its message arrives after the lock (%s mode)',
    async (transport) => {
      const late = lateChannel();
      const all = await tabs(bff, transport, fakeBrowser(late.Channel), 3);
      late.delay(150);
      bff.refreshDelayMs = 10;
      moveClock(900_000);

      const statuses = await burst(all, 5);

      expect(statuses).toEqual(Array.from({ length: 15 }, () => 200));
      expect(bff.count('POST', '/auth/refresh')).toBe(1);
    },
  );

  it('reorder messages and locks in that late-channel setup: without the mark, the next tab refreshes again', async () => {
    const late = lateChannel();
    const browser: TabPrimitives = { ...fakeBrowser(late.Channel), marks: undefined };
    const all = await tabs(bff, 'token', browser, 2);
    late.delay(150);
    bff.refreshDelayMs = 10;
    moveClock(900_000);

    await Promise.allSettled(all.map((tab) => tab.fetch(API)));

    expect(bff.count('POST', '/auth/refresh')).toBe(2);
  });

  it('hand the session to a tab that signs in nowhere itself, memory storage and all', async () => {
    const browser = fakeBrowser();
    const name = uniqueName();
    const later = clientFor(bff, { crossTab: browser, name });
    const arrivals: SignedInEvent[] = [];
    later.on('signedIn', (event) => arrivals.push(event));
    expect(await later.restore()).toBeNull();

    await signedIn(bff, { crossTab: browser, name });

    await eventually(() => arrivals.length === 1);
    expect(later.user).toMatchObject({ username: 'alice' });
    expect(await later.getAccessToken()).toBe('at-s1-1');
  });

  it.each<Transport>(['token', 'cookie'])('end the session everywhere when one tab logs out (%s mode)', async (transport) => {
    const all = await tabs(bff, transport, fakeBrowser(), 3);
    const ended: SessionEndedEvent[][] = all.map(() => []);
    all.forEach((tab, i) => tab.on('sessionEnded', (event) => ended[i].push(event)));

    await all[1].logout();

    await eventually(() => ended.every((events) => events.length === 1));
    expect(ended).toEqual(all.map(() => [{ code: 'logout' }]));
    expect(all.map((tab) => tab.signedIn)).toEqual([false, false, false]);
    expect(bff.count('POST', '/auth/logout')).toBe(1);
  });

  it('end the session everywhere when a refresh in one tab is refused for good', async () => {
    const all = await tabs(bff, 'token', fakeBrowser(), 3);
    const ended: SessionEndedEvent[] = [];
    for (const tab of all) tab.on('sessionEnded', (event) => ended.push(event));
    bff.refreshOverride = envelope(401, 'refresh_token_reused');
    moveClock(900_000);

    await expect(all[2].fetch(API)).rejects.toMatchObject({ code: 'refresh_token_reused' });

    await eventually(() => ended.length === 3);
    expect(ended).toEqual(all.map(() => ({ code: 'refresh_token_reused' })));
  });

  it('hand a password change’s new tokens to the other tabs', async () => {
    const all = await tabs(bff, 'token', fakeBrowser(), 2);
    const received: string[] = [];
    all[1].on('tokens', (event) => received.push(event.accessToken ?? ''));
    await all[0].changePassword({ currentPassword: 'secret', password: 'n3w-Secret', passwordConfirmation: 'n3w-Secret' });

    await eventually(() => received.length === 1);
    expect(received).toEqual(['at-s1-2']);
    expect(await all[1].getAccessToken()).toBe('at-s1-2');
    expect((await all[1].fetch(API)).status).toBe(200);
    expect(bff.count('POST', '/auth/refresh')).toBe(0);
  });
});
