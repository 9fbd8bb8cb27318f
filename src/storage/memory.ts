import type { IDBPTransaction, StoreNames } from 'idb';
import type { AudarmaDb, AudarmaSchema } from './db.ts';
import { guarded } from './errors.ts';
import type { MemoryEntry } from '../core/memory/types.ts';
import type { Rendering } from '../core/model/types.ts';

/** Stores an approval reads and writes to keep the memory in step; added to the approval's own transaction. */
export const MEMORY_STORES = ['units', 'documents', 'projects', 'memory', 'settings'] as const;

/**
 * The memory's change log, a settings row written in the same transaction as every memory write: a counter and
 * the ids changed most recently. A reader holding the memory (the worker's index) asks what changed since the
 * counter it saw and applies just that; one that fell further behind reads the memory again.
 */
export const MEMORY_LOG_KEY = 'memoryLog';
export type MemoryLog = {
  readonly n: number;
  readonly recent: readonly { readonly n: number; readonly id: string }[];
};
const LOG_LENGTH = 1000;

type SettingsStore = {
  get(key: string): Promise<{ key: string; value: unknown } | undefined>;
  put(row: { key: string; value: unknown }): Promise<unknown>;
};

function asLog(value: unknown): MemoryLog {
  const log = value as MemoryLog | undefined;
  return log && typeof log.n === 'number' && Array.isArray(log.recent) ? log : { n: 0, recent: [] };
}

/** Notes changed entry ids in the log; call it in the transaction that changes them. */
export async function logMemoryChanges(settings: SettingsStore, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const log = asLog((await settings.get(MEMORY_LOG_KEY))?.value);
  let n = log.n;
  const added = ids.map((id) => ({ n: ++n, id }));
  // A long list of changes is kept only as its count: a reader that far behind reads everything anyway.
  const recent = added.length >= LOG_LENGTH ? [] : [...log.recent, ...added].slice(-LOG_LENGTH);
  await settings.put({ key: MEMORY_LOG_KEY, value: { n, recent } satisfies MemoryLog });
}

export async function readMemoryLog(db: AudarmaDb): Promise<MemoryLog> {
  return asLog((await db.get('settings', MEMORY_LOG_KEY))?.value);
}

export type MemoryChanges =
  | { readonly kind: 'all'; readonly n: number; readonly entries: MemoryEntry[] }
  | { readonly kind: 'some'; readonly n: number; readonly changed: MemoryEntry[]; readonly removed: string[] }
  | { readonly kind: 'none'; readonly n: number };

/**
 * What changed in the memory since log counter `since` (undefined: never read), read in one transaction so the
 * entries and the counter agree: nothing, the changed and removed entries, or (too far behind) every entry.
 */
export async function memoryChangesSince(db: AudarmaDb, since: number | undefined): Promise<MemoryChanges> {
  const tx = db.transaction(['memory', 'settings']);
  const log = asLog((await tx.objectStore('settings').get(MEMORY_LOG_KEY))?.value);
  if (since === log.n) {
    await tx.done;
    return { kind: 'none', n: log.n };
  }
  const first = log.recent[0];
  if (since === undefined || since > log.n || !first || first.n > since + 1) {
    const entries = await tx.objectStore('memory').getAll();
    await tx.done;
    return { kind: 'all', n: log.n, entries };
  }
  const ids = [...new Set(log.recent.filter((c) => c.n > since).map((c) => c.id))];
  const rows = await Promise.all(ids.map((id) => tx.objectStore('memory').get(id)));
  await tx.done;
  return {
    kind: 'some',
    n: log.n,
    changed: rows.filter((r): r is MemoryEntry => r !== undefined),
    removed: ids.filter((_, i) => rows[i] === undefined),
  };
}

// Any read-write transaction that includes the memory's stores (the caller's write may span more).
type MemoryTx = IDBPTransaction<AudarmaSchema, StoreNames<AudarmaSchema>[], 'readwrite'>;

/**
 * Keeps the project memory in step with one rendering write, inside the writer's transaction: an approval (or a
 * change of an approved text) writes the entry, with who and when and the first approver kept; undoing the
 * approval that wrote an entry takes it out again. Other writes leave the memory alone. Resolves to the id of the
 * entry written or removed, which the writer notes in the change log once for all its writes (a log entry per
 * write, issued side by side in one transaction, would read the same counter and lose each other's ids).
 */
