import { fail, ok, type Problem, type Result } from '../../core/result.ts';
import { parseBundle, type ProjectBundle } from '../../core/formats/backup.ts';
import { fileKind, readDocument } from '../../core/formats/convertDocument.ts';
import { decodeXml } from '../../core/formats/xml/decodeXml.ts';
import {
  hasCodes,
  plainText,
  type InterchangeDocument,
  type InterchangeFormat,
  type Note,
} from '../../core/formats/interchange.ts';
import { segmentText } from '../../core/text/segment.ts';
import { importedRendering } from '../../core/model/importedRendering.ts';
import { documentId, newId, unitId } from '../../core/model/ids.ts';
import type { Lang } from '../../core/model/lang.ts';
import type { Comment } from '../../core/model/review.ts';
import type {
  Document,
  Project,
  Rendering,
  RenderingState,
  Revision,
  Unit,
  UnitKind,
} from '../../core/model/types.ts';

export type ParseImportInput = {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** Project the document goes into: its languages decide what is kept. */
  readonly project: Project;
  /** Language of a plain-text or .docx file (default: the project's source language). */
  readonly lang?: Lang;
  readonly documentName?: string;
  readonly author: string;
  readonly now: number;
  /** Fixed id for tests; a fresh one otherwise. */
  readonly documentId?: string;
};

/** Rows of a new document, ready to be written as they are. */
export type PlannedDocument = {
  readonly document: Document;
  readonly units: readonly Unit[];
  readonly renderings: readonly Rendering[];
  readonly revisions: readonly Revision[];
  readonly comments: readonly Comment[];
};

export type ImportPreview = {
  readonly format: InterchangeFormat;
  /** Languages of the file, source first. */
  readonly languages: readonly Lang[];
  readonly units: number;
  /** Renderings that will be written, per project language. */
  readonly renderings: Readonly<Record<Lang, number>>;
  /** What will not come across (languages outside the project, inline codes…); the import still works. */
  readonly notices: readonly ImportNotice[];
};

/** A notice or a refusal of our own, as a message key under `transfer.notice` / `transfer.error` with params. */
export type ImportNotice = {
  readonly code: 'languageLeftOut' | 'inlineCodes';
  readonly params: Readonly<Record<string, string | number>>;
};
export type ImportRefusal = {
  readonly code: 'noUnits' | 'sourceLangNotInProject';
  readonly params: Readonly<Record<string, string | number>>;
};

export type BackupPreview = {
  readonly projectName: string;
  readonly documents: number;
  readonly units: number;
  readonly renderings: number;
  readonly terms: number;
};

export type ParseImportOutput =
  /** A parser's problem (English, with file and line) or, with `refusal`, one of ours to translate. */
  | { readonly kind: 'error'; readonly problem: Problem; readonly refusal?: ImportRefusal }
  | { readonly kind: 'document'; readonly preview: ImportPreview; readonly rows: PlannedDocument }
  | { readonly kind: 'backup'; readonly preview: BackupPreview; readonly bundle: ProjectBundle };

const REJECTION = 'audarma:rejection';

