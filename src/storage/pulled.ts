import type { AudarmaDb } from './db.ts';
import { guarded } from './errors.ts';
import { announceStored } from './changeFeed.ts';
import { renderingId, revisionId, type UnitId } from '../core/model/ids.ts';
import type { Rendering, Revision } from '../core/model/types.ts';
import type { RenderingChange, ServerChange } from '../sync/protocol.ts';

type Pulled = RenderingChange & ServerChange;

/**
 * Writes changes from other reviewers, as the team server ordered them, in one transaction: each becomes a
 * revision by its author at the server's time. `fresh` changes also become the rendering's text and state;
 * `past` ones (that lost to a later change here) go into the history only. A change for a document this browser
 * does not hold is left out. Answers the units whose renderings changed, for the workbench to read again.
 */
export async function applyPulled(
  db: AudarmaDb,
  fresh: readonly ServerChange[],
  past: readonly ServerChange[],
): Promise<readonly UnitId[]> {
  const all = [
    ...fresh.map((change) => ({ change, current: true })),
    ...past.map((change) => ({ change, current: false })),
  ]
    .filter((item): item is { change: Pulled; current: boolean } => item.change.kind === 'rendering')
    .sort((a, b) => a.change.seq - b.change.seq);
  if (all.length === 0) return [];
  return guarded(async () => {
    const tx = db.transaction(['documents', 'renderings', 'revisions'], 'readwrite');
    const documentIds = [...new Set(all.map((item) => item.change.documentId))];
    const held = await Promise.all(documentIds.map((id) => tx.objectStore('documents').getKey(id)));
    const known = new Set(documentIds.filter((_, i) => held[i] !== undefined));
    const renderings = new Map<string, Rendering | undefined>();
    const changed = new Set<UnitId>();
    const writes: Promise<unknown>[] = [];
    for (const { change, current } of all) {
      if (!known.has(change.documentId)) continue;
      const id = renderingId(change.unitId as UnitId, change.lang);
      if (!renderings.has(id)) renderings.set(id, await tx.objectStore('renderings').get(id));
      const before = renderings.get(id);
      const number = (before?.revision ?? 0) + 1;
      const previousState = before?.state ?? 'new';
      const revision: Revision = {
        id: revisionId(`${id}#${number}`),
        renderingId: id,
        unitId: change.unitId as UnitId,
        documentId: change.documentId as Revision['documentId'],
        lang: change.lang,
        number,
        action: change.action,
        text: change.text,
        state: change.state,
        previousState,
        author: change.author,
        at: change.at,
        ...(change.note !== undefined ? { note: change.note } : {}),
      };
      // A past change keeps the rendering's text and state, but still takes a revision number: history is
      // numbered in the order it reached this browser.
      const after: Rendering = current
        ? {
            id,
            unitId: revision.unitId,
            documentId: change.documentId as Rendering['documentId'],
            lang: change.lang,
            text: change.text,
            state: change.state,
            updatedAt: change.at,
            updatedBy: change.author,
            revision: number,
            ...(change.state === 'rejected' && change.note ? { reason: change.note } : {}),
          }
        : ({ ...(before as Rendering), revision: number } as Rendering);
      if (!current && !before) continue;
      renderings.set(id, after);
      writes.push(tx.objectStore('revisions').add(revision));
      changed.add(revision.unitId);
    }
    for (const rendering of renderings.values())
      if (rendering) writes.push(tx.objectStore('renderings').put(rendering));
    await Promise.all([...writes, tx.done]);
    announceStored({ origin: 'pulled', unitIds: [...changed] });
    return [...changed];
  });
}
