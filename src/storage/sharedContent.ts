import type { AudarmaDb } from './db.ts';
import { guarded } from './errors.ts';
import { docRange, langRange } from './removeRows.ts';
import { fromRow, toRow } from './terms.ts';
import type { ShareRow } from './outboxRows.ts';
import type { Document, Project, Rendering, Revision, Unit } from '../core/model/types.ts';
import type { TermEntry } from '../core/model/term.ts';

/**
 * A document as a team shares it: the document, its units (all segments), its renderings as they stand with their
 * history, and the ids of changes still in the uploader's outbox that this snapshot already contains (a member who
 * starts from it must not replay them). The last two are absent from a server of the first release.
 */
export type SharedDocument = {
  readonly document: Document;
  readonly units: readonly Unit[];
  readonly renderings: readonly Rendering[];
  readonly revisions?: readonly Revision[];
  readonly reflects?: readonly string[];
};

/** What goes to the team server when a project is shared: whatever of it the server does not have yet. */
export type ShareUpload = {
  readonly project?: Pick<Project, 'sourceLang' | 'targetLangs' | 'mtLang' | 'createdAt'>;
  readonly documents: readonly SharedDocument[];
  readonly glossary: readonly TermEntry[];
  /** For entries of this upload, the waiting term changes their snapshot already contains. */
  readonly entryReflects?: Readonly<Record<string, readonly string[]>>;
};

/** A shared project as the server gives it to a member: everything needed to open it. */
export type ShareDownload = {
  readonly project: Project;
  readonly documents: readonly SharedDocument[];
  readonly glossary: readonly TermEntry[];
  readonly entryReflects?: Readonly<Record<string, readonly string[]>>;
};

/**
 * The documents and glossary entries of a shared project that are not on the server yet (by the share's record of
 * what was uploaded), read in one transaction so that units, renderings, history and the outbox agree. Changes
 * waiting in the outbox for what goes up are already in it: the upload names them, so that nobody who starts from
 * it applies them a second time. Null when nothing is missing.
 */
export async function readShareUpload(db: AudarmaDb, projectId: string): Promise<ShareUpload | null> {
  const tx = db.transaction([
    'projects',
    'documents',
    'units',
    'renderings',
    'revisions',
    'terms',
    'shares',
    'outbox',
  ]);
  const [project, share, documents, terms, outbox] = await Promise.all([
    tx.objectStore('projects').get(projectId),
    tx.objectStore('shares').get(projectId),
    tx.objectStore('documents').index('byProject').getAll(projectId),
    tx.objectStore('terms').index('byProject').getAll(projectId),
    tx.objectStore('outbox').index('byProject').getAll(projectId),
  ]);
  if (!project || !share) {
    await tx.done;
    return null;
  }
  const uploadedDocuments = new Set(share.uploaded?.documents ?? []);
  const uploadedEntries = new Set(share.uploaded?.entries ?? []);
  const missing = documents.filter((d) => !uploadedDocuments.has(d.id));
  const waiting = new Map<string, string[]>();
  for (const { change } of outbox) {
    const key =
      change.kind === 'rendering' ? change.documentId : change.kind === 'term' ? change.entryId : null;
    if (key !== null) waiting.set(key, [...(waiting.get(key) ?? []), change.id]);
  }
  const rows = await Promise.all(
    missing.map(async (document) => {
      const [units, renderings, revisions] = await Promise.all([
        tx.objectStore('units').index('byDocument').getAll(docRange(document.id)),
        tx.objectStore('renderings').index('byDocumentLang').getAll(langRange(document.id)),
        tx.objectStore('revisions').index('byDocument').getAll(document.id),
      ]);
      return { document, units, renderings, revisions, reflects: waiting.get(document.id) ?? [] };
    }),
  );
  await tx.done;
  const glossary = terms.filter((t) => !uploadedEntries.has(t.id)).map(fromRow);
  const first = share.uploaded === undefined;
  if (!first && rows.length === 0 && glossary.length === 0) return null;
  const entryReflects = Object.fromEntries(
    glossary.flatMap((e) => (waiting.has(e.id) ? [[e.id, waiting.get(e.id)!]] : [])),
  );
  const { sourceLang, targetLangs, mtLang, createdAt } = project;
  return {
    ...(first ? { project: { sourceLang, targetLangs, ...(mtLang ? { mtLang } : {}), createdAt } } : {}),
    documents: rows,
    glossary,
    entryReflects,
  };
}

/** The changes a downloaded snapshot already contains, of the documents and entries this browser stores from it. */
function reflectedBy(
  download: Pick<ShareDownload, 'documents' | 'entryReflects'>,
  documents: ReadonlySet<string>,
  entries: ReadonlySet<string>,
): string[] {
  return [
    ...download.documents.flatMap((d) => (documents.has(d.document.id) ? (d.reflects ?? []) : [])),
    ...Object.entries(download.entryReflects ?? {}).flatMap(([entry, ids]) =>
      entries.has(entry) ? ids : [],
    ),
  ];
}

