import { fail, ok, type Result } from '../result.ts';
import { unitIdAt, type DocumentId } from '../model/ids.ts';
import type { Lang } from '../model/lang.ts';
import { importedRendering } from '../model/importedRendering.ts';
import type { Comment } from '../model/review.ts';
import type {
  Document,
  OriginalFile,
  Project,
  Rendering,
  RenderingState,
  Revision,
  Unit,
  UnitOrigin,
} from '../model/types.ts';
import { withoutCodes } from '../text/codeTokens.ts';
import { contentOf, UnitCodes } from './codeTable.ts';
import {
  COMMENT_NOTE,
  REJECTION_NOTE,
  type InterchangeDocument,
  type InterchangeFormat,
  type InterchangeTarget,
  type InterchangeUnit,
  type Note,
} from './interchange.ts';
import { serialiseXml } from './xml/serialiseXml.ts';
import { toBase64 } from './base64.ts';

/**
 * The one mapping between an interchange document and a project's rows, used by the app's import and export
 * (worker jobs) and by the command line's conversions to and from backups:
 *  - a target with text becomes a rendering in its state with one `import` revision (state `new` or no text: no
 *    rendering); an `audarma:rejection` note becomes the revision's note, other notes become comments; text in
 *    a project target language with no state of its own (a CSV column, a plain-text MT) becomes `mt`;
 *  - going out, every project target language carries the rendering (text and state) or else the unit's machine
 *    translation as `mt`, the last rejection reason (imported or given here) and the comments as notes;
 *  - a file whose format keeps its own structure (XLIFF) is kept whole on the document, each unit with its place
 *    in it, so that it can be written back as it came.
 */

/** Rows of a new document, ready to be written as they are. */
export type DocumentRows = {
  readonly document: Document;
  readonly units: readonly Unit[];
  readonly renderings: readonly Rendering[];
  readonly revisions: readonly Revision[];
  readonly comments: readonly Comment[];
};

/** Something that will not come across; the import still works. A message key under `transfer.notice`. */
export type ImportNotice = {
  readonly code: 'languageLeftOut' | 'inlineCodes';
  readonly params: Readonly<Record<string, string | number>>;
};
/** A refusal, as a message key under `transfer.error` with params. */
export type ImportRefusal = {
  readonly code: 'noUnits' | 'sourceLangNotInProject';
  readonly params: Readonly<Record<string, string | number>>;
};

export type PlannedImport = {
  readonly rows: DocumentRows;
  /** Renderings written per project language. */
  readonly renderings: Readonly<Record<Lang, number>>;
  readonly notices: readonly ImportNotice[];
};

/** The project language a file language stands for: same code, or same primary language without a script. */
export function projectLang(fileLang: Lang, project: Project): Lang | undefined {
  const langs = [project.sourceLang, ...project.targetLangs];
  const code = fileLang.trim().toLowerCase().replace('_', '-');
  const exact = langs.find((l) => l.toLowerCase() === code);
  if (exact) return exact;
  const [primary, ...rest] = code.split('-');
  if (rest.some((part) => /^[a-z]{4}$/.test(part))) return undefined; // a script subtag: kk-Latn is not kk
  return langs.find((l) => l.toLowerCase() === primary);
}

/** Formats whose original file is kept on the document and written back on an "as the original" export. */
const KEEPS_XML: readonly InterchangeFormat[] = ['xliff-2.0', 'xliff-2.1', 'xliff-2.2', 'xliff-1.2'];
/** Formats whose unit ids come from the file and go back into it. */
const KEEPS_IDS: readonly InterchangeFormat[] = [...KEEPS_XML, 'tmx', 'csv', 'tsv'];

/** The file to keep on the document: an XLIFF's XML as read, a .docx package as base64. */
function keptFile(doc: InterchangeDocument, fileName: string): OriginalFile | undefined {
  if (doc.original !== undefined && KEEPS_XML.includes(doc.format))
    return { format: doc.format, fileName, text: serialiseXml(doc.original) };
  if (doc.package !== undefined && doc.format === 'docx')
    return { format: doc.format, fileName, text: toBase64(doc.package) };
  return undefined;
}

