import type { AudarmaDb } from './db.ts';
import { guarded } from './errors.ts';
import { announceStored } from './changeFeed.ts';
import { renderingId, revisionId, type UnitId } from '../core/model/ids.ts';
import type { Rendering, Revision } from '../core/model/types.ts';
import type { RenderingChange, ServerChange, TermChange } from '../sync/protocol.ts';
import type { AudarmaSchema, TermRow } from './db.ts';
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Term } from '../core/model/term.ts';

type Pulled = RenderingChange & ServerChange;
type PulledTerm = TermChange & ServerChange;
type PullTx = IDBPTransaction<AudarmaSchema, StoreNames<AudarmaSchema>[], 'readwrite'>;

/**
 * A term's status from another reviewer: set on the term (added when this browser lacks it), with a history
 * record by its author; a past change only adds the record. Answers whether anything was written.
 */
async function applyTermChanges(tx: PullTx, changes: readonly { change: PulledTerm; current: boolean }[]) {
  const rows = new Map<string, TermRow | undefined>();
  const writes: Promise<unknown>[] = [];
  for (const { change, current } of changes) {
    if (!rows.has(change.entryId))
      rows.set(change.entryId, await tx.objectStore('terms').get(change.entryId));
    const row = rows.get(change.entryId);
    if (!row) continue;
    const before = row.terms.find((t) => t.lang === change.lang && t.text === change.text);
    writes.push(
      tx.objectStore('termHistory').add({
        entryId: change.entryId,
        at: change.at,
        by: change.author,
        change: before ? 'status' : 'term',
        before: before ? before.status : '',
        after: before ? change.status : change.text,
        lang: change.lang,
        term: change.text,
      } as AudarmaSchema['termHistory']['value']),
    );
    if (!current) continue;
    const term: Term = {
      lang: change.lang,
      text: change.text,
      status: change.status,
      setBy: change.author,
      setAt: change.at,
    };
    const terms = before ? row.terms.map((t) => (t === before ? term : t)) : [...row.terms, term];
    const keys = [...new Set(terms.map((t) => t.text.trim().toLowerCase()).filter(Boolean))];
    rows.set(change.entryId, { ...row, terms, keys, updatedAt: change.at });
  }
  for (const row of rows.values()) if (row) writes.push(tx.objectStore('terms').put(row));
  return { writes, touched: changes.some(({ change }) => rows.get(change.entryId) !== undefined) };
}

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
  const items = [
    ...fresh.map((change) => ({ change, current: true })),
    ...past.map((change) => ({ change, current: false })),
  ].sort((a, b) => a.change.seq - b.change.seq);
  const all = items.filter(
    (item): item is { change: Pulled; current: boolean } => item.change.kind === 'rendering',
  );
  const termItems = items.filter(
    (item): item is { change: PulledTerm; current: boolean } => item.change.kind === 'term',
  );
  if (items.length === 0) return [];
  return guarded(async () => {
    const tx = db.transaction(['documents', 'renderings', 'revisions', 'terms', 'termHistory'], 'readwrite');
    const termed = await applyTermChanges(tx, termItems);
    const documentIds = [...new Set(all.map((item) => item.change.documentId))];
    const held = await Promise.all(documentIds.map((id) => tx.objectStore('documents').getKey(id)));
    const known = new Set(documentIds.filter((_, i) => held[i] !== undefined));
    const renderings = new Map<string, Rendering | undefined>();
    const changed = new Set<UnitId>();
    const writes: Promise<unknown>[] = [...termed.writes];
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
    announceStored({ origin: 'pulled', unitIds: [...changed], glossary: termed.touched });
    return [...changed];
  });
}