function isBackup(fileName: string, bytes: Uint8Array): boolean {
  if (/\.json$/i.test(fileName)) return true;
  const head = new TextDecoder().decode(bytes.subarray(0, 200));
  return /^\s*\{[\s\S]*"format"\s*:\s*"audarma-backup"/.test(head.replace(/^\uFEFF/, ''));
}

/** Reads a file for import: a project backup, or a document in any format Audarma reads, mapped onto the project. */
export function parseImport(
  input: ParseImportInput,
  progress: (fraction: number) => void,
): ParseImportOutput {
  const located = (problem: Problem): ParseImportOutput => ({
    kind: 'error',
    problem: { ...problem, file: input.fileName },
  });
  progress(0.05);
  if (isBackup(input.fileName, input.bytes)) {
    const text = decodeXml(input.bytes);
    if (!text.ok) return located(text.error);
    const bundle = parseBundle(text.value);
    progress(1);
    if (!bundle.ok) return located(bundle.error);
    const b = bundle.value;
    return {
      kind: 'backup',
      bundle: b,
      preview: {
        projectName: b.project.name,
        documents: b.documents.length,
        units: b.units.length,
        renderings: b.renderings.length,
        terms: b.terms.length,
      },
    };
  }
  const lang = input.lang ?? input.project.sourceLang;
  const read = readImport(input, lang);
  progress(0.6);
  if (!read.ok) return located(read.error);
  const planned = planDocument(read.value.doc, read.value.kinds, input);
  progress(1);
  if (!planned.ok)
    return {
      kind: 'error',
      problem: { message: planned.error.code, file: input.fileName },
      refusal: planned.error,
    };
  return { kind: 'document', ...planned.value };
}

function readImport(
  input: ParseImportInput,
  lang: Lang,
): Result<{ doc: InterchangeDocument; kinds?: readonly UnitKind[] }> {
  if (fileKind(input.fileName) === 'text') {
    // Plain text is segmented here rather than through readPlainText, to keep headings and list items apart.
    const text = decodeXml(input.bytes);
    if (!text.ok) return text;
    const segments = segmentText(text.value.replace(/^\uFEFF/, ''), lang);
    return ok({
      doc: {
        sourceLang: lang,
        targetLangs: [],
        format: 'text',
        units: segments.map((s, i) => ({
          id: `u${i + 1}`,
          source: [s.text],
          targets: {},
          notes: [],
          separator: s.separator,
        })),
      },
      kinds: segments.map((s) => s.kind),
    });
  }
  const kind = fileKind(input.fileName);
  // A table without a column for the project's source language takes its first language column as source.
  const tableWithout =
    (kind === 'csv' || kind === 'tsv') && !headerCells(input.bytes).includes(lang.toLowerCase());
  const doc = readDocument(input.bytes, input.fileName, tableWithout ? {} : { sourceLang: lang });
  return doc.ok ? ok({ doc: doc.value }) : doc;
}

function headerCells(bytes: Uint8Array): string[] {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  return (head.split(/\r?\n/)[0] ?? '')
    .split(/[,;\t]/)
    .map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
}

/** The project language a file language stands for: same code, or same primary language without a script. */
function projectLang(fileLang: Lang, project: Project): Lang | undefined {
  const langs = [project.sourceLang, ...project.targetLangs];
  const code = fileLang.trim().toLowerCase().replace('_', '-');
  const exact = langs.find((l) => l.toLowerCase() === code);
  if (exact) return exact;
  const [primary, ...rest] = code.split('-');
  if (rest.some((part) => /^[a-z]{4}$/.test(part))) return undefined; // a script subtag: kk-Latn is not kk
  return langs.find((l) => l.toLowerCase() === primary);
}

function planDocument(
  doc: InterchangeDocument,
  kinds: readonly UnitKind[] | undefined,
  input: ParseImportInput,
): Result<{ preview: ImportPreview; rows: PlannedDocument }, ImportRefusal> {
  const { project, author, now } = input;
  const notices: ImportNotice[] = [];
  if (doc.units.length === 0) return fail({ code: 'noUnits', params: {} });
  const fileLangs = [doc.sourceLang, ...doc.targetLangs];
  const sourceMapped = projectLang(doc.sourceLang, project);
  if (sourceMapped === undefined)
    return fail({
      code: 'sourceLangNotInProject',
      params: { lang: doc.sourceLang, langs: [project.sourceLang, ...project.targetLangs].join(', ') },
    });
  for (const l of doc.targetLangs)
    if (projectLang(l, project) === undefined) notices.push({ code: 'languageLeftOut', params: { lang: l } });
  const id = documentId(input.documentId ?? newId('doc'));
  const units: Unit[] = [];
  const renderings: Rendering[] = [];
  const revisions: Revision[] = [];
  const comments: Comment[] = [];
  const counts: Record<Lang, number> = {};
  let codes = 0;
  let paragraph = 0;
  const comment = (uid: Unit['id'], n: Note, i: number, lang?: Lang) =>
    comments.push({
      id: `${uid}:note${i}${lang ? `:${lang}` : ''}`,
      documentId: id,
      unitId: uid,
      ...(lang ? { lang } : {}),
      author: n.from ?? author,
      at: now,
      text: n.text,
      open: 1,
    });
  doc.units.forEach((u, index) => {
    const uid = unitId(`${id}:u${index.toString(36).padStart(5, '0')}`);
    const separator = index === 0 ? '' : (u.separator ?? '\n\n');
    if (index > 0 && separator.includes('\n')) paragraph += 1;
    let source = '';
    const mt: Record<Lang, string> = {};
    const contents: { lang: Lang; text: string; state: RenderingState; notes: readonly Note[] }[] = [];
    for (const fileLang of fileLangs) {
      const mapped = projectLang(fileLang, project);
      const isSource = fileLang === doc.sourceLang;
      const content = isSource ? u.source : u.targets[fileLang]?.content;
      if (mapped === undefined || content === undefined) continue;
      if (hasCodes(content)) codes += 1;
      const text = plainText(content);
      if (mapped === project.sourceLang) source = text;
      else if (isSource) {
        // Text in a target language with no state of its own (a plain-text MT, a CSV column): a draft.
        if (text.trim() === '') continue;
        mt[mapped] = text;
        contents.push({ lang: mapped, text, state: 'mt', notes: [] });
      } else {
        const target = u.targets[fileLang];
        if (!target || target.state === 'new' || text.trim() === '') continue;
        contents.push({ lang: mapped, text, state: target.state, notes: target.notes });
      }
    }
    units.push({
      id: uid,
      documentId: id,
      index,
      paragraph,
      kind: kinds?.[index] ?? 'sentence',
      separator,
      source,
      mt,
    });
    u.notes.forEach((n, i) => comment(uid, n, i));
    for (const c of contents) {
      const rejection = c.notes.find((n) => n.category === REJECTION);
      counts[c.lang] = (counts[c.lang] ?? 0) + 1;
      const imported = importedRendering({
        unitId: uid,
        documentId: id,
        lang: c.lang,
        text: c.text,
        state: c.state,
        author,
        at: now,
        ...(rejection ? { note: rejection.text } : {}),
      });
      renderings.push(imported.rendering);
      revisions.push(imported.revision);
      c.notes.forEach((n, i) => {
        if (n !== rejection) comment(uid, n, i, c.lang);
      });
    }
  });
  if (codes > 0) notices.push({ code: 'inlineCodes', params: { count: codes } });
  const document: Document = {
    id,
    projectId: project.id,
    name: input.documentName?.trim() || input.fileName,
    createdAt: now,
    unitCount: units.length,
  };
  return ok({
    preview: { format: doc.format, languages: fileLangs, units: units.length, renderings: counts, notices },
    rows: { document, units, renderings, revisions, comments },
  });
}
