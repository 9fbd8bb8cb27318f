import type { IDBPTransaction, StoreNames } from 'idb';
import type { AudarmaSchema, DismissalRow } from './db.ts';
import { checkSettingsKey } from './settings.ts';
import type { Annotation, Comment } from '../core/model/review.ts';
import type { CheckSettings } from '../core/checks/types.ts';
import type { LocalChange } from '../sync/protocol.ts';

/** A rendering id is the unit id and the language joined by the last colon (unit ids may hold colons). */
export function splitRenderingId(renderingId: string): { unitId: string; lang: string } {
  const at = renderingId.lastIndexOf(':');
  return { unitId: renderingId.slice(0, at), lang: renderingId.slice(at + 1) };
}

export function commentAdded(c: Comment): LocalChange {
  return {
    kind: 'comment',
    op: 'add',
    commentId: c.id,
    documentId: c.documentId,
    unitId: c.unitId,
    ...(c.lang !== undefined ? { lang: c.lang } : {}),
    text: c.text,
  };
}

export function annotationPut(a: Annotation): LocalChange {
  return {
    kind: 'annotation',
    op: 'put',
    annotationId: a.id,
    documentId: a.documentId,
    unitId: a.unitId,
    lang: a.lang,
    start: a.start,
    end: a.end,
    quote: a.quote,
    category: a.category,
    severity: a.severity,
    ...(a.note !== undefined ? { note: a.note } : {}),
    ...(a.fromCheck !== undefined ? { fromCheck: a.fromCheck } : {}),
    ...(a.message !== undefined ? { message: a.message } : {}),
  };
}

export function dismissalChange(row: DismissalRow, op: 'dismiss' | 'restore'): LocalChange {
  return {
    kind: 'dismissal',
    op,
    documentId: row.documentId,
    ...splitRenderingId(row.renderingId),
    issueKey: row.issueKey,
  };
}

export const NOTE_STORES = ['documents', 'comments', 'annotations', 'dismissals', 'settings'] as const;
type NotesTx = IDBPTransaction<AudarmaSchema, StoreNames<AudarmaSchema>[], 'readwrite'>;

/**
 * The notes a project already holds (comments with their resolution, annotations, dismissed issues, check
 * settings) as the changes that would have made them, so that sharing a project shares its discussion too.
 */
export async function existingNoteChanges(tx: NotesTx, projectId: string): Promise<LocalChange[]> {
  const documents = await tx.objectStore('documents').index('byProject').getAll(projectId);
  const changes: LocalChange[] = [];
  for (const { id: documentId } of documents) {
    const range = IDBKeyRange.bound([documentId, -Infinity], [documentId, Infinity]);
    const [comments, annotations, dismissals] = await Promise.all([
      tx.objectStore('comments').index('byDocumentOpen').getAll(range),
      tx
        .objectStore('annotations')
        .index('byDocumentLang')
        .getAll(IDBKeyRange.bound([documentId, ''], [documentId, '\uffff'])),
      tx.objectStore('dismissals').index('byDocument').getAll(documentId),
    ]);
    for (const c of [...comments].sort((a, b) => a.at - b.at)) changes.push(commentAdded(c));
    // A thread is resolved as a whole: one change per resolved unit, after its comments.
    const resolved = new Map<string, Comment>();
    for (const c of comments) if (c.open === 0) resolved.set(c.unitId, c);
    for (const c of resolved.values()) {
      changes.push({ kind: 'comment', op: 'resolve', documentId, unitId: c.unitId });
    }
    for (const a of [...annotations].sort((x, y) => x.at - y.at)) changes.push(annotationPut(a));
    for (const d of dismissals) changes.push(dismissalChange(d, 'dismiss'));
  }
  const settings = await tx.objectStore('settings').get(checkSettingsKey(projectId));
  if (settings) changes.push({ kind: 'settings', value: settings.value as CheckSettings });
  return changes;
}
