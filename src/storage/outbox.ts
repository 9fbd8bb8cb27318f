import type { IDBPTransaction, StoreNames } from 'idb';
import type { AudarmaDb, AudarmaSchema } from './db.ts';
import type { OutboxRow, ShareRow } from './outboxRows.ts';
import { existingNoteChanges, NOTE_STORES } from './noteChanges.ts';
import type { Revision } from '../core/model/types.ts';
import { TERM_STATUSES, type TermStatus } from '../core/model/term.ts';
import type { LocalChange, QueuedChange } from '../sync/protocol.ts';
import type { OutboxEdit, SyncState } from '../sync/syncState.ts';

/** Stores a write reads to find out whether its project is shared, and writes its outbox rows to. */
export const OUTBOX_STORES = ['documents', 'shares', 'outbox'] as const;
/** The same for a glossary write, whose entries name their project. */
export const TERM_OUTBOX_STORES = ['shares', 'outbox'] as const;

type OutboxTx = IDBPTransaction<AudarmaSchema, StoreNames<AudarmaSchema>[], 'readwrite'>;

/**
 * The shared project a document belongs to, read inside the write's transaction; null when not shared, or when the
 * document is one the server would not take from this user (it stays in this browser).
 */
export async function sharedProjectOf(tx: OutboxTx, documentId: string): Promise<string | null> {
  const document = await tx.objectStore('documents').get(documentId);
  if (!document) return null;
  const share = await tx.objectStore('shares').get(document.projectId);
  return share && !share.localOnly?.includes(documentId) ? document.projectId : null;
}

/**
 * Records documents the server refused to take from this user as kept in this browser only, and drops the changes
 * of theirs still waiting (the server has no such document to apply them to), in one transaction.
 */
export async function markLocalOnly(
  db: AudarmaDb,
  projectId: string,
  documentIds: readonly string[],
): Promise<void> {
  const tx = db.transaction(['shares', 'outbox'], 'readwrite');
  const share = await tx.objectStore('shares').get(projectId);
  if (!share) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return;
  }
  const local = new Set(documentIds);
  const writes: Promise<unknown>[] = [
    tx
      .objectStore('shares')
      .put({ ...share, localOnly: [...new Set([...(share.localOnly ?? []), ...documentIds])] }),
  ];
  let row = await tx.objectStore('outbox').index('byProject').openCursor(projectId);
  while (row) {
    const change = row.value.change;
    if ('documentId' in change && local.has(change.documentId)) writes.push(row.delete());
    row = await row.continue();
  }
  await Promise.all([...writes, tx.done]);
}

/** The documents of a shared project kept in this browser only, with their names. */
export async function listLocalOnly(
  db: AudarmaDb,
  projectId: string,
): Promise<{ readonly id: string; readonly name: string }[]> {
  const tx = db.transaction(['shares', 'documents']);
  const share = await tx.objectStore('shares').get(projectId);
  const documents = await Promise.all(
    (share?.localOnly ?? []).map((id) => tx.objectStore('documents').get(id)),
  );
  await tx.done;
  return documents.flatMap((d) => (d ? [{ id: d.id, name: d.name }] : []));
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

/**
 * Queues a change of a document's notes (a comment, an annotation, a dismissed issue) in the transaction that
 * writes it, when the document's project is shared; answers the pending write, or nothing when not shared.
 */
export async function queueDocumentChange(
  tx: OutboxTx,
  documentId: string,
  change: LocalChange,
): Promise<Promise<unknown>[]> {
  const projectId = await sharedProjectOf(tx, documentId);
  return projectId ? [queueChange(tx, projectId, change)] : [];
}

/** The same for a change of the project as a whole (its check settings). */
export async function queueProjectChange(
  tx: OutboxTx,
  projectId: string,
  change: LocalChange,
): Promise<Promise<unknown>[]> {
  const shared = (await tx.objectStore('shares').getKey(projectId)) !== undefined;
  return shared ? [queueChange(tx, projectId, change)] : [];
}

function queueChange(tx: OutboxTx, projectId: string, change: LocalChange): Promise<unknown> {
  const queued = { ...change, id: crypto.randomUUID() } as QueuedChange;
  return tx.objectStore('outbox').add({ projectId, change: queued } satisfies OutboxRow);
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

/**
 * Marks a project shared from now on: its later changes go to the outbox, and on the first share its comments,
 * annotations, dismissed issues and check settings too. Sharing again keeps what is there.
 */
export async function shareLocally(
  db: AudarmaDb,
  projectId: string,
  server: string,
  user: string,
): Promise<void> {
  const tx = db.transaction(['shares', 'outbox', ...NOTE_STORES], 'readwrite');
  const shares = tx.objectStore('shares');
  const existing = await shares.get(projectId);
  const same = existing && existing.server === server && existing.user === user;
  // Shared for the first time: the discussion so far goes with the project, queued with the share itself.
  const notes = existing ? [] : await existingNoteChanges(tx, projectId);
  await Promise.all([
    shares.put(
      same ? existing : { projectId, server, user, cursor: 0, heads: {}, mine: {}, conflicts: [], sent: {} },
    ),
    ...notes.map((change) => queueChange(tx, projectId, change)),
    tx.done,
  ]);
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
    refused: share?.refused ?? [],
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
  const { cursor, heads, mine, conflicts, refused, sent } = state;
  const writes: Promise<unknown>[] = [
    tx.objectStore('shares').put({ ...share, cursor, heads, mine, conflicts, refused, sent }),
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

type TermStatusRecord = {
  readonly entryId: string;
  readonly field: string;
  readonly lang?: string;
  readonly term?: string;
  readonly after: string | null;
};

/**
 * The other mapping to the team server's changes: each change of a term's status in a shared project becomes one
 * term change, queued in the glossary write's transaction. Other glossary edits stay local.
 */
export async function queueTermStatuses(
  tx: OutboxTx,
  entries: readonly { readonly id: string; readonly projectId: string }[],
  history: readonly TermStatusRecord[],
): Promise<Promise<unknown>[]> {
  const statuses = history.filter(
    (h) =>
      h.field === 'status' &&
      h.lang &&
      h.term &&
      (TERM_STATUSES as readonly string[]).includes(h.after ?? ''),
  );
  if (statuses.length === 0) return [];
  const projectOf = new Map(entries.map((e) => [e.id as string, e.projectId as string]));
  const shared = new Map<string, boolean>();
  for (const projectId of new Set(projectOf.values()))
    shared.set(projectId, (await tx.objectStore('shares').getKey(projectId)) !== undefined);
  return statuses.flatMap((h) => {
    const projectId = projectOf.get(h.entryId);
    if (!projectId || !shared.get(projectId)) return [];
    const change: QueuedChange = {
      id: crypto.randomUUID(),
      kind: 'term',
      entryId: h.entryId,
      lang: h.lang as string,
      text: h.term as string,
      status: h.after as TermStatus,
    };
    return [tx.objectStore('outbox').add({ projectId, change })];
  });
}