export async function recordInMemory(
  tx: MemoryTx,
  before: Rendering | undefined,
  after: Rendering,
  lastAction: string | undefined,
): Promise<string | undefined> {
  const memory = tx.objectStore('memory');
  if (after.state !== 'approved') {
    if (before?.state === 'approved' && lastAction === 'revert') {
      const entry = await memory.get(after.id);
      if (entry && entry.updatedAt === before.updatedAt && entry.target === before.text) {
        await memory.delete(after.id);
        return after.id;
      }
    }
    return undefined;
  }
  if (before?.state === 'approved' && before.text === after.text) return undefined;
  const unit = await tx.objectStore('units').get(after.unitId);
  const document = await tx.objectStore('documents').get(after.documentId);
  const project = document ? await tx.objectStore('projects').get(document.projectId) : undefined;
  if (!unit || !project || after.text.trim() === '') return undefined;
  const previous =
    unit.index > 0
      ? await tx
          .objectStore('units')
          .index('byDocument')
          .get([unit.documentId, unit.index - 1])
      : undefined;
  const existing = await memory.get(after.id);
  const mt = unit.mt[after.lang];
  const context = previous ? previous.source || (previous.mt[after.lang] ?? '') : '';
  const entry: MemoryEntry = {
    id: after.id,
    memoryId: project.id,
    sourceLang: project.sourceLang,
    targetLang: after.lang,
    source: unit.source,
    target: after.text,
    ...(mt ? { mt } : {}),
    documentId: after.documentId,
    unitId: after.unitId,
    ...(context ? { context } : {}),
    createdBy: existing?.createdBy ?? after.updatedBy,
    createdAt: existing?.createdAt ?? after.updatedAt,
    updatedBy: after.updatedBy,
    updatedAt: after.updatedAt,
  };
  await memory.put(entry);
  return entry.id;
}

/** Every entry the project can draw on: its own memory and the memories imported into it. */
export async function listMemory(db: AudarmaDb, memoryIds: readonly string[]): Promise<MemoryEntry[]> {
  const tx = db.transaction('memory');
  const index = tx.store.index('byMemory');
  const lists = await Promise.all(memoryIds.map((id) => index.getAll(id)));
  await tx.done;
  return lists.flat();
}

/** Ids of the memories stored (the project's own and imported ones), with their entry counts. */
export async function listMemoryIds(db: AudarmaDb): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let cursor = await db.transaction('memory').store.index('byMemory').openKeyCursor();
  while (cursor) {
    counts.set(String(cursor.key), (counts.get(String(cursor.key)) ?? 0) + 1);
    cursor = await cursor.continue();
  }
  return counts;
}

/** Adds imported entries (a TMX memory) in one transaction: all of the file or none of it. */
export async function importMemory(db: AudarmaDb, entries: readonly MemoryEntry[]): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction(['memory', 'settings'], 'readwrite');
    await Promise.all([
      ...entries.map((e) => tx.objectStore('memory').put(e)),
      logMemoryChanges(
        tx.objectStore('settings'),
        entries.map((e) => e.id),
      ),
      tx.done,
    ]);
  });
}

/** Edits the target of one entry, recording who and when. */
export async function editMemoryEntry(
  db: AudarmaDb,
  id: string,
  target: string,
  by: string,
  at: number,
): Promise<MemoryEntry | undefined> {
  return guarded(async () => {
    const tx = db.transaction(['memory', 'settings'], 'readwrite');
    const entry = await tx.objectStore('memory').get(id);
    if (!entry) {
      await tx.done;
      return undefined;
    }
    // The coded target no longer matches an edited text; export falls back to the plain text anyway.
    const { targetContent: _codes, ...rest } = entry;
    const next: MemoryEntry = { ...rest, target, updatedBy: by, updatedAt: at };
    await Promise.all([
      tx.objectStore('memory').put(next),
      logMemoryChanges(tx.objectStore('settings'), [id]),
      tx.done,
    ]);
    return next;
  });
}

/** Removes entries (pruning a memory) in one transaction. */
export async function deleteMemoryEntries(db: AudarmaDb, ids: readonly string[]): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction(['memory', 'settings'], 'readwrite');
    await Promise.all([
      ...ids.map((id) => tx.objectStore('memory').delete(id)),
      logMemoryChanges(tx.objectStore('settings'), ids),
      tx.done,
    ]);
  });
}

/** Removes a whole memory (an imported one the reviewer no longer wants) in one transaction. */
export async function deleteMemory(db: AudarmaDb, memoryId: string): Promise<number> {
  return guarded(async () => {
    const tx = db.transaction(['memory', 'settings'], 'readwrite');
    const ids = await tx.objectStore('memory').index('byMemory').getAllKeys(memoryId);
    await Promise.all([
      ...ids.map((id) => tx.objectStore('memory').delete(id)),
      logMemoryChanges(tx.objectStore('settings'), ids),
      tx.done,
    ]);
    return ids.length;
  });
}
