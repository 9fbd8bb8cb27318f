import type { IDBPTransaction, StoreNames } from 'idb';
import type { AudarmaDb, AudarmaSchema } from './db.ts';
import { guarded } from './errors.ts';
import type { MemoryEntry } from '../core/memory/types.ts';
import type { Rendering } from '../core/model/types.ts';

/** Stores an approval reads and writes to keep the memory in step; added to the approval's own transaction. */
export const MEMORY_STORES = ['units', 'documents', 'projects', 'memory'] as const;

// Any read-write transaction that includes the memory's stores (the caller's write may span more).
type MemoryTx = IDBPTransaction<AudarmaSchema, StoreNames<AudarmaSchema>[], 'readwrite'>;

/**
 * Keeps the project memory in step with one rendering write, inside the writer's transaction: an approval (or a
 * change of an approved text) writes the entry, with who and when and the first approver kept; undoing the
 * approval that wrote an entry takes it out again. Other writes leave the memory alone.
 */
export async function recordInMemory(
  tx: MemoryTx,
  before: Rendering | undefined,
  after: Rendering,
  lastAction: string | undefined,
): Promise<void> {
  const memory = tx.objectStore('memory');
  if (after.state !== 'approved') {
    if (before?.state === 'approved' && lastAction === 'revert') {
      const entry = await memory.get(after.id);
      if (entry && entry.updatedAt === before.updatedAt && entry.target === before.text)
        await memory.delete(after.id);
    }
    return;
  }
  if (before?.state === 'approved' && before.text === after.text) return;
  const unit = await tx.objectStore('units').get(after.unitId);
  const document = await tx.objectStore('documents').get(after.documentId);
  const project = document ? await tx.objectStore('projects').get(document.projectId) : undefined;
  if (!unit || !project || after.text.trim() === '') return;
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
    const tx = db.transaction('memory', 'readwrite');
    await Promise.all([...entries.map((e) => tx.store.put(e)), tx.done]);
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
    const tx = db.transaction('memory', 'readwrite');
    const entry = await tx.store.get(id);
    if (!entry) {
      await tx.done;
      return undefined;
    }
    const next: MemoryEntry = { ...entry, target, updatedBy: by, updatedAt: at };
    await Promise.all([tx.store.put(next), tx.done]);
    return next;
  });
}

/** Removes entries (pruning a memory) in one transaction. */
export async function deleteMemoryEntries(db: AudarmaDb, ids: readonly string[]): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction('memory', 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  });
}
