import type { AudarmaDb } from './db.ts';
import { guarded } from './errors.ts';
import { pendingId, underMarker } from './pending.ts';
import { logMemoryChanges, MEMORY_STORES, recordInMemory } from './memory.ts';
import { OUTBOX_STORES, queueRevisions, sharedProjectOf } from './outbox.ts';
import { announceStored } from './changeFeed.ts';
import { renderingId, revisionId, type UnitId } from '../core/model/ids.ts';
import type { Lang } from '../core/model/lang.ts';
import type { Rendering, Revision } from '../core/model/types.ts';
import {
  expectationHolds,
  transition,
  type Expectation,
  type RenderingAction,
  type TransitionError,
} from '../core/review/stateMachine.ts';

export type ActionOutcome =
  | { readonly ok: true; readonly rendering: Rendering; readonly revision: Revision }
  | { readonly ok: false; readonly error: TransitionError };

type Target = { readonly unitId: UnitId; readonly documentId: string; readonly lang: Lang };

type Plan =
  | { readonly ok: true; readonly rendering: Rendering; readonly revisions: readonly Revision[] }
  | { readonly ok: false; readonly error: TransitionError };

/** Runs actions through the state machine from the stored rendering; builds the rows to write, writes nothing. */
function plan(
  current: Rendering | undefined,
  target: Target,
  actions: readonly RenderingAction[],
  author: string,
  now: number,
  expect?: Expectation,
): Plan {
  const id = renderingId(target.unitId, target.lang);
  let state = current?.state ?? 'new';
  if (!expectationHolds(expect, current))
    return { ok: false, error: { code: 'stale', from: state, action: actions[0]?.type ?? 'edit' } };
  let text = current?.text ?? '';
  let number = current?.revision ?? 0;
  const revisions: Revision[] = [];
  for (const action of actions) {
    const result = transition(state, text, action);
    if (!result.ok) return { ok: false, error: result.error };
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
  if (revisions.length === 0) throw new Error('at least one action is needed');
  const rejection = [...revisions].reverse().find((r) => r.action === 'reject')?.note ?? current?.reason;
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
    ...(state === 'rejected' && rejection ? { reason: rejection } : {}),
  };
  return { ok: true, rendering, revisions };
}

/**
 * Applies reviewer actions to one rendering, in order ("edit then approve" for an approval with changes). All the
 * resulting revisions and the final rendering are written in one transaction: an approval never exists without
 * its history entry, nor half of a multi-step change. The first refused action refuses the whole batch.
 * With `expect`, the rendering read inside the transaction must still be what the writer saw; otherwise nothing is
 * written and the outcome is `stale`. Every writer of a rendering (editor, one-click fix, find and replace, restore,
 * undo) goes through here or `applyBulk`, so the check and the write are one atomic step.
 */
export async function applyActions(
  db: AudarmaDb,
  target: Target,
  actions: readonly RenderingAction[],
  author: string,
  now: number,
  expect?: Expectation,
): Promise<ActionOutcome> {
  return guarded(async () => {
    const tx = db.transaction(['renderings', 'revisions', ...MEMORY_STORES, ...OUTBOX_STORES], 'readwrite');
    const [current, shared] = await Promise.all([
      tx.objectStore('renderings').get(renderingId(target.unitId, target.lang)),
      sharedProjectOf(tx, target.documentId),
    ]);
    const planned = plan(current, target, actions, author, now, expect);
    if (!planned.ok) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return { ok: false, error: planned.error };
    }
    // `add`, not `put`: history is never overwritten; a clash aborts the whole transaction.
    await Promise.all([
      tx.objectStore('renderings').put(planned.rendering),
      ...planned.revisions.map((r) => tx.objectStore('revisions').add(r)),
      recordInMemory(tx, current, planned.rendering, actions.at(-1)?.type).then((id) =>
        logMemoryChanges(tx.objectStore('settings'), id === undefined ? [] : [id]),
      ),
      ...(shared ? queueRevisions(tx, shared, planned.revisions) : []),
      tx.done,
    ]);
    announceStored({ origin: 'local', unitIds: [target.unitId] });
    return { ok: true, rendering: planned.rendering, revision: planned.revisions.at(-1) as Revision };
  });
}

