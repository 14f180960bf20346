import { memoryMarks, type ChannelLike, type LockManagerLike, type TabPrimitives } from '../src/index.js';

/** Web Locks within one process: each name is a FIFO queue, as navigator.locks grants exclusive requests. */
export function fakeLocks(): LockManagerLike & { grants: number } {
  const tails = new Map<string, Promise<unknown>>();
  const locks = {
    grants: 0,
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const granted = (): Promise<T> => {
        locks.grants += 1;
        return callback();
      };
      const result = (tails.get(name) ?? Promise.resolve()).then(granted, granted);
      tails.set(
        name,
        result.catch(() => undefined),
      );
      return result;
    },
  };
  return locks;
}

/**
 * A BroadcastChannel whose messages can be made to arrive late: a lock can then be granted to the
 * next tab before the previous holder's message reaches it, which browsers don't rule out.
 * The delay starts at 0, so tabs find each other at once, and tests raise it before the race.
 */
export function lateChannel(): { Channel: new (name: string) => ChannelLike; delay(ms: number): void } {
  const members = new Map<string, Set<LateChannel>>();
  let delayMs = 0;
  class LateChannel implements ChannelLike {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    constructor(private readonly name: string) {
      const group = members.get(name) ?? new Set<LateChannel>();
      group.add(this);
      members.set(name, group);
    }
    postMessage(message: unknown): void {
      const copy: unknown = structuredClone(message);
      for (const member of members.get(this.name) ?? []) {
        if (member !== this) setTimeout(() => member.onmessage?.({ data: copy }), delayMs);
      }
    }
    close(): void {
      members.get(this.name)?.delete(this);
    }
  }
  return {
    Channel: LateChannel,
    delay: (ms) => {
      delayMs = ms;
    },
  };
}

/** What the tabs of one browser share: locks, a channel and the mark store. */
export function fakeBrowser(channel?: new (name: string) => ChannelLike): TabPrimitives & { locks: ReturnType<typeof fakeLocks> } {
  return {
    locks: fakeLocks(),
    BroadcastChannel: channel ?? (BroadcastChannel as unknown as new (name: string) => ChannelLike),
    marks: memoryMarks(),
  };
}
