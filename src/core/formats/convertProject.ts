import { fail, ok, type Result } from '../result.ts';
import { documentId, newId as freshId, projectId, unitId } from '../model/ids.ts';
import type { Lang } from '../model/lang.ts';
import { importedRendering } from '../model/importedRendering.ts';
import type { Comment } from '../model/review.ts';
import type { TermEntry } from '../model/term.ts';
import type { Document, Project, Rendering, Revision, Unit } from '../model/types.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type ProjectBundle } from './backup.ts';
import {
  plainText,
  type InterchangeDocument,
  type InterchangeTarget,
  type InterchangeUnit,
  type Note,
} from './interchange.ts';

/**
 * Conversions between a project backup and the files a project is made of: one document (any interchange
 * format) and the glossary. They follow what the app does on import and export, so that a backup built here
 * restores in the Import & export view as if the document had been imported into a new project:
 *  - a target with text becomes a rendering in its state with one `import` revision (state `new` or no text:
 *    no rendering); a `audarma:rejection` note becomes the revision's note, other notes become comments;
 *  - a document read back from a backup carries, per target language, the rendering (text and state) or else
 *    the unit's machine translation as `mt`, the last rejection reason and the comments as notes.
 */
export const REJECTION_NOTE = 'audarma:rejection';
export const COMMENT_NOTE = 'audarma:comment';

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
  };
}

/** A one-project, one-document backup of a document: project languages are the document's. */
export function bundleFromDocument(
  doc: InterchangeDocument,
  options: NewBundleOptions & { readonly documentName: string },
): ProjectBundle {
  const { now } = options;
  const author = options.author ?? '';
  const fresh = options.newId ?? freshId;
  const targetLangs = doc.targetLangs.filter((l) => l !== doc.sourceLang);
  const project: Project = {
    id: projectId(fresh('prj')),
    name: options.projectName,
    sourceLang: doc.sourceLang,
    targetLangs,
    createdAt: now,
  };
  const id = documentId(fresh('doc'));
  const units: Unit[] = [];
  const renderings: Rendering[] = [];
  const revisions: Revision[] = [];
  const comments: Comment[] = [];
  const comment = (uid: Unit['id'], n: Note, key: string, lang?: Lang) =>
    comments.push({
      id: `${uid}:${key}`,
      documentId: id,
      unitId: uid,
      ...(lang ? { lang } : {}),
      author: n.from ?? author,
      at: now,
      text: n.text,
      open: 1,
    });
  let paragraph = 0;
  doc.units.forEach((u, index) => {
    const uid = unitId(`${id}:u${index.toString(36).padStart(5, '0')}`);
    const separator = index === 0 ? '' : (u.separator ?? '\n\n');
    if (index > 0 && separator.includes('\n')) paragraph += 1;
    units.push({
      id: uid,
      documentId: id,
      index,
      paragraph,
      kind: 'sentence',
      separator,
      source: plainText(u.source),
      mt: {},
    });
    u.notes.forEach((n, i) => comment(uid, n, `note${i}`));
    for (const lang of targetLangs) {
      const target = u.targets[lang];
      const text = target ? plainText(target.content) : '';
      if (!target || target.state === 'new' || text.trim() === '') continue;
      const rejection = target.notes.find((n) => n.category === REJECTION_NOTE);
      const imported = importedRendering({
        unitId: uid,
        documentId: id,
        lang,
        text,
        state: target.state,
        author,
        at: now,
        ...(rejection ? { note: rejection.text } : {}),
      });
      renderings.push(imported.rendering);
      revisions.push(imported.revision);
      target.notes.forEach((n, i) => {
        if (n !== rejection) comment(uid, n, `note${i}:${lang}`, lang);
      });
    }
  });
  const document: Document = {
    id,
    projectId: project.id,
    name: options.documentName,
    createdAt: now,
    unitCount: units.length,
  };
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

/** One document of a backup as an interchange document, every project target language included. */
export function documentFromBundle(bundle: ProjectBundle, name?: string): Result<InterchangeDocument> {
  const picked = pickBundleDocument(bundle, name);
  if (!picked.ok) return picked;
  const doc = picked.value;
  const { project } = bundle;
  const byUnit = new Map<string, Map<Lang, Rendering>>();
  for (const r of bundle.renderings) {
    if (r.documentId !== doc.id) continue;
    const perLang = byUnit.get(r.unitId) ?? new Map<Lang, Rendering>();
    perLang.set(r.lang, r);
    byUnit.set(r.unitId, perLang);
  }
  const reasons = new Map<string, string>();
  const revisions = bundle.revisions.filter((v) => v.documentId === doc.id);
  for (const v of revisions.sort((a, b) => a.number - b.number))
    if (v.state === 'rejected' && v.note) reasons.set(v.renderingId, v.note);
  const notesOf = new Map<string, Note[]>();
  for (const c of bundle.comments) {
    if (c.documentId !== doc.id) continue;
    const key = `${c.unitId}\u0000${c.lang ?? ''}`;
    const list = notesOf.get(key) ?? [];
    list.push({ text: c.text, ...(c.author ? { from: c.author } : {}), category: COMMENT_NOTE });
    notesOf.set(key, list);
  }
  const units: InterchangeUnit[] = bundle.units
    .filter((u) => u.documentId === doc.id)
    .sort((a, b) => a.index - b.index)
    .map((u) => {
      const targets: Record<Lang, InterchangeTarget> = {};
      for (const lang of project.targetLangs) {
        const r = byUnit.get(u.id)?.get(lang);
        const text = r?.text ?? u.mt[lang];
        if (text === undefined) continue;
        const reason = r?.state === 'rejected' ? reasons.get(r.id) : undefined;
        targets[lang] = {
          content: text === '' ? [] : [text],
          state: r?.state ?? 'mt',
          notes: [
            ...(reason ? [{ text: reason, category: REJECTION_NOTE }] : []),
            ...(notesOf.get(`${u.id}\u0000${lang}`) ?? []),
          ],
        };
      }
      return {
        id: `u${u.index + 1}`,
        source: u.source === '' ? [] : [u.source],
        targets,
        notes: notesOf.get(`${u.id}\u0000`) ?? [],
        separator: u.separator,
      };
    });
  return ok({ sourceLang: project.sourceLang, targetLangs: project.targetLangs, units, format: 'text' });
}
