import type { Change, ConflictingChange, QueuedChange, ServerMeta } from './protocol.ts';

/** Two people changed one thing without seeing each other: both texts, so the reviewer can take theirs. */
export type Conflict = {
  readonly target: string;
  readonly mine: ConflictingChange & { readonly seq: number };
  readonly theirs: ConflictingChange & ServerMeta;
};

/**
 * A local change the server refused for the author's role (a role changed or revoked while it waited): set aside
 * so the rest of the outbox goes on, and kept to be shown until the reviewer has seen it.
 */
export type Refused = {
  readonly change: Change;
  /** The server's reason, e.g. "forbidden". */
  readonly code: string;
  readonly at: number;
};

/** Everything the sync module keeps between sessions, per project. */
export type SyncState = {
  /** Last server sequence number pulled. */
  readonly cursor: number;
  /** Local changes not yet accepted by the server, oldest first. Each keeps its id across retries. */
  readonly outbox: readonly QueuedChange[];
  /** Per target, the id of the last change seen or made: the base of the next local change. */
  readonly heads: Readonly<Record<string, string>>;
  /** Per target, this client's last accepted change, to recognise when someone superseded it. */
  readonly mine: Readonly<Record<string, Change & { readonly seq: number }>>;
  readonly conflicts: readonly Conflict[];
  readonly refused: readonly Refused[];
  /** Ids of this client's accepted changes (with their sequence numbers) that a pull has not passed yet. */
  readonly sent: Readonly<Record<string, number>>;
};

export const EMPTY_SYNC_STATE: SyncState = {
  cursor: 0,
  outbox: [],
  heads: {},
  mine: {},
  conflicts: [],
  refused: [],
  sent: {},
};

/**
 * What leaves (accepted or refused: `sent`) and joins the outbox with a save; the outbox itself is never written
 * whole.
 */
export type OutboxEdit = { readonly sent?: readonly string[]; readonly queued?: readonly QueuedChange[] };

/**
 * Where the sync state lives. The outbox may grow between `load` and `save` (the workbench writes to it in the
 * transaction of each change), so `save` takes the outbox's edits, never a whole new outbox.
 */
export type SyncStore = {
  load(): Promise<SyncState>;
  save(state: SyncState, outbox?: OutboxEdit): Promise<void>;
};

export const editOutbox = (outbox: readonly QueuedChange[], edit: OutboxEdit = {}): QueuedChange[] => {
  const sent = new Set(edit.sent ?? []);
  return [...outbox.filter((c) => !sent.has(c.id)), ...(edit.queued ?? [])];
};

export function memorySyncStore(initial: SyncState = EMPTY_SYNC_STATE): SyncStore {
  let state = initial;
  return {
    load: async () => state,
    save: async (next, edit) => {
      state = { ...next, outbox: editOutbox(state.outbox, edit) };
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
    save: async (state, edit) => {
      const raw = storage.getItem(key);
      const before = raw ? ((JSON.parse(raw) as Partial<SyncState>).outbox ?? []) : [];
      storage.setItem(key, JSON.stringify({ ...state, outbox: editOutbox(before, edit) }));
    },
  };
}
