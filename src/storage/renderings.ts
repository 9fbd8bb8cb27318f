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
 * Applies reviewer actions to one rendering, in order ("edit then approve" for an approval with changes). All the
 * resulting revisions and the final rendering are written in one transaction: an approval never exists without
 * its history entry, nor half of a multi-step change. The first refused action refuses the whole batch.
 */
export async function applyActions(
  db: AudarmaDb,
  target: { readonly unitId: UnitId; readonly documentId: string; readonly lang: Lang },
  actions: readonly RenderingAction[],
  author: string,
  now: number,
): Promise<ActionOutcome> {
  return guarded(async () => {
    const id = renderingId(target.unitId, target.lang);
    const tx = db.transaction(['renderings', 'revisions'], 'readwrite');
    const current = await tx.objectStore('renderings').get(id);
    let state = current?.state ?? 'new';
    let text = current?.text ?? '';
    let number = current?.revision ?? 0;
    const revisions: Revision[] = [];
    for (const action of actions) {
      const result = transition(state, text, action);
      if (!result.ok) {
        tx.abort();
        await tx.done.catch(() => undefined);
        return { ok: false, error: result.error };
      }
      number += 1;
      revisions.push({
        id: revisionId(`${id}#${number}`),
        renderingId: id,
        unitId: target.unitId,
        documentId: target.documentId as Revision['documentId'],
        lang: target.lang,
        number,
        action: action.type,
        text: result.value.text,
        state: result.value.state,
        previousState: state,
        author,
        at: now,
        ...(result.value.note ? { note: result.value.note } : {}),
      });
      state = result.value.state;
      text = result.value.text;
    }
    const revision = revisions.at(-1);
    if (!revision) throw new Error('applyActions needs at least one action');
    const rendering: Rendering = {
      id,
      unitId: target.unitId,
      documentId: target.documentId as Rendering['documentId'],
      lang: target.lang,
      text,
      state,
      updatedAt: now,
      updatedBy: author,
      revision: number,
    };
    // `add`, not `put`: history is never overwritten; a clash aborts the whole transaction.
    await Promise.all([
      tx.objectStore('renderings').put(rendering),
      ...revisions.map((r) => tx.objectStore('revisions').add(r)),
      tx.done,
    ]);
    return { ok: true, rendering, revision };
  });
}

export function applyAction(
  db: AudarmaDb,
  target: { readonly unitId: UnitId; readonly documentId: string; readonly lang: Lang },
  action: RenderingAction,
  author: string,
  now: number,
): Promise<ActionOutcome> {
  return applyActions(db, target, [action], author, now);
}

export async function listRenderings(db: AudarmaDb, documentId: string, lang: Lang): Promise<Rendering[]> {
  return db.getAllFromIndex('renderings', 'byDocumentLang', [documentId, lang]);
}

export async function listRevisions(db: AudarmaDb, rendering: string): Promise<Revision[]> {
  return db.getAllFromIndex(
    'revisions',
    'byRendering',
    IDBKeyRange.bound([rendering, 0], [rendering, Infinity]),
  );
}

/** Every revision of a document (all languages), read through the byDocument index. */
export async function listDocumentRevisions(db: AudarmaDb, documentId: string): Promise<Revision[]> {
  return db.getAllFromIndex('revisions', 'byDocument', documentId);
}
