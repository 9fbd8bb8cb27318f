import type { AudarmaDb } from './db.ts';
import { guarded } from './errors.ts';
import { renderingId, revisionId, type UnitId } from '../core/model/ids.ts';
import type { Lang } from '../core/model/lang.ts';
import type { Rendering, Revision } from '../core/model/types.ts';
import { transition, type RenderingAction, type TransitionError } from '../core/review/stateMachine.ts';

export type ActionOutcome =
  | { readonly ok: true; readonly rendering: Rendering; readonly revision: Revision }
  | { readonly ok: false; readonly error: TransitionError };

/**
 * Applies a reviewer action to one rendering: the new rendering and its revision are written in one
 * transaction, so an approval never exists without its history entry (nor the other way round).
 */
export async function applyAction(
  db: AudarmaDb,
  target: { readonly unitId: UnitId; readonly documentId: string; readonly lang: Lang },
  action: RenderingAction,
  author: string,
  now: number,
): Promise<ActionOutcome> {
  return guarded(async () => {
    const id = renderingId(target.unitId, target.lang);
    const tx = db.transaction(['renderings', 'revisions'], 'readwrite');
    const current = await tx.objectStore('renderings').get(id);
    const from = current?.state ?? 'new';
    const result = transition(from, current?.text ?? '', action);
    if (!result.ok) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return { ok: false, error: result.error };
    }
    const number = (current?.revision ?? 0) + 1;
    const rendering: Rendering = {
      id,
      unitId: target.unitId,
      documentId: target.documentId as Rendering['documentId'],
      lang: target.lang,
      text: result.value.text,
      state: result.value.state,
      updatedAt: now,
      updatedBy: author,
      revision: number,
    };
    const revision: Revision = {
      id: revisionId(`${id}#${number}`),
      renderingId: id,
      unitId: target.unitId,
      documentId: rendering.documentId,
      lang: target.lang,
      number,
      action: action.type,
      text: rendering.text,
      state: rendering.state,
      previousState: from,
      author,
      at: now,
      ...(result.value.note ? { note: result.value.note } : {}),
    };
    // `add`, not `put`: history is never overwritten; a clash aborts the whole transaction.
    await Promise.all([tx.objectStore('renderings').put(rendering), tx.objectStore('revisions').add(revision), tx.done]);
    return { ok: true, rendering, revision };
  });
}

export async function listRenderings(db: AudarmaDb, documentId: string, lang: Lang): Promise<Rendering[]> {
  return db.getAllFromIndex('renderings', 'byDocumentLang', [documentId, lang]);
}

export async function listRevisions(db: AudarmaDb, rendering: string): Promise<Revision[]> {
  return db.getAllFromIndex('revisions', 'byRendering', IDBKeyRange.bound([rendering, 0], [rendering, Infinity]));
}
