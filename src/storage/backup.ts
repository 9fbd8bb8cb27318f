import type { AudarmaDb, AudarmaSchema } from './db.ts';
import { guarded } from './errors.ts';
import type { StoreNames } from 'idb';
import { holdingLock, pendingId, removeLeftovers, underMarker, type PendingRow } from './pending.ts';
import { docRange, langRange } from './removeRows.ts';
import { toRow } from './terms.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  rekeyBundle,
  type BackupTermHistory,
  type ProjectBundle,
} from '../core/formats/backup.ts';
import type { Document, Rendering, Revision, Unit } from '../core/model/types.ts';
import type { Annotation, Comment } from '../core/model/review.ts';
import type { TermEntry } from '../core/model/term.ts';
import { importedMemoryId } from '../core/memory/types.ts';
import { logMemoryChanges, MEMORY_LOG_KEY } from './memory.ts';

export { deleteDocumentCompletely } from './removeRows.ts';

/** Records per transaction for bulk writes, as in documents.ts. */
export const RESTORE_CHUNK = 2000;

export type DocumentRows = {
  readonly document: Document;
  readonly units: Unit[];
  readonly renderings: Rendering[];
  readonly revisions: Revision[];
  readonly comments: Comment[];
  readonly annotations: Annotation[];
  readonly dismissals: ProjectBundle['dismissals'][number][];
};

/** Every row of one document (all languages), read in one transaction so that they agree with each other. */
export async function readDocumentRows(db: AudarmaDb, documentId: string): Promise<DocumentRows | undefined> {
  const tx = db.transaction(
    ['documents', 'units', 'renderings', 'revisions', 'comments', 'annotations', 'dismissals'],
    'readonly',
  );
  const [document, units, renderings, revisions, comments, annotations, dismissals] = await Promise.all([
    tx.objectStore('documents').get(documentId),
    tx.objectStore('units').index('byDocument').getAll(docRange(documentId)),
    tx.objectStore('renderings').index('byDocumentLang').getAll(langRange(documentId)),
    tx.objectStore('revisions').index('byDocument').getAll(documentId),
    tx.objectStore('comments').index('byDocumentOpen').getAll(docRange(documentId)),
    tx.objectStore('annotations').index('byDocumentLang').getAll(langRange(documentId)),
    tx.objectStore('dismissals').index('byDocument').getAll(documentId),
    tx.done,
  ]);
  if (!document) return undefined;
  return { document, units, renderings, revisions, comments, annotations, dismissals };
}

/** A whole project as a backup bundle: documents with all their rows, glossary with history, settings. */
export async function readProjectBundle(
  db: AudarmaDb,
  projectId: string,
  now: number,
): Promise<ProjectBundle> {
  const project = await db.get('projects', projectId);
  if (!project) throw new Error(`project "${projectId}" is not in storage`);
  const documents = await db.getAllFromIndex('documents', 'byProject', projectId);
  const rows = (await Promise.all(documents.map((d) => readDocumentRows(db, d.id)))).filter(
    (r): r is DocumentRows => r !== undefined,
  );
  const tx = db.transaction(['terms', 'termHistory', 'settings', 'memory'], 'readonly');
  const termRows = await tx.objectStore('terms').index('byProject').getAll(projectId);
  const byMemory = tx.objectStore('memory').index('byMemory');
  const [history, settings, own, imported] = await Promise.all([
    Promise.all(termRows.map((t) => tx.objectStore('termHistory').index('byEntry').getAll(t.id))),
    tx.objectStore('settings').getAll(),
    byMemory.getAll(projectId),
    // Imported memories serve every project: a backup carries them so that a restore elsewhere has them too.
    byMemory.getAll(IDBKeyRange.bound(importedMemoryId(''), `${importedMemoryId('')}\uffff`)),
  ]);
  await tx.done;
  const terms: TermEntry[] = termRows.map(({ keys: _keys, ...entry }) => entry);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    project,
    documents: rows.map((r) => r.document),
    units: rows.flatMap((r) => r.units),
    renderings: rows.flatMap((r) => r.renderings),
    revisions: rows.flatMap((r) => r.revisions),
    comments: rows.flatMap((r) => r.comments),
    annotations: rows.flatMap((r) => r.annotations),
    terms,
    termHistory: history.flat().sort((a, b) => (a.id ?? 0) - (b.id ?? 0)),
    dismissals: rows.flatMap((r) => r.dismissals),
    // The memory's change log describes this database, not the project.
    settings: settings.filter((s) => s.key !== MEMORY_LOG_KEY).map((s) => ({ key: s.key, value: s.value })),
    memory: [...own, ...imported],
  };
}

