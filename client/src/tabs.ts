import type { SessionEndedCode } from './errors.js';
import { asMark, asState, type SessionMark, type SessionState } from './state.js';

/** What tabs tell each other over the BroadcastChannel. */
export type TabMessage =
  | { kind: 'session'; reason: 'signed_in' | 'refreshed' | 'snapshot'; state: SessionState }
  | { kind: 'ended'; sessionId: string; code: SessionEndedCode }
  /** A tab that just opened asks the others for the session they hold. */
  | { kind: 'hello' };

/** The slice of the Web Locks API the client uses (`navigator.locks`). */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface ChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

/**
 * A record every tab reads and writes with strong consistency: which refresh is the newest.
 * Messages and lock grants may reach a tab in either order, so a tab that gets the lock reads this
 * to learn whether the previous holder already refreshed.
 */
export interface MarkStore {
  read(key: string): Promise<SessionMark | undefined>;
  write(key: string, mark: SessionMark): Promise<void>;
}

/**
 * What the tabs of one origin coordinate through. In browsers: `navigator.locks`,
 * `BroadcastChannel` and IndexedDB. Tests pass their own.
 */
export interface TabPrimitives {
  locks?: LockManagerLike;
  BroadcastChannel?: new (name: string) => ChannelLike;
  marks?: MarkStore;
}

function parseMessage(data: unknown): TabMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  switch (message.kind) {
    case 'hello':
      return { kind: 'hello' };
    case 'ended':
      return typeof message.sessionId === 'string' && typeof message.code === 'string' ? { kind: 'ended', sessionId: message.sessionId, code: message.code } : undefined;
    case 'session': {
      const state = asState(message.state);
      const reason = message.reason;
      if (!state || (reason !== 'signed_in' && reason !== 'refreshed' && reason !== 'snapshot')) return undefined;
      return { kind: 'session', reason, state };
    }
    default:
      return undefined;
  }
}

/** Serialises work within this tab, for when there is no Web Locks API to do it across tabs. */
class LocalMutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** One tab's link to the others: the refresh lock, the channel and the shared mark. */
export class TabLink {
  private readonly channel: ChannelLike | undefined;
  private readonly local = new LocalMutex();
  private handler: ((message: TabMessage) => void) | undefined;

  constructor(
    private readonly name: string,
    private readonly primitives: TabPrimitives,
  ) {
    this.channel = primitives.BroadcastChannel ? new primitives.BroadcastChannel(name) : undefined;
    if (this.channel) {
      this.channel.onmessage = (event) => {
        const message = parseMessage(event.data);
        if (message) this.handler?.(message);
      };
    }
  }

  get sharesWithOtherTabs(): boolean {
    return this.channel !== undefined;
  }

  onMessage(handler: (message: TabMessage) => void): void {
    this.handler = handler;
  }

  /** Runs `work` while no other tab of the origin runs exclusive work under the same name. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const locks = this.primitives.locks;
    if (locks) return locks.request(this.name, work);
    return this.local.run(work);
  }

  post(message: TabMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel (the client was closed) has nobody left to tell.
    }
  }

  /** The newest mark, or undefined when there is none or the store can't be read (then only this tab's own knowledge counts). */
  async readMark(): Promise<SessionMark | undefined> {
    try {
      return asMark(await this.primitives.marks?.read(this.name));
    } catch {
      return undefined;
    }
  }

  async writeMark(mark: SessionMark): Promise<void> {
    try {
      await this.primitives.marks?.write(this.name, mark);
    } catch {
      // Without the store, tabs fall back to what the channel tells them.
    }
  }

  close(): void {
    this.handler = undefined;
    if (this.channel) {
      this.channel.onmessage = null;
      this.channel.close();
    }
  }
}

const MARK_DATABASE = 'strapi-auth-bff';
const MARK_STORE = 'marks';

/**
 * Marks in IndexedDB. A read/write transaction that completed is seen by every transaction
 * started after it, in any tab, which localStorage does not promise across processes.
 */
export function indexedDbMarks(factory: IDBFactory): MarkStore {
  let opening: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(MARK_DATABASE, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(MARK_STORE);
      };
      request.onsuccess = () => {
        const database = request.result;
        database.onversionchange = () => database.close();
        resolve(database);
      };
      request.onerror = () => {
        opening = undefined;
        reject(request.error ?? new Error('IndexedDB could not be opened'));
      };
    }));

  return {
    async read(key) {
      const database = await open();
      return new Promise<SessionMark | undefined>((resolve, reject) => {
        const transaction = database.transaction(MARK_STORE, 'readonly');
        const get = transaction.objectStore(MARK_STORE).get(key);
        get.onsuccess = () => resolve(asMark(get.result));
        transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB read failed'));
      });
    },
    async write(key, mark) {
      const database = await open();
      return new Promise<void>((resolve, reject) => {
        const transaction = database.transaction(MARK_STORE, 'readwrite');
        transaction.objectStore(MARK_STORE).put(mark, key);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
        transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
      });
    },
  };
}

/** A mark store shared by the clients of one process: for tests, and for runtimes without IndexedDB. */
export function memoryMarks(): MarkStore {
  const marks = new Map<string, SessionMark>();
  return {
    read: (key) => Promise.resolve(marks.get(key)),
    write: (key, mark) => {
      marks.set(key, { ...mark });
      return Promise.resolve();
    },
  };
}

interface BrowserGlobals {
  document?: unknown;
  navigator?: { locks?: { request(name: string, callback: () => Promise<unknown>): Promise<unknown> } };
  BroadcastChannel?: new (name: string) => ChannelLike;
  indexedDB?: IDBFactory;
}

/**
 * The browser's own primitives, or none outside a browser page. Node has a process-wide
 * BroadcastChannel, and a server holding one client per user must never let them share a session.
 */
export function browserPrimitives(): TabPrimitives {
  const globals = globalThis as BrowserGlobals;
  if (typeof globals.document !== 'object' || globals.document === null) return {};
  const lockManager = globals.navigator?.locks;
  const primitives: TabPrimitives = {};
  if (lockManager) {
    primitives.locks = { request: <T>(name: string, callback: () => Promise<T>) => lockManager.request(name, () => callback()) as Promise<T> };
  }
  if (globals.BroadcastChannel) primitives.BroadcastChannel = globals.BroadcastChannel;
  if (globals.indexedDB) primitives.marks = indexedDbMarks(globals.indexedDB);
  return primitives;
}