/** Records that the server now has these documents and entries (it keeps each once by id). */
export async function markUploaded(
  db: AudarmaDb,
  projectId: string,
  upload: Pick<ShareUpload, 'documents' | 'glossary'>,
): Promise<void> {
  const tx = db.transaction('shares', 'readwrite');
  const share = await tx.store.get(projectId);
  if (share) {
    const sent = new Set<string>(upload.documents.map((d) => d.document.id));
    const documents = new Set([...(share.uploaded?.documents ?? []), ...sent]);
    const entries = new Set([...(share.uploaded?.entries ?? []), ...upload.glossary.map((e) => e.id)]);
    // A document kept here only because the server once refused it (a role since changed) is shared now.
    const localOnly = share.localOnly?.filter((id) => !sent.has(id));
    await tx.store.put({
      ...share,
      uploaded: { documents: [...documents], entries: [...entries] },
      ...(localOnly ? { localOnly } : {}),
    });
  }
  await tx.done;
}

/**
 * Stores a project downloaded from the team server, whole, in one transaction: the project, its documents with
 * their units and renderings, its glossary, and the share that keeps it in step from the first change on. A
 * browser that already holds the project keeps what it has (answers false).
 */
export async function storeShareDownload(
  db: AudarmaDb,
  download: ShareDownload,
  server: string,
  user: string,
): Promise<boolean> {
  return guarded(async () => {
    const tx = db.transaction(
      ['projects', 'documents', 'units', 'renderings', 'revisions', 'terms', 'shares'],
      'readwrite',
    );
    if ((await tx.objectStore('projects').getKey(download.project.id)) !== undefined) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return false;
    }
    const share: ShareRow = {
      projectId: download.project.id,
      server,
      user,
      cursor: 0,
      heads: {},
      mine: {},
      conflicts: [],
      refused: [],
      sent: {},
      uploaded: {
        documents: download.documents.map((d) => d.document.id),
        entries: download.glossary.map((e) => e.id),
      },
      reflected: reflectedBy(
        download,
        new Set(download.documents.map((d) => d.document.id)),
        new Set(download.glossary.map((e) => e.id)),
      ),
    };
    const writes: Promise<unknown>[] = [
      tx.objectStore('projects').add(download.project),
      tx.objectStore('shares').put(share),
      ...download.glossary.map((entry) => tx.objectStore('terms').put(toRow(entry))),
    ];
    for (const { document, units, renderings, revisions = [] } of download.documents) {
      writes.push(tx.objectStore('documents').put(document));
      for (const unit of units) writes.push(tx.objectStore('units').put(unit));
      for (const rendering of renderings) writes.push(tx.objectStore('renderings').put(rendering));
      for (const revision of revisions) writes.push(tx.objectStore('revisions').put(revision));
    }
    await Promise.all([...writes, tx.done]);
    return true;
  });
}

/**
 * Stores documents and glossary entries of a shared project this browser already holds, fetched because a change
 * named them (a document added later, a new entry): all in one transaction, recorded as on the server. Rows this
 * browser already has are kept.
 */
export async function storeSharedAdditions(
  db: AudarmaDb,
  projectId: string,
  additions: Pick<ShareDownload, 'documents' | 'glossary' | 'entryReflects'>,
): Promise<void> {
  await guarded(async () => {
    const tx = db.transaction(
      ['documents', 'units', 'renderings', 'revisions', 'terms', 'shares'],
      'readwrite',
    );
    const share = await tx.objectStore('shares').get(projectId);
    if (!share) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return;
    }
    const writes: Promise<unknown>[] = [];
    const documents: string[] = [];
    for (const { document, units, renderings, revisions = [] } of additions.documents) {
      if ((await tx.objectStore('documents').getKey(document.id)) !== undefined) continue;
      documents.push(document.id);
      writes.push(tx.objectStore('documents').put({ ...document, projectId: share.projectId } as Document));
      for (const unit of units) writes.push(tx.objectStore('units').put(unit));
      for (const rendering of renderings) writes.push(tx.objectStore('renderings').put(rendering));
      for (const revision of revisions) writes.push(tx.objectStore('revisions').put(revision));
    }
    const entries: string[] = [];
    for (const entry of additions.glossary) {
      if ((await tx.objectStore('terms').getKey(entry.id)) !== undefined) continue;
      entries.push(entry.id);
      writes.push(tx.objectStore('terms').put(toRow({ ...entry, projectId: share.projectId } as TermEntry)));
    }
    const uploaded = {
      documents: [...new Set([...(share.uploaded?.documents ?? []), ...documents])],
      entries: [...new Set([...(share.uploaded?.entries ?? []), ...entries])],
    };
    const reflected = [
      ...(share.reflected ?? []),
      ...reflectedBy(additions, new Set(documents), new Set(entries)),
    ];
    writes.push(tx.objectStore('shares').put({ ...share, uploaded, reflected }));
    await Promise.all([...writes, tx.done]);
  });
}

/** Which of these documents and glossary entries this browser does not hold. */
export async function missingContent(
  db: AudarmaDb,
  documentIds: readonly string[],
  entryIds: readonly string[],
): Promise<{ documents: string[]; entries: string[] }> {
  const tx = db.transaction(['documents', 'terms']);
  const [documents, entries] = await Promise.all([
    Promise.all(documentIds.map((id) => tx.objectStore('documents').getKey(id))),
    Promise.all(entryIds.map((id) => tx.objectStore('terms').getKey(id))),
  ]);
  await tx.done;
  return {
    documents: documentIds.filter((_, i) => documents[i] === undefined),
    entries: entryIds.filter((_, i) => entries[i] === undefined),
  };
}
