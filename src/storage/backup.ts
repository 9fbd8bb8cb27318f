import type { AudarmaDb, AudarmaSchema } from './db.ts';
import { guarded } from './errors.ts';
import type { IDBPTransaction, StoreNames } from 'idb';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupTermHistory,
  type ProjectBundle,
} from '../core/formats/backup.ts';
import type { Document, Rendering, Revision, Unit } from '../core/model/types.ts';
import type { Annotation, Comment } from '../core/model/review.ts';
import type { TermEntry } from '../core/model/term.ts';

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

const docRange = (id: string) => IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
const langRange = (id: string) => IDBKeyRange.bound([id, ''], [id, '\uffff']);

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
  const tx = db.transaction(['terms', 'termHistory', 'settings'], 'readonly');
  const termRows = await tx.objectStore('terms').index('byProject').getAll(projectId);
  const [history, settings] = await Promise.all([
    Promise.all(termRows.map((t) => tx.objectStore('termHistory').index('byEntry').getAll(t.id))),
    tx.objectStore('settings').getAll(),
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
    settings: settings.map((s) => ({ key: s.key, value: s.value })),
  };
}

const DOCUMENT_STORES = [
  'documents',
  'units',
  'renderings',
  'revisions',
  'comments',
  'annotations',
  'dismissals',
] as const;
type DeleteTx = IDBPTransaction<AudarmaSchema, StoreNames<AudarmaSchema>[], 'readwrite'>;

/** Issues the deletion of every row of a document (comments and annotations included) into `out`. */
async function deleteDocumentIn(tx: DeleteTx, id: string, out: Promise<unknown>[]): Promise<void> {
  const keys = await Promise.all([
    tx.objectStore('units').index('byDocument').getAllKeys(docRange(id)),
    tx.objectStore('renderings').index('byDocumentLang').getAllKeys(langRange(id)),
    tx.objectStore('revisions').index('byDocument').getAllKeys(id),
    tx.objectStore('comments').index('byDocumentOpen').getAllKeys(docRange(id)),
    tx.objectStore('annotations').index('byDocumentLang').getAllKeys(langRange(id)),
    tx.objectStore('dismissals').index('byDocument').getAllKeys(id),
  ]);
  const stores = ['units', 'renderings', 'revisions', 'comments', 'annotations', 'dismissals'] as const;
  out.push(tx.objectStore('documents').delete(id));
  // Ids made by Audarma start with "<document id>:" (unit, rendering, revision); when every key of a store
  // does and the range holds nothing else, one range deletion replaces a few hundred thousand single ones.
  const prefix = IDBKeyRange.bound(`${id}:`, `${id}:\uffff`);
  for (const [i, store] of stores.entries()) {
    const list = keys[i] ?? [];
    const ranged =
      list.length > 100 &&
      list.every((k) => typeof k === 'string' && k.startsWith(`${id}:`)) &&
      (await tx.objectStore(store).count(prefix)) === list.length;
    if (ranged) out.push(tx.objectStore(store).delete(prefix));
    // Pushed one by one: spreading a few hundred thousand keys into a call overflows the stack.
    else for (const k of list) out.push(tx.objectStore(store).delete(k));
  }
}

/** Removes a document with every row of it, in one transaction. */
export async function deleteDocumentCompletely(db: AudarmaDb, documentId: string): Promise<void> {
  const tx: DeleteTx = db.transaction([...DOCUMENT_STORES] as StoreNames<AudarmaSchema>[], 'readwrite');
  const deletions: Promise<unknown>[] = [];
  await deleteDocumentIn(tx, documentId, deletions);
  await Promise.all(deletions);
  await tx.done;
}