type Chunked = { readonly store: StoreNames<AudarmaSchema>; readonly rows: readonly unknown[] };

async function writeChunks(
  db: AudarmaDb,
  parts: readonly Chunked[],
  progress: (done: number) => void,
): Promise<void> {
  let done = 0;
  for (const { store, rows } of parts) {
    for (let i = 0; i < rows.length; i += RESTORE_CHUNK) {
      const tx = db.transaction(store, 'readwrite');
      const chunk = rows.slice(i, i + RESTORE_CHUNK);
      await Promise.all([...chunk.map((row) => tx.store.put(row as never)), tx.done]);
      done += chunk.length;
      progress(done);
    }
  }
}

/**
 * Term history keys are numbers from a shared counter: a row keeps its key when that key is free or already
 * belongs to one of the restored entries, and gets a new one otherwise, so that no other project's row is lost.
 */
async function writeHistory(db: AudarmaDb, rows: readonly BackupTermHistory[], entries: ReadonlySet<string>) {
  const tx = db.transaction('termHistory', 'readwrite');
  const writes: Promise<unknown>[] = [];
  for (const row of rows) {
    const { id, ...rest } = row;
    const taken = id === undefined ? undefined : await tx.store.get(id);
    const keep = id !== undefined && (!taken || entries.has(taken.entryId));
    writes.push(tx.store.put(keep ? row : rest));
  }
  await Promise.all([...writes, tx.done]);
}

/** A bundle with fresh ids for everything but its project, so that it can be staged next to the stored one. */
function rekeyKeepingProject(b: ProjectBundle): ProjectBundle {
  const fresh = rekeyBundle(b);
  const project = b.project.id;
  return {
    ...fresh,
    project: b.project,
    documents: fresh.documents.map((d) => ({ ...d, projectId: project })),
    terms: fresh.terms.map((t) => ({ ...t, projectId: project })),
    memory: fresh.memory.map((m) => (m.memoryId === fresh.project.id ? { ...m, memoryId: project } : m)),
  };
}

/**
 * Writes a bundle: rows in chunked transactions, unlisted until one last transaction writes the project, its
 * documents, glossary and settings, removes the marker and, for `replace`, unlists the old documents and entries
 * and leaves a `discard` marker for their rows. Returns that marker.
 */
