import { fail, ok, type Result } from '../result.ts';
import { documentId, newId as freshId, projectId } from '../model/ids.ts';
import type { Lang } from '../model/lang.ts';
import type { TermEntry } from '../model/term.ts';
import type { Document, Project } from '../model/types.ts';
import { asOriginal } from './asOriginal.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type ProjectBundle } from './backup.ts';
import type { InterchangeDocument } from './interchange.ts';
import { documentRows, interchangeOf } from './projectDocument.ts';

/**
 * Conversions between a project backup and the files a project is made of: one document (any interchange
 * format) and the glossary. Both directions go through the mapping the app's import and export use
 * (projectDocument.ts), so a backup built here restores in the Import & export view as if the document had been
 * imported into a new project, and a document read back from a backup is what the app would export. A document
 * whose original file was kept (XLIFF) comes back as that file with the project's targets laid over it.
 */
export { COMMENT_NOTE, REJECTION_NOTE } from './interchange.ts';

export type NewBundleOptions = {
  readonly projectName: string;
  readonly now: number;
  readonly author?: string;
  /** Fresh id for a prefix (`prj`, `doc`); the app's time-ordered random ids by default. */
  readonly newId?: (prefix: string) => string;
};

function emptyBundle(project: Project, now: number): ProjectBundle {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    project,
    documents: [],
    units: [],
    renderings: [],
    revisions: [],
    comments: [],
    annotations: [],
    terms: [],
    termHistory: [],
    dismissals: [],
    settings: [],
    memory: [],
  };
}

/** A one-project, one-document backup of a document: project languages are the document's. */
export function bundleFromDocument(
  doc: InterchangeDocument,
  options: NewBundleOptions & { readonly documentName: string },
): ProjectBundle {
  const { now } = options;
  const fresh = options.newId ?? freshId;
  const project: Project = {
    id: projectId(fresh('prj')),
    name: options.projectName,
    sourceLang: doc.sourceLang,
    targetLangs: doc.targetLangs.filter((l) => l !== doc.sourceLang),
    createdAt: now,
  };
  const id = documentId(fresh('doc'));
  const planned = documentRows(doc, {
    project,
    documentId: id,
    documentName: options.documentName,
    fileName: options.documentName,
    author: options.author ?? '',
    now,
    allowEmpty: true,
  });
  // The project's languages are the document's, so nothing is refused.
  if (!planned.ok) throw new Error(`document refused: ${planned.error.code}`);
  const { document, units, renderings, revisions, comments } = planned.value.rows;
  return { ...emptyBundle(project, now), documents: [document], units, renderings, revisions, comments };
}

/**
 * A backup holding only a glossary. The source language is `sourceLang` when the glossary has it, else Russian
 * when it has that, else its first language; every other language is a target.
 */
export function bundleFromGlossary(
  entries: readonly TermEntry[],
  options: NewBundleOptions & { readonly sourceLang?: Lang },
): ProjectBundle {
  const fresh = options.newId ?? freshId;
  const langs = [...new Set(entries.flatMap((e) => e.terms.map((t) => t.lang)))];
  const sourceLang =
    [options.sourceLang, 'ru', langs[0]].find((l) => l !== undefined && langs.includes(l)) ??
    options.sourceLang ??
    'ru';
  const project: Project = {
    id: projectId(fresh('prj')),
    name: options.projectName,
    sourceLang,
    targetLangs: langs.filter((l) => l !== sourceLang),
    createdAt: options.now,
  };
  return {
    ...emptyBundle(project, options.now),
    terms: entries.map((e) => ({ ...e, projectId: project.id })),
  };
}

/** The document of a backup named `name` (or with that id); the first document when no name is given. */
export function pickBundleDocument(bundle: ProjectBundle, name?: string): Result<Document> {
  const names = bundle.documents.map((d) => `"${d.name}"`).join(', ');
  if (bundle.documents.length === 0) return fail({ message: 'the backup has no documents' });
  if (name === undefined) return ok(bundle.documents[0] as Document);
  const found = bundle.documents.find((d) => d.name === name) ?? bundle.documents.find((d) => d.id === name);
  return found ? ok(found) : fail({ message: `the backup has no document "${name}" (it has ${names})` });
}

/**
 * One document of a backup as an interchange document, every project target language included; a document
 * with its original file kept is that file with the project's targets laid over it (see asOriginal).
 */
export function documentFromBundle(bundle: ProjectBundle, name?: string): Result<InterchangeDocument> {
  const picked = pickBundleDocument(bundle, name);
  if (!picked.ok) return picked;
  const doc = picked.value;
  const mine = <T extends { readonly documentId: string }>(rows: readonly T[]) =>
    rows.filter((r) => r.documentId === doc.id);
  const stored = interchangeOf(
    {
      project: bundle.project,
      units: mine(bundle.units),
      renderings: mine(bundle.renderings),
      revisions: mine(bundle.revisions),
      comments: mine(bundle.comments),
    },
    { locators: doc.original !== undefined },
  );
  return doc.original ? asOriginal(stored, doc.original) : ok(stored);
}
