import type { AudarmaDb } from './db.ts';
import type { PendingKind, PendingRow } from './pendingRow.ts';
import { deleteDocumentCompletely, deleteEntriesCompletely } from './removeRows.ts';

export type { PendingKind, PendingRow } from './pendingRow.ts';

/**
 * The Web Locks API, where there is one. A tab holds the lock of each of its markers while the write runs; the
 * browser releases it when the tab is closed, reloaded or crashes, so a marker whose lock is free belongs to a
 * write that will never finish, and a marker whose lock is held belongs to a write running in another tab.
 */
type Locks = Pick<LockManager, 'request'>;
const theLocks = (): Locks | undefined => globalThis.navigator?.locks;

const lockName = (id: string) => `audarma-write:${id}`;

let counter = 0;
/** A marker id unique across tabs. */
export function pendingId(kind: PendingKind, now: number): string {
  counter += 1;
  return `${kind}:${now.toString(36)}:${Math.random().toString(36).slice(2, 10)}:${counter}`;
}

/** Runs `work` holding the lock of a marker (without a lock manager, as in Node, simply runs it). */
export async function holdingLock<T>(id: string, work: () => Promise<T>, locks = theLocks()): Promise<T> {
  if (!locks) return work();
  return locks.request(lockName(id), () => work()) as Promise<T>;
}

/**
 * Runs a long write under a marker: the marker is stored first, `work` writes the rows and must delete the
 * marker in the transaction that makes them visible. If `work` fails, the rows it staged are removed and the
 * marker with them; if even that fails, the marker stays and the next start removes them.
 */
export async function underMarker<T>(db: AudarmaDb, marker: PendingRow, work: () => Promise<T>): Promise<T> {
  return holdingLock(marker.id, async () => {
    await db.add('pending', marker);
    try {
      return await work();
    } catch (error) {
      try {
        await removeLeftovers(db, marker);
        await db.delete('pending', marker.id);
      } catch {
        // Left for the next start: the marker is still there, so its rows will be found and removed.
      }
      throw error;
    }
  });
}

/**
 * Removes the rows a marker stands for. Rows of a document or entry that is listed are never touched: a marker
 * is removed in the very transaction that lists its rows, so finding both would mean a bug, not a leftover.
 */
export async function removeLeftovers(db: AudarmaDb, marker: PendingRow): Promise<void> {
  for (const id of marker.documents) {
    if (await db.get('documents', id)) continue;
    await deleteDocumentCompletely(db, id);
  }
  const listed = new Set(
    (await Promise.all(marker.entries.map((id) => db.getKey('terms', id)))).filter((k) => k !== undefined),
  );
  await deleteEntriesCompletely(
    db,
    marker.entries.filter((id) => !listed.has(id)),
  );
}

/**
 * At start-up: every marker no running tab holds belongs to a write that was cut short (a reload, a closed tab,
 * a crash). Its rows are removed; the marker of a user's write stays as a notice (`interrupted`), the marker of
 * old data a finished restore left behind is simply removed. Returns the notices.
 */
export async function recoverPending(db: AudarmaDb, now: number, locks = theLocks()): Promise<PendingRow[]> {
  for (const row of await db.getAll('pending')) {
    if (row.interrupted !== undefined) continue;
    const clean = async () => {
      const current = await db.get('pending', row.id);
      if (!current || current.interrupted !== undefined) return;
      await removeLeftovers(db, current);
      if (current.kind === 'discard') await db.delete('pending', current.id);
      else await db.put('pending', { ...current, interrupted: now });
    };
    if (!locks) await clean();
    else
      await locks.request(lockName(row.id), { ifAvailable: true }, async (lock) => {
        if (lock) await clean();
      });
  }
  return listInterrupted(db);
}

/** Writes that were cut short and cleaned up, oldest first, until the user dismisses them. */
export async function listInterrupted(db: AudarmaDb): Promise<PendingRow[]> {
  return (await db.getAll('pending'))
    .filter((row) => row.interrupted !== undefined)
    .sort((a, b) => a.startedAt - b.startedAt);
}

export async function dismissInterrupted(db: AudarmaDb, ids: readonly string[]): Promise<void> {
  const tx = db.transaction('pending', 'readwrite');
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}