/** Removes a project and everything of it: documents with their rows, glossary entries and their history. */
export async function deleteProjectRows(
  db: AudarmaDb,
  projectId: string,
  alsoDocuments: readonly string[] = [],
  alsoEntries: readonly string[] = [],
): Promise<void> {
  const stored = await db.getAllKeysFromIndex('documents', 'byProject', projectId);
  const storedEntries = await db.getAllKeysFromIndex('terms', 'byProject', projectId);
  const documents = [...new Set([...stored, ...alsoDocuments])];
  const entries = [...new Set([...storedEntries, ...alsoEntries])];
  const tx: DeleteTx = db.transaction(
    ['projects', ...DOCUMENT_STORES, 'terms', 'termHistory'] as StoreNames<AudarmaSchema>[],
    'readwrite',
  );
  const deletions: Promise<unknown>[] = [tx.objectStore('projects').delete(projectId)];
  for (const id of documents) await deleteDocumentIn(tx, id, deletions);
  for (const id of entries) {
    deletions.push(
      tx.objectStore('terms').delete(id),
      ...(await tx.objectStore('termHistory').index('byEntry').getAllKeys(id)).map((k) =>
        tx.objectStore('termHistory').delete(k),
      ),
    );
  }
  await Promise.all(deletions);
  await tx.done;
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

async function writeBundle(
  db: AudarmaDb,
  b: ProjectBundle,
  mode: 'overwrite' | 'missingSettings',
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const parts: Chunked[] = [
    { store: 'units', rows: b.units },
    { store: 'renderings', rows: b.renderings },
    { store: 'revisions', rows: b.revisions },
    { store: 'comments', rows: b.comments },
    { store: 'annotations', rows: b.annotations },
    { store: 'dismissals', rows: b.dismissals },
  ];
  const total = parts.reduce((n, p) => n + p.rows.length, 0) + b.terms.length + b.documents.length + 1;
  await writeChunks(db, parts, (done) => onProgress?.(done, total));
  const tx = db.transaction('terms', 'readwrite');
  await Promise.all([
    ...b.terms.map((t) => {
      const keys = [...new Set(t.terms.map((x) => x.text.trim().toLowerCase()).filter(Boolean))];
      return tx.store.put({ ...t, keys });
    }),
    tx.done,
  ]);
  await writeHistory(db, b.termHistory, new Set(b.terms.map((t) => t.id)));
  // Documents and the project come last: until they are there, nothing of the restore is listed anywhere.
  const last = db.transaction(['projects', 'documents', 'settings'], 'readwrite');
  const settings = last.objectStore('settings');
  const keep = mode === 'missingSettings' ? new Set(await settings.getAllKeys()) : new Set<string>();
  await Promise.all([
    ...b.settings.filter((s) => !keep.has(s.key)).map((s) => settings.put({ key: s.key, value: s.value })),
    ...b.documents.map((d) => last.objectStore('documents').put(d)),
    last.objectStore('projects').put(b.project),
    last.done,
  ]);
  onProgress?.(total, total);
}

export type RestoreMode = 'replace' | 'new';

/**
 * Restores a bundle. `new` writes it as a project that is not in storage yet (give it fresh ids with
 * `rekeyBundle` to keep a copy next to the original); `replace` removes the stored project of the same id
 * first. Rows go in chunked transactions; if any fails, what was written is removed and, for `replace`, the
 * project as it was is written back, then the error is rethrown: a restore lands whole or not at all.
 */
export async function restoreProjectBundle(
  db: AudarmaDb,
  bundle: ProjectBundle,
  mode: RestoreMode,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const id = bundle.project.id;
  const exists = (await db.get('projects', id)) !== undefined;
  if (exists && mode === 'new') throw new Error(`project "${id}" is already in storage`);
  const previous = exists ? await readProjectBundle(db, id, bundle.exportedAt) : undefined;
  const docs = bundle.documents.map((d) => d.id as string);
  const entries = bundle.terms.map((t) => t.id as string);
  try {
    await guarded(async () => {
      if (previous) await deleteProjectRows(db, id);
      await writeBundle(db, bundle, previous ? 'overwrite' : 'missingSettings', onProgress);
    });
  } catch (error) {
    await deleteProjectRows(db, id, docs, entries);
    if (previous) await writeBundle(db, previous, 'overwrite');
    throw error;
  }
}