async function writeBundle(
  db: AudarmaDb,
  b: ProjectBundle,
  replace: boolean,
  marker: PendingRow,
  discardId: string,
  onProgress?: (done: number, total: number) => void,
): Promise<PendingRow | undefined> {
  const parts: Chunked[] = [
    { store: 'units', rows: b.units },
    { store: 'renderings', rows: b.renderings },
    { store: 'revisions', rows: b.revisions },
    { store: 'comments', rows: b.comments },
    { store: 'annotations', rows: b.annotations },
    { store: 'dismissals', rows: b.dismissals },
  ];
  const total = parts.reduce((n, p) => n + p.rows.length, 0) + b.termHistory.length + 1;
  await writeChunks(db, parts, (done) => onProgress?.(done, total));
  await writeHistory(db, b.termHistory, new Set(b.terms.map((t) => t.id)));
  onProgress?.(total - 1, total);
  // Everything that lists the restore is written here, together: until then nothing of it is shown anywhere.
  const last = db.transaction(
    ['projects', 'documents', 'terms', 'settings', 'pending', 'memory'],
    'readwrite',
  );
  const memory = last.objectStore('memory');
  const settings = last.objectStore('settings');
  const documents = last.objectStore('documents');
  const terms = last.objectStore('terms');
  const [keep, oldDocuments, oldEntries, oldMemory] = await Promise.all([
    replace ? Promise.resolve(new Set<string>()) : settings.getAllKeys().then((k) => new Set(k)),
    replace ? documents.index('byProject').getAllKeys(b.project.id) : Promise.resolve([]),
    replace ? terms.index('byProject').getAllKeys(b.project.id) : Promise.resolve([]),
    replace ? memory.index('byMemory').getAllKeys(b.project.id) : Promise.resolve([]),
  ]);
  const discard: PendingRow | undefined =
    oldDocuments.length + oldEntries.length > 0
      ? {
          id: discardId,
          kind: 'discard',
          name: b.project.name,
          startedAt: marker.startedAt,
          documents: oldDocuments,
          entries: oldEntries,
        }
      : undefined;
  await Promise.all([
    ...oldDocuments.map((id) => documents.delete(id)),
    ...oldEntries.map((id) => terms.delete(id)),
    ...b.settings
      .filter((s) => !keep.has(s.key) && s.key !== MEMORY_LOG_KEY)
      .map((s) => settings.put({ key: s.key, value: s.value })),
    ...b.documents.map((d) => documents.put(d)),
    ...b.terms.map((t) => terms.put(toRow(t))),
    // The memory is listed by its entries alone, so they are written here with the rest of the listing.
    ...oldMemory.map((id) => memory.delete(id)),
    ...b.memory.map((m) => memory.put(m)),
    logMemoryChanges(settings, [...oldMemory, ...b.memory.map((m) => m.id)]),
    last.objectStore('projects').put(b.project),
    last.objectStore('pending').delete(marker.id),
    ...(discard ? [last.objectStore('pending').put(discard)] : []),
    last.done,
  ]);
  onProgress?.(total, total);
  return discard;
}

export type RestoreMode = 'replace' | 'new';

/**
 * Restores a bundle. `new` writes it as a project that is not in storage yet (give it fresh ids with
 * `rekeyBundle` to keep a copy next to the original); `replace` puts it in place of the stored project of the same
 * id. The rows are staged under a pending marker and listed in one last transaction (see `writeBundle`); a
 * replaced project's documents and entries are written under fresh ids beside the old ones, which are unlisted in
 * that same transaction and removed only after it. If anything fails before, what was staged is removed and the
 * error is rethrown; if the page goes away, the next start removes it. The stored project is never touched
 * before the restore is complete.
 */
export async function restoreProjectBundle(
  db: AudarmaDb,
  bundle: ProjectBundle,
  mode: RestoreMode,
  onProgress?: (done: number, total: number) => void,
  now = Date.now(),
): Promise<void> {
  const id = bundle.project.id;
  const exists = (await guarded(() => db.getKey('projects', id))) !== undefined;
  if (exists && mode === 'new') throw new Error(`project "${id}" is already in storage`);
  const replace = exists && mode === 'replace';
  const taken = () =>
    guarded(async () => {
      const tx = db.transaction(['documents', 'terms']);
      const keys = await Promise.all([
        ...bundle.documents.map((d) => tx.objectStore('documents').getKey(d.id)),
        ...bundle.terms.map((t) => tx.objectStore('terms').getKey(t.id)),
      ]);
      return keys.some((k) => k !== undefined);
    });
  // Rows are never staged over stored ones: a replace, or a bundle whose ids are taken, gets fresh ids.
  const staged = replace || (await taken()) ? rekeyKeepingProject(bundle) : bundle;
  const marker: PendingRow = {
    id: pendingId(replace ? 'restoreReplace' : 'restore', now),
    kind: replace ? 'restoreReplace' : 'restore',
    name: bundle.project.name,
    startedAt: now,
    documents: staged.documents.map((d) => d.id),
    entries: staged.terms.map((t) => t.id),
  };
  const discardId = pendingId('discard', now);
  await holdingLock(discardId, async () => {
    const discard = await guarded(() =>
      underMarker(db, marker, () => writeBundle(db, staged, replace, marker, discardId, onProgress)),
    );
    if (!discard) return;
    try {
      await removeLeftovers(db, discard);
      await db.delete('pending', discard.id);
    } catch {
      // The restore is complete; rows of the old project left unlisted are removed at the next start.
    }
  });
}
