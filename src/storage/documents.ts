import type { AudarmaDb } from './db.ts';
import { guarded } from './errors.ts';
import { pendingId, underMarker } from './pending.ts';
import { importedRendering } from '../core/model/importedRendering.ts';
import type { Document, Project, Rendering, Revision, Unit } from '../core/model/types.ts';

/** Records per transaction for bulk writes: one transaction per record is about ten times slower. */
export const CHUNK_SIZE = 2000;

export type ImportInput = {
  readonly project?: Project;
  readonly document: Document;
  readonly units: readonly Unit[];
  readonly author: string;
  readonly now: number;
  readonly onProgress?: (done: number, total: number) => void;
};

function mtRenderings(units: readonly Unit[], author: string, now: number): { r: Rendering; v: Revision }[] {
  return units.flatMap((unit) =>
    Object.entries(unit.mt)
      .filter(([, text]) => text.trim() !== '')
      .map(([lang, text]) => {
        const { rendering, revision } = importedRendering({
          unitId: unit.id,
          documentId: unit.documentId,
          lang,
          text,
          state: 'mt',
          author,
          at: now,
        });
        return { r: rendering, v: revision };
      }),
  );
}

/**
 * Stores a new document with its units and the machine-translation renderings. Units go in chunked transactions
 * under a pending marker; the document row is written, and the marker removed, in one last transaction, so a
 * document is listed only once all of it is there. If a chunk fails, the chunks already written are removed
 * again and the error is rethrown; if the page goes away meanwhile, the next start removes them.
 */
export async function importDocument(db: AudarmaDb, input: ImportInput): Promise<void> {
  const { document, units } = input;
  const pairs = mtRenderings(units, input.author, input.now);
  const total = units.length + pairs.length;
  let done = 0;
  const marker = {
    id: pendingId('import', input.now),
    kind: 'import' as const,
    name: document.name,
    startedAt: input.now,
    documents: [document.id],
    entries: [],
  };
  await guarded(() =>
    underMarker(db, marker, async () => {
      for (let i = 0; i < units.length; i += CHUNK_SIZE) {
        const tx = db.transaction('units', 'readwrite');
        await Promise.all([...units.slice(i, i + CHUNK_SIZE).map((unit) => tx.store.put(unit)), tx.done]);
        done += Math.min(CHUNK_SIZE, units.length - i);
        input.onProgress?.(done, total);
      }
      for (let i = 0; i < pairs.length; i += CHUNK_SIZE) {
        const tx = db.transaction(['renderings', 'revisions'], 'readwrite');
        const writes = pairs
          .slice(i, i + CHUNK_SIZE)
          .flatMap(({ r, v }) => [tx.objectStore('renderings').put(r), tx.objectStore('revisions').put(v)]);
        await Promise.all([...writes, tx.done]);
        done += Math.min(CHUNK_SIZE, pairs.length - i);
        input.onProgress?.(done, total);
      }
      const tx = db.transaction(['projects', 'documents', 'pending'], 'readwrite');
      await Promise.all([
        ...(input.project ? [tx.objectStore('projects').put(input.project)] : []),
        tx.objectStore('documents').put(document),
        tx.objectStore('pending').delete(marker.id),
        tx.done,
      ]);
    }),
  );
}

/** Removes every row that belongs to a document, in one transaction. */
export async function deleteDocumentRows(db: AudarmaDb, documentId: string): Promise<void> {
  const tx = db.transaction(
    ['documents', 'units', 'renderings', 'revisions', 'dismissals', 'comments', 'annotations'],
    'readwrite',
  );
  const range = IDBKeyRange.bound([documentId, -Infinity], [documentId, Infinity]);
  const deletions: Promise<unknown>[] = [tx.objectStore('documents').delete(documentId)];
  for await (const cursor of tx.objectStore('units').index('byDocument').iterate(range))
    deletions.push(cursor.delete());
  for await (const cursor of tx
    .objectStore('renderings')
    .index('byDocumentLang')
    .iterate(IDBKeyRange.bound([documentId, ''], [documentId, '\uffff'])))
    deletions.push(cursor.delete());
  for await (const cursor of tx.objectStore('revisions').index('byDocument').iterate(documentId))
    deletions.push(cursor.delete());
  for await (const cursor of tx.objectStore('dismissals').index('byDocument').iterate(documentId))
    deletions.push(cursor.delete());
  const threads = IDBKeyRange.bound([documentId, 0], [documentId, 1]);
  for await (const cursor of tx.objectStore('comments').index('byDocumentOpen').iterate(threads))
    deletions.push(cursor.delete());
  const annotated = IDBKeyRange.bound([documentId, ''], [documentId, '\uffff']);
  for await (const cursor of tx.objectStore('annotations').index('byDocumentLang').iterate(annotated))
    deletions.push(cursor.delete());
  await Promise.all(deletions);
  await tx.done;
}

export async function listDocuments(db: AudarmaDb, projectId: string): Promise<Document[]> {
  return db.getAllFromIndex('documents', 'byProject', projectId);
}

export async function getDocument(db: AudarmaDb, id: string): Promise<Document | undefined> {
  return db.get('documents', id);
}

/** Units of a document in order; `from`/`count` read an indexed range without loading the rest. */
export async function listUnits(
  db: AudarmaDb,
  documentId: string,
  from = 0,
  count?: number,
): Promise<Unit[]> {
  const range = IDBKeyRange.bound(
    [documentId, from],
    [documentId, count === undefined ? Infinity : from + count - 1],
  );
  return db.getAllFromIndex('units', 'byDocument', range);
}
