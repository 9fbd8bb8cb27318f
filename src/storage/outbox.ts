import type { IDBPTransaction, StoreNames } from 'idb';
import type { AudarmaDb, AudarmaSchema } from './db.ts';
import type { OutboxRow, ShareRow } from './outboxRows.ts';
import type { Revision } from '../core/model/types.ts';
import type { QueuedChange } from '../sync/protocol.ts';
import type { OutboxEdit, SyncState } from '../sync/syncState.ts';

/** Stores a write reads to find out whether its project is shared, and writes its outbox rows to. */
export const OUTBOX_STORES = ['documents', 'shares', 'outbox'] as const;

type OutboxTx = IDBPTransaction<AudarmaSchema, StoreNames<AudarmaSchema>[], 'readwrite'>;

/** The shared project a document belongs to, read inside the write's transaction; null when not shared. */
export async function sharedProjectOf(tx: OutboxTx, documentId: string): Promise<string | null> {
  const document = await tx.objectStore('documents').get(documentId);
  if (!document) return null;
  return (await tx.objectStore('shares').getKey(document.projectId)) !== undefined
    ? document.projectId
    : null;
}

/**
 * The one mapping from a revision to the change the team server records: every revision of a shared project
 * becomes one change, queued in the transaction that writes the revision, so one never exists without the other.
 */
export function revisionChange(revision: Revision): QueuedChange {
  return {
    id: crypto.randomUUID(),
    kind: 'rendering',
    documentId: revision.documentId,
    unitId: revision.unitId,
    lang: revision.lang,
    action: revision.action,
    text: revision.text,
    state: revision.state,
    ...(revision.note !== undefined ? { note: revision.note } : {}),
  };
}

export function queueRevisions(
  tx: OutboxTx,
  projectId: string,
  revisions: readonly Revision[],
): Promise<unknown>[] {
  return revisions.map((r) => tx.objectStore('outbox').add({ projectId, change: revisionChange(r) }));
}

export async function getShare(db: AudarmaDb, projectId: string): Promise<ShareRow | undefined> {
  return db.get('shares', projectId);
}

/** Marks a project shared from now on: its later changes go to the outbox. Sharing again keeps what is there. */
export async function shareLocally(
  db: AudarmaDb,
  projectId: string,
  server: string,
  user: string,
): Promise<void> {
  const tx = db.transaction('shares', 'readwrite');
  const existing = await tx.store.get(projectId);
  const same = existing && existing.server === server && existing.user === user;
  await tx.store.put(
    same ? existing : { projectId, server, user, cursor: 0, heads: {}, mine: {}, conflicts: [], sent: {} },
  );
  await tx.done;
}

/** The sync state of a shared project, with its outbox in the order the changes were made. */
export async function loadSyncState(db: AudarmaDb, projectId: string): Promise<SyncState> {
  const tx = db.transaction(['shares', 'outbox']);
  const [share, rows] = await Promise.all([
    tx.objectStore('shares').get(projectId),
    tx.objectStore('outbox').index('byProject').getAll(projectId),
  ]);
  await tx.done;
  return {
    cursor: share?.cursor ?? 0,
    heads: share?.heads ?? {},
    mine: share?.mine ?? {},
    conflicts: share?.conflicts ?? [],
    sent: share?.sent ?? {},
    outbox: rows.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).map((r) => r.change),
  };
}

export async function saveSyncState(
  db: AudarmaDb,
  projectId: string,
  state: SyncState,
  edit: OutboxEdit = {},
): Promise<void> {
  const tx = db.transaction(['shares', 'outbox'], 'readwrite');
  const share = await tx.objectStore('shares').get(projectId);
  if (!share) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return;
  }
  const { cursor, heads, mine, conflicts, sent } = state;
  const writes: Promise<unknown>[] = [
    tx.objectStore('shares').put({ ...share, cursor, heads, mine, conflicts, sent }),
  ];
  const gone = new Set(edit.sent ?? []);
  if (gone.size > 0) {
    let cursorRow = await tx.objectStore('outbox').index('byProject').openCursor(projectId);
    while (cursorRow) {
      if (gone.has(cursorRow.value.change.id)) writes.push(cursorRow.delete());
      cursorRow = await cursorRow.continue();
    }
  }
  for (const change of edit.queued ?? [])
    writes.push(tx.objectStore('outbox').add({ projectId, change } satisfies OutboxRow));
  await Promise.all([...writes, tx.done]);
}