/** Items per slice of a bulk change: the slices share one transaction; each is read and written between awaits. */
export const BULK_CHUNK = 500;

export type BulkItem = {
  readonly target: Target;
  readonly actions: readonly RenderingAction[];
  /** When given, the item is refused (counted, not applied) unless the rendering is still as expected. */
  readonly expect?: Expectation;
};
export type BulkResult = {
  /** Renderings as written, with what they were before, so the change can be undone. */
  readonly changed: readonly { readonly before: Rendering | undefined; readonly after: Rendering }[];
  readonly refused: number;
};

/**
 * Applies actions to many renderings (bulk approve, copy machine translation, replace all). All of it is one
 * transaction, fed in slices so the page stays responsive: a bulk change lands whole or not at all, whatever
 * happens to the page, and a pending marker written just before tells the next start if it did not land. An item
 * the state machine refuses is skipped and counted, never half-applied.
 */
export async function applyBulk(
  db: AudarmaDb,
  items: readonly BulkItem[],
  author: string,
  now: number,
  onProgress?: (done: number, total: number) => void,
  slice = BULK_CHUNK,
): Promise<BulkResult> {
  const changed: { before: Rendering | undefined; after: Rendering }[] = [];
  let refused = 0;
  const first = items[0]?.target.documentId;
  const document = first === undefined ? undefined : await guarded(() => db.get('documents', first));
  const marker = {
    id: pendingId('bulk', now),
    kind: 'bulk' as const,
    name: document?.name ?? first ?? '',
    startedAt: now,
    documents: [],
    entries: [],
  };
  await guarded(() =>
    underMarker(db, marker, async () => {
      const tx = db.transaction(
        ['renderings', 'revisions', 'pending', ...MEMORY_STORES, ...OUTBOX_STORES],
        'readwrite',
      );
      const done = tx.done;
      done.catch(() => undefined);
      const renderings = tx.objectStore('renderings');
      const shares = new Map<string, string | null>();
      const remembered: string[] = [];
      try {
        for (let i = 0; i < items.length; i += slice) {
          const chunk = items.slice(i, i + slice);
          for (const documentId of new Set(chunk.map((item) => item.target.documentId)))
            if (!shares.has(documentId)) shares.set(documentId, await sharedProjectOf(tx, documentId));
          const currents = await Promise.all(
            chunk.map((item) => renderings.get(renderingId(item.target.unitId, item.target.lang))),
          );
          const writes: Promise<unknown>[] = [];
          chunk.forEach((item, k) => {
            const planned = plan(currents[k], item.target, item.actions, author, now, item.expect);
            if (!planned.ok) {
              refused += 1;
              return;
            }
            writes.push(
              renderings.put(planned.rendering),
              ...planned.revisions.map((r) => tx.objectStore('revisions').add(r)),
              recordInMemory(tx, currents[k], planned.rendering, item.actions.at(-1)?.type).then((id) => {
                if (id !== undefined) remembered.push(id);
              }),
            );
            const shared = shares.get(item.target.documentId);
            if (shared) writes.push(...queueRevisions(tx, shared, planned.revisions));
            changed.push({ before: currents[k], after: planned.rendering });
          });
          await Promise.all(writes);
          onProgress?.(Math.min(items.length, i + slice), items.length);
        }
        await logMemoryChanges(tx.objectStore('settings'), remembered);
        await tx.objectStore('pending').delete(marker.id);
      } catch (error) {
        try {
          tx.abort();
        } catch {
          // A failed request has aborted it already.
        }
        throw error;
      }
      await done;
    }),
  );
  announceStored({ origin: 'local', unitIds: changed.map((c) => c.after.unitId) });
  return { changed, refused };
}

export function applyAction(
  db: AudarmaDb,
  target: Target,
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

/** Renderings (every language) of the given units, through the unit index: for one page of a long document. */
export async function listUnitRenderings(db: AudarmaDb, unitIds: readonly string[]): Promise<Rendering[]> {
  const tx = db.transaction('renderings');
  const index = tx.store.index('byUnit');
  const perUnit = await Promise.all(unitIds.map((id) => index.getAll(id)));
  await tx.done;
  return perUnit.flat();
}
