import type { AudarmaDb, DismissalRow } from './db.ts';
import { announceStored } from './changeFeed.ts';
import { OUTBOX_STORES, queueDocumentChange } from './outbox.ts';
import { dismissalChange, splitRenderingId } from './noteChanges.ts';

/** Marks one QA issue of a rendering "not an error"; re-checks keep it hidden while its id stays the same. */
export async function dismissIssue(
  db: AudarmaDb,
  input: {
    readonly renderingId: string;
    readonly documentId: string;
    readonly issueKey: string;
    readonly by: string;
    readonly at: number;
  },
): Promise<DismissalRow> {
  const row: DismissalRow = { id: `${input.renderingId}|${input.issueKey}`, ...input };
  const tx = db.transaction(['dismissals', ...OUTBOX_STORES], 'readwrite');
  const queued = await queueDocumentChange(tx, row.documentId, dismissalChange(row, 'dismiss'));
  await Promise.all([tx.objectStore('dismissals').put(row), ...queued, tx.done]);
  announceStored({ origin: 'local', unitIds: [splitRenderingId(row.renderingId).unitId], notes: true });
  return row;
}

/** Takes a "not an error" back. */
export async function restoreIssue(db: AudarmaDb, renderingId: string, issueKey: string): Promise<void> {
  const tx = db.transaction(['dismissals', ...OUTBOX_STORES], 'readwrite');
  const id = `${renderingId}|${issueKey}`;
  const row = await tx.objectStore('dismissals').get(id);
  const queued = row ? await queueDocumentChange(tx, row.documentId, dismissalChange(row, 'restore')) : [];
  await Promise.all([tx.objectStore('dismissals').delete(id), ...queued, tx.done]);
  if (row) announceStored({ origin: 'local', unitIds: [splitRenderingId(renderingId).unitId], notes: true });
}

export async function listDismissals(db: AudarmaDb, documentId: string): Promise<DismissalRow[]> {
  return db.getAllFromIndex('dismissals', 'byDocument', documentId);
}

export async function listRenderingDismissals(db: AudarmaDb, renderingId: string): Promise<DismissalRow[]> {
  return db.getAllFromIndex('dismissals', 'byRendering', renderingId);
}
