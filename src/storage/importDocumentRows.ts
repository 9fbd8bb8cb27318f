import type { AudarmaDb } from './db.ts';
import { deleteDocumentCompletely, RESTORE_CHUNK } from './backup.ts';
import { guarded } from './errors.ts';
import type { Comment } from '../core/model/review.ts';
import type { Document, Rendering, Revision, Unit } from '../core/model/types.ts';

/** A new document with everything read from its file: units, renderings with their import revisions, notes. */
export type DocumentImport = {
  readonly document: Document;
  readonly units: readonly Unit[];
  readonly renderings: readonly Rendering[];
  readonly revisions: readonly Revision[];
  readonly comments: readonly Comment[];
};

/**
 * Stores an imported document of an existing project. Units, then renderings with their revisions, then
 * comments go in chunked transactions; the document row is written last, so the document is listed only once
 * all of it is there. If any chunk fails, every row written for it is removed and the error is rethrown.
 */
export async function importDocumentRows(
  db: AudarmaDb,
  rows: DocumentImport,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const { document, units, renderings, revisions, comments } = rows;
  if (!(await db.get('projects', document.projectId)))
    throw new Error(`project "${document.projectId}" is not in storage`);
  if (await db.get('documents', document.id))
    throw new Error(`document "${document.id}" is already in storage`);
  const total = units.length + renderings.length + comments.length + 1;
  let done = 0;
  const step = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };
  try {
    await guarded(async () => {
      for (let i = 0; i < units.length; i += RESTORE_CHUNK) {
        const tx = db.transaction('units', 'readwrite');
        const chunk = units.slice(i, i + RESTORE_CHUNK);
        await Promise.all([...chunk.map((u) => tx.store.add(u)), tx.done]);
        step(chunk.length);
      }
      const byRendering = new Map<string, Revision[]>();
      for (const v of revisions)
        byRendering.set(v.renderingId, [...(byRendering.get(v.renderingId) ?? []), v]);
      for (let i = 0; i < renderings.length; i += RESTORE_CHUNK) {
        const tx = db.transaction(['renderings', 'revisions'], 'readwrite');
        const chunk = renderings.slice(i, i + RESTORE_CHUNK);
        await Promise.all([
          ...chunk.flatMap((r) => [
            tx.objectStore('renderings').add(r),
            ...(byRendering.get(r.id) ?? []).map((v) => tx.objectStore('revisions').add(v)),
          ]),
          tx.done,
        ]);
        step(chunk.length);
      }
      for (let i = 0; i < comments.length; i += RESTORE_CHUNK) {
        const tx = db.transaction('comments', 'readwrite');
        const chunk = comments.slice(i, i + RESTORE_CHUNK);
        await Promise.all([...chunk.map((c) => tx.store.add(c)), tx.done]);
        step(chunk.length);
      }
      await db.add('documents', document);
      step(1);
    });
  } catch (error) {
    await deleteDocumentCompletely(db, document.id);
    throw error;
  }
}
