import type { Change, ServerChange } from './protocol.ts';

/** Two people changed one thing without seeing each other: both texts, so the reviewer can take theirs. */
export type Conflict = {
  readonly target: string;
  readonly mine: Change & { readonly seq: number };
  readonly theirs: ServerChange;
};

/** Everything the sync module keeps between sessions, per project. */
export type SyncState = {
  /** Last server sequence number pulled. */
  readonly cursor: number;
  /** Local changes not yet accepted by the server, oldest first. Each keeps its id across retries. */
  readonly outbox: readonly Change[];
  /** Per target, the id of the last change seen or made: the base of the next local change. */
  readonly heads: Readonly<Record<string, string>>;
  /** Per target, this client's last accepted change, to recognise when someone superseded it. */
  readonly mine: Readonly<Record<string, Change & { readonly seq: number }>>;
  readonly conflicts: readonly Conflict[];
};

export const EMPTY_SYNC_STATE: SyncState = { cursor: 0, outbox: [], heads: {}, mine: {}, conflicts: [] };

export type SyncStore = {
  load(): Promise<SyncState>;
  save(state: SyncState): Promise<void>;
};

export function memorySyncStore(initial: SyncState = EMPTY_SYNC_STATE): SyncStore {
  let state = initial;
  return {
    load: async () => state,
    save: async (next) => {
      state = next;
    },
  };
}

/** Kept in localStorage: small (outbox, cursor, heads) and written after every step, so a reload loses nothing. */
export function localSyncStore(storage: Storage, key: string): SyncStore {
  return {
    load: async () => {
      const raw = storage.getItem(key);
      return raw ? { ...EMPTY_SYNC_STATE, ...(JSON.parse(raw) as Partial<SyncState>) } : EMPTY_SYNC_STATE;
    },
    save: async (state) => storage.setItem(key, JSON.stringify(state)),
  };
}
