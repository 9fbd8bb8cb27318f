import type { AudarmaDb } from './db.ts';
import { guarded } from './errors.ts';
import { announceStored } from './changeFeed.ts';
import { OUTBOX_STORES, queueDocumentChange } from './outbox.ts';
import { commentAdded } from './noteChanges.ts';
import { newId, type DocumentId, type UnitId } from '../core/model/ids.ts';
import type { Lang } from '../core/model/lang.ts';
import type { Comment } from '../core/model/review.ts';
import { fail, ok, type Result } from '../core/result.ts';

/** Longest comment accepted: a discussion note, not a document. */
export const MAX_COMMENT_LENGTH = 5000;

export type NewComment = {
  readonly documentId: DocumentId;
  readonly unitId: UnitId;
  readonly lang?: Lang;
  readonly author: string;
  readonly text: string;
  readonly at: number;
  readonly id?: string;
};

/**
 * Adds a comment to the thread of a unit. A comment on a resolved thread opens it again: the new comment is
 * open, the resolved ones keep who resolved them.
 */
export async function addComment(db: AudarmaDb, input: NewComment): Promise<Result<Comment>> {
  const text = input.text.trim();
  if (text === '') return fail({ message: `comment on unit ${input.unitId}: the text is empty` });
  if (text.length > MAX_COMMENT_LENGTH)
    return fail({
      message: `comment on unit ${input.unitId}: ${text.length} characters, at most ${MAX_COMMENT_LENGTH} allowed`,
    });
  const comment: Comment = {
    id: input.id ?? newId('cmt'),
    documentId: input.documentId,
    unitId: input.unitId,
    ...(input.lang !== undefined ? { lang: input.lang } : {}),
    author: input.author,
    at: input.at,
    text,
    open: 1,
  };
  return guarded(async () => {
    const tx = db.transaction(['comments', ...OUTBOX_STORES], 'readwrite');
    const queued = await queueDocumentChange(tx, comment.documentId, commentAdded(comment));
    await Promise.all([tx.objectStore('comments').add(comment), ...queued, tx.done]);
    announceStored({ origin: 'local', unitIds: [comment.unitId], notes: true });
    return ok(comment);
  });
}

const byTime = (a: Comment, b: Comment): number => a.at - b.at || a.id.localeCompare(b.id);

/** The thread of a unit: all its comments, oldest first. */
export async function listUnitComments(db: AudarmaDb, unitId: UnitId | string): Promise<Comment[]> {
  return (await db.getAllFromIndex('comments', 'byUnit', unitId)).sort(byTime);
}

/** Open comments of a document, through the [documentId, open] index. */
export async function listOpenComments(db: AudarmaDb, documentId: DocumentId | string): Promise<Comment[]> {
  return (await db.getAllFromIndex('comments', 'byDocumentOpen', [documentId, 1])).sort(byTime);
}

/** Every comment of a document, open and resolved: one index range. */
export async function listDocumentComments(
  db: AudarmaDb,
  documentId: DocumentId | string,
): Promise<Comment[]> {
  return (
    await db.getAllFromIndex(
      'comments',
      'byDocumentOpen',
      IDBKeyRange.bound([documentId, 0], [documentId, 1]),
    )
  ).sort(byTime);
}

/** Resolves the thread of a unit: every open comment closed, in one transaction. Returns how many were closed. */
export async function resolveThread(
  db: AudarmaDb,
  unitId: UnitId | string,
  by: string,
  at: number,
): Promise<number> {
  return guarded(async () => {
    const tx = db.transaction(['comments', ...OUTBOX_STORES], 'readwrite');
    const store = tx.objectStore('comments');
    const comments = await store.index('byUnit').getAll(unitId);
    const open = comments.filter((c) => c.open === 1);
    const queued = open[0]
      ? await queueDocumentChange(tx, open[0].documentId, {
          kind: 'comment',
          op: 'resolve',
          documentId: open[0].documentId,
          unitId: open[0].unitId,
        })
      : [];
    await Promise.all([
      ...open.map((c) => store.put({ ...c, open: 0, resolvedBy: by, resolvedAt: at })),
      ...queued,
      tx.done,
    ]);
    if (open.length > 0) announceStored({ origin: 'local', unitIds: [unitId], notes: true });
    return open.length;
  });
}

/** Opens a resolved thread again: every comment of the unit open, resolution cleared, in one transaction. */
export async function reopenThread(db: AudarmaDb, unitId: UnitId | string): Promise<number> {
  return guarded(async () => {
    const tx = db.transaction(['comments', ...OUTBOX_STORES], 'readwrite');
    const store = tx.objectStore('comments');
    const comments = await store.index('byUnit').getAll(unitId);
    const closed = comments.filter((c) => c.open === 0);
    const queued = closed[0]
      ? await queueDocumentChange(tx, closed[0].documentId, {
          kind: 'comment',
          op: 'reopen',
          documentId: closed[0].documentId,
          unitId: closed[0].unitId,
        })
      : [];
    await Promise.all([
      ...closed.map(({ resolvedBy: _by, resolvedAt: _at, ...c }) => store.put({ ...c, open: 1 })),
      ...queued,
      tx.done,
    ]);
    if (closed.length > 0) announceStored({ origin: 'local', unitIds: [unitId], notes: true });
    return closed.length;
  });
}

/** Removes one comment (its author withdrawing it). */
export async function deleteComment(db: AudarmaDb, id: string): Promise<void> {
  await guarded(async () => {
    const tx = db.transaction(['comments', ...OUTBOX_STORES], 'readwrite');
    const comment = await tx.objectStore('comments').get(id);
    const queued = comment
      ? await queueDocumentChange(tx, comment.documentId, {
          kind: 'comment',
          op: 'delete',
          commentId: id,
          documentId: comment.documentId,
          unitId: comment.unitId,
          ...(comment.lang !== undefined ? { lang: comment.lang } : {}),
        })
      : [];
    await Promise.all([tx.objectStore('comments').delete(id), ...queued, tx.done]);
    if (comment) announceStored({ origin: 'local', unitIds: [comment.unitId], notes: true });
  });
}