export function documentRows(
  doc: InterchangeDocument,
  input: {
    readonly project: Project;
    readonly documentId: DocumentId;
    readonly documentName: string;
    readonly fileName: string;
    readonly author: string;
    readonly now: number;
    /** Keep a document without units (a conversion keeps it; the app refuses it as `noUnits`). */
    readonly allowEmpty?: boolean;
  },
): Result<PlannedImport, ImportRefusal> {
  const { project, author, now, documentId: id } = input;
  const notices: ImportNotice[] = [];
  if (doc.units.length === 0 && !input.allowEmpty) return fail({ code: 'noUnits', params: {} });
  const fileLangs = [doc.sourceLang, ...doc.targetLangs];
  if (projectLang(doc.sourceLang, project) === undefined)
    return fail({
      code: 'sourceLangNotInProject',
      params: { lang: doc.sourceLang, langs: [project.sourceLang, ...project.targetLangs].join(', ') },
    });
  for (const l of doc.targetLangs)
    if (projectLang(l, project) === undefined) notices.push({ code: 'languageLeftOut', params: { lang: l } });
  const kept = keptFile(doc, input.fileName);
  const keepsOriginal = kept !== undefined;
  // A unit keeps its place in a kept file, or its id where the file gave it one (TMX tuid, a table's id column).
  const origin = (u: InterchangeUnit): { origin?: UnitOrigin } =>
    keepsOriginal && u.locator
      ? { origin: u.locator }
      : KEEPS_IDS.includes(doc.format) && u.id !== ''
        ? { origin: { file: '', unit: u.id, segment: 0 } }
        : {};
  const units: Unit[] = [];
  const renderings: Rendering[] = [];
  const revisions: Revision[] = [];
  const comments: Comment[] = [];
  const counts: Record<Lang, number> = {};
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
    const uid = unitIdAt(id, index);
    const separator = index === 0 ? '' : (u.separator ?? '\n\n');
    if (index > 0 && separator.includes('\n')) paragraph += 1;
    let source = '';
    const mt: Record<Lang, string> = {};
    const contents: { lang: Lang; text: string; state: RenderingState; notes: readonly Note[] }[] = [];
    // Inline codes become code characters in the texts, numbered in the source (see text/codeTokens).
    const codes = new UnitCodes();
    const sourceContent = u.source;
    for (const fileLang of fileLangs) {
      const mapped = projectLang(fileLang, project);
      const isSource = fileLang === doc.sourceLang;
      const content = isSource ? u.source : u.targets[fileLang]?.content;
      if (mapped === undefined || content === undefined) continue;
      const text = isSource ? codes.source(sourceContent) : codes.target(content);
      if (mapped === project.sourceLang) source = text;
      else if (isSource) {
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
      kind: u.kind ?? 'sentence',
      separator,
      source,
      mt,
      ...origin(u),
      ...(codes.empty ? {} : { codes: codes.table }),
    });
    u.notes.forEach((n, i) => comment(uid, n, i));
    for (const c of contents) {
      const rejection = c.notes.find((n) => n.category === REJECTION_NOTE);
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
  const document: Document = {
    id,
    projectId: project.id,
    name: input.documentName,
    createdAt: now,
    unitCount: units.length,
    ...(kept ? { original: kept } : {}),
  };
  return ok({ rows: { document, units, renderings, revisions, comments }, renderings: counts, notices });
}

/** What a document export reads: the project and the stored rows of one document. */
export type StoredDocument = {
  readonly project: Project;
  readonly units: readonly Unit[];
  readonly renderings: readonly Rendering[];
  /** Revisions of the document: the last note of a rejected rendering is its rejection reason. */
  readonly revisions: readonly Revision[];
  readonly comments: readonly Comment[];
};

/**
 * A stored document as an interchange document: source, every target language with its state, the last
 * rejection reason of a rejected rendering as an `audarma:rejection` note and comments as notes. Units without a
 * rendering carry their MT, if any. `lang` names a language as written in files (Kazakh Latin is `kk-Latn`) and
 * `text` turns a text into it.
 */
export function interchangeOf(
  input: StoredDocument,
  options: {
    readonly fileLang?: (lang: Lang) => Lang;
    readonly text?: (lang: Lang, text: string) => string;
    /** Give units their place in the document's kept original file (see asOriginal). */
    readonly locators?: boolean;
  } = {},
): InterchangeDocument {
  const { project } = input;
  const fileLang = options.fileLang ?? ((l: Lang) => l);
  const script = options.text ?? ((_l: Lang, t: string) => t);
  const byUnit = new Map<string, Map<Lang, Rendering>>();
  for (const r of input.renderings) {
    const perLang = byUnit.get(r.unitId) ?? new Map<Lang, Rendering>();
    perLang.set(r.lang, r);
    byUnit.set(r.unitId, perLang);
  }
  // The reason stays with the rendering while it is rejected, whether given here or imported with the file.
  const reasons = new Map<string, string>();
  for (const v of [...input.revisions].sort((a, b) => a.number - b.number))
    if (v.state === 'rejected' && v.note) reasons.set(v.renderingId, v.note);
  const notesOf = new Map<string, Note[]>();
  for (const c of input.comments) {
    const key = `${c.unitId}\u0000${c.lang ?? ''}`;
    const list = notesOf.get(key) ?? [];
    list.push({ text: c.text, ...(c.author ? { from: c.author } : {}), category: COMMENT_NOTE });
    notesOf.set(key, list);
  }
  // Ids as the file gave them; the segments of one file unit are told apart by their place in it.
  const segments = new Map<string, number>();
  const placeKey = (o: UnitOrigin) => `${o.file}\u0000${o.unit}`;
  for (const u of input.units)
    if (u.origin) segments.set(placeKey(u.origin), (segments.get(placeKey(u.origin)) ?? 0) + 1);
  const idOf = (u: Unit) =>
    !u.origin
      ? `u${u.index + 1}`
      : (segments.get(placeKey(u.origin)) ?? 0) > 1
        ? `${u.origin.unit}/${u.origin.segment + 1}`
        : u.origin.unit;
  const units: InterchangeUnit[] = [...input.units]
    .sort((a, b) => a.index - b.index)
    .map((u) => {
      const table = u.codes ?? {};
      const targets: Record<Lang, InterchangeTarget> = {};
      for (const lang of project.targetLangs) {
        const r = byUnit.get(u.id)?.get(lang);
        const text = r?.text ?? u.mt[lang];
        if (text === undefined) continue;
        const reason = r?.state === 'rejected' ? reasons.get(r.id) : undefined;
        const machine = u.mt[lang];
        targets[fileLang(lang)] = {
          content: contentOf(text, table).content.map((p) => (typeof p === 'string' ? script(lang, p) : p)),
          state: r?.state ?? 'mt',
          notes: [
            ...(reason ? [{ text: reason, category: REJECTION_NOTE }] : []),
            ...(notesOf.get(`${u.id}\u0000${lang}`) ?? []),
          ],
          ...(machine ? { machine: script(lang, withoutCodes(machine)) } : {}),
        };
      }
      return {
        id: idOf(u),
        source: contentOf(u.source, table).content,
        targets,
        notes: notesOf.get(`${u.id}\u0000`) ?? [],
        separator: u.separator,
        ...(u.kind !== 'sentence' ? { kind: u.kind } : {}),
        ...(u.origin && options.locators ? { locator: u.origin } : {}),
      };
    });
  return {
    sourceLang: project.sourceLang,
    targetLangs: project.targetLangs.map(fileLang),
    units,
    format: 'text',
  };
}
