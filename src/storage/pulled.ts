import type { AudarmaDb } from './db.ts';
import { guarded } from './errors.ts';
import { announceStored } from './changeFeed.ts';
import { renderingId, revisionId, type UnitId } from '../core/model/ids.ts';
import type { Rendering, Revision } from '../core/model/types.ts';
import type {
  AnnotationChange,
  CommentChange,
  DismissalChange,
  RenderingChange,
  ServerChange,
  SettingsChange,
  TermChange,
} from '../sync/protocol.ts';
import { checkSettingsKey } from './checkSettings.ts';
import type { AudarmaSchema, TermRow } from './db.ts';
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Term } from '../core/model/term.ts';
import type { Annotation, Comment } from '../core/model/review.ts';

type Pulled = RenderingChange & ServerChange;
type PulledTerm = TermChange & ServerChange;
type PulledNote = (CommentChange | AnnotationChange | DismissalChange | SettingsChange) & ServerChange;
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

const isNote = (c: ServerChange): c is PulledNote =>
  c.kind === 'comment' || c.kind === 'annotation' || c.kind === 'dismissal' || c.kind === 'settings';

/**
 * Comments, annotations, dismissed issues and check settings from others, as they now stand: each written with
 * its author and time as the server recorded them. Notes of documents this browser does not hold are left out.
 */
async function applyNoteChanges(
  tx: PullTx,
  changes: readonly PulledNote[],
  known: ReadonlySet<string>,
  projectId: string | undefined,
) {
  const writes: Promise<unknown>[] = [];
  const units = new Set<string>();
  let settings = false;
  for (const change of changes) {
    if (change.kind === 'settings') {
      if (!projectId) continue;
      writes.push(tx.objectStore('settings').put({ key: checkSettingsKey(projectId), value: change.value }));
      settings = true;
      continue;
    }
    if (!known.has(change.documentId)) continue;
    units.add(change.unitId);
    switch (change.kind) {
      case 'comment':
        if (change.op === 'add') {
          writes.push(
            tx.objectStore('comments').put({
              id: change.commentId,
              documentId: change.documentId as Comment['documentId'],
              unitId: change.unitId as UnitId,
              ...(change.lang !== undefined ? { lang: change.lang } : {}),
              author: change.author,
              at: change.at,
              text: change.text,
              open: 1,
            }),
          );
        } else if (change.op === 'delete') {
          writes.push(tx.objectStore('comments').delete(change.commentId));
        } else {
          // Awaited before the next change: a comment added after a resolve in the same page must stay open.
          const thread = await tx.objectStore('comments').index('byUnit').getAll(change.unitId);
          for (const comment of thread) {
            const { resolvedBy: _by, resolvedAt: _at, ...rest } = comment;
            writes.push(
              tx
                .objectStore('comments')
                .put(
                  change.op === 'resolve'
                    ? { ...rest, open: 0, resolvedBy: change.author, resolvedAt: change.at }
                    : { ...rest, open: 1 },
                ),
            );
          }
        }
        break;
      case 'annotation':
        if (change.op === 'delete') writes.push(tx.objectStore('annotations').delete(change.annotationId));
        else
          writes.push(
            tx.objectStore('annotations').put({
              id: change.annotationId,
              documentId: change.documentId as Annotation['documentId'],
              unitId: change.unitId as UnitId,
              lang: change.lang,
              start: change.start,
              end: change.end,
              quote: change.quote,
              category: change.category,
              severity: change.severity,
              author: change.author,
              at: change.at,
              ...(change.note !== undefined ? { note: change.note } : {}),
              ...(change.fromCheck !== undefined ? { fromCheck: change.fromCheck } : {}),
              ...(change.message !== undefined ? { message: change.message } : {}),
            }),
          );
        break;
      case 'dismissal': {
        const rendering = renderingId(change.unitId as UnitId, change.lang);
        const id = `${rendering}|${change.issueKey}`;
        if (change.op === 'restore') writes.push(tx.objectStore('dismissals').delete(id));
        else
          writes.push(
            tx.objectStore('dismissals').put({
              id,
              renderingId: rendering,
              documentId: change.documentId,
              issueKey: change.issueKey,
              by: change.author,
              at: change.at,
            }),
          );
        break;
      }
    }
  }
  return { writes, units, settings };
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
  /** The shared project the changes are of (where its check settings go). */
  projectId?: string,
): Promise<readonly UnitId[]> {
  const pulled = [
    ...fresh.map((change) => ({ change, current: true })),
    ...past.map((change) => ({ change, current: false })),
  ].sort((a, b) => a.change.seq - b.change.seq);
  if (pulled.length === 0) return [];
  return guarded(async () => {
    const tx = db.transaction(
      [
        'documents',
        'renderings',
        'revisions',
        'terms',
        'termHistory',
        'comments',
        'annotations',
        'dismissals',
        'settings',
        'shares',
      ],
      'readwrite',
    );
    // Changes the downloaded content already contains are not applied again; each is expected once, so it is
    // crossed off as it arrives.
    const share = projectId ? await tx.objectStore('shares').get(projectId) : undefined;
    const reflected = new Set(share?.reflected ?? []);
    const items = pulled.filter((item) => !reflected.has(item.change.id));
    const arrived = new Set(pulled.map((item) => item.change.id));
    const shareWrite =
      share && items.length < pulled.length
        ? [
            tx
              .objectStore('shares')
              .put({ ...share, reflected: [...reflected].filter((id) => !arrived.has(id)) }),
          ]
        : [];
    const all = items.filter(
      (item): item is { change: Pulled; current: boolean } => item.change.kind === 'rendering',
    );
    const termItems = items.filter(
      (item): item is { change: PulledTerm; current: boolean } => item.change.kind === 'term',
    );
    // Notes that lost to a later change here have no history to go into: only current ones are written.
    const notes = items
      .filter((item) => item.current)
      .flatMap((item) => (isNote(item.change) ? [item.change] : []));
    const termed = await applyTermChanges(tx, termItems);
    const documentIds = [
      ...new Set([
        ...all.map((item) => item.change.documentId),
        ...notes.flatMap((c) => (c.kind === 'settings' ? [] : [c.documentId])),
      ]),
    ];
    const held = await Promise.all(documentIds.map((id) => tx.objectStore('documents').getKey(id)));
    const known = new Set(documentIds.filter((_, i) => held[i] !== undefined));
    const noted = await applyNoteChanges(tx, notes, known, projectId);
    const renderings = new Map<string, Rendering | undefined>();
    const changed = new Set<UnitId>();
    const writes: Promise<unknown>[] = [...shareWrite, ...termed.writes, ...noted.writes];
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
    if (noted.units.size > 0 || noted.settings)
      announceStored({
        origin: 'pulled',
        unitIds: [...noted.units],
        notes: noted.units.size > 0,
        settings: noted.settings,
      });
    return [...changed];
  });
}
