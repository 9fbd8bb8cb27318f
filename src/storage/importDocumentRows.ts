import type { AudarmaDb } from './db.ts';
import { RESTORE_CHUNK } from './backup.ts';
import { guarded } from './errors.ts';
import { pendingId, underMarker } from './pending.ts';
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
 * comments go in chunked transactions under a pending marker; the document row is written, and the marker
 * removed, in one last transaction, so the document is listed only once all of it is there. If a chunk fails,
 * every row written for it is removed and the error is rethrown; if the page goes away meanwhile, the next start
 * removes them and says so.
 */
export async function importDocumentRows(
  db: AudarmaDb,
  rows: DocumentImport,
  onProgress?: (done: number, total: number) => void,
  now = Date.now(),
): Promise<void> {
  const { document, units, renderings, revisions, comments } = rows;
  const [project, taken] = await guarded(() =>
    Promise.all([db.getKey('projects', document.projectId), db.getKey('documents', document.id)]),
  );
  if (!project) throw new Error(`project "${document.projectId}" is not in storage`);
  if (taken) throw new Error(`document "${document.id}" is already in storage`);
  const total = units.length + renderings.length + comments.length + 1;
  let done = 0;
  const step = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };
  const marker = {
    id: pendingId('import', now),
    kind: 'import' as const,
    name: document.name,
    startedAt: now,
    documents: [document.id],
    entries: [],
  };
  await guarded(() =>
    underMarker(db, marker, async () => {
      for (let i = 0; i < units.length; i += RESTORE_CHUNK) {
        const tx = db.transaction('units', 'readwrite');
        const chunk = units.slice(i, i + RESTORE_CHUNK);
        await Promise.all([...chunk.map((u) => tx.store.add(u)), tx.done]);
        step(chunk.length);
      }
      const byRendering = new Map<string, Revision[]>();
      for (const v of revisions) {
        const list = byRendering.get(v.renderingId);
        if (list) list.push(v);
        else byRendering.set(v.renderingId, [v]);
      }
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
      const last = db.transaction(['documents', 'pending'], 'readwrite');
      await Promise.all([
        last.objectStore('documents').add(document),
        last.objectStore('pending').delete(marker.id),
        last.done,
      ]);
      step(1);
    }),
  );
}
