import type { AudarmaDb } from './db.ts';
import { guarded } from './errors.ts';
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
    const tx = db.transaction('comments', 'readwrite');
    await Promise.all([tx.store.add(comment), tx.done]);
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
    const tx = db.transaction('comments', 'readwrite');
    const comments = await tx.store.index('byUnit').getAll(unitId);
    const open = comments.filter((c) => c.open === 1);
    await Promise.all([
      ...open.map((c) => tx.store.put({ ...c, open: 0, resolvedBy: by, resolvedAt: at })),
      tx.done,
    ]);
    return open.length;
  });
}

/** Opens a resolved thread again: every comment of the unit open, resolution cleared, in one transaction. */
export async function reopenThread(db: AudarmaDb, unitId: UnitId | string): Promise<number> {
  return guarded(async () => {
    const tx = db.transaction('comments', 'readwrite');
    const comments = await tx.store.index('byUnit').getAll(unitId);
    const closed = comments.filter((c) => c.open === 0);
    await Promise.all([
      ...closed.map(({ resolvedBy: _by, resolvedAt: _at, ...c }) => tx.store.put({ ...c, open: 1 })),
      tx.done,
    ]);
    return closed.length;
  });
}

/** Removes one comment (its author withdrawing it). */
export async function deleteComment(db: AudarmaDb, id: string): Promise<void> {
  await guarded(async () => {
    const tx = db.transaction('comments', 'readwrite');
    await Promise.all([tx.store.delete(id), tx.done]);
  });
}
