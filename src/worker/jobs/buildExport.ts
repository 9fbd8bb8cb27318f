import { serialiseBundle, type ProjectBundle } from '../../core/formats/backup.ts';
import { writeDocx } from '../../core/formats/docx.ts';
import type {
  InterchangeDocument,
  InterchangeTarget,
  InterchangeUnit,
  Note,
} from '../../core/formats/interchange.ts';
import { writePlainText } from '../../core/formats/plainText.ts';
import { writeTmx } from '../../core/formats/tmx.ts';
import { writeXliff1 } from '../../core/formats/xliff1.ts';
import { writeXliff2 } from '../../core/formats/xliff2.ts';
import { kazakhToLatin } from '../../core/translit/kazakhToLatin.ts';
import { primaryLang, type Lang } from '../../core/model/lang.ts';
import type { Comment } from '../../core/model/review.ts';
import type { Document, Project, Rendering, Revision, Unit } from '../../core/model/types.ts';
import { assertNever } from '../../core/result.ts';

export const EXPORT_FORMATS = ['text', 'docx', 'xliff-2.1', 'xliff-2.2', 'xliff-1.2', 'tmx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type KazakhScript = 'cyrillic' | 'latin';

export type DocumentExport = {
  readonly kind: 'document';
  readonly format: ExportFormat;
  readonly project: Project;
  readonly document: Document;
  readonly units: readonly Unit[];
  readonly renderings: readonly Rendering[];
  /** Revisions of the document: the last note of a rejected rendering is its rejection reason. */
  readonly revisions: readonly Revision[];
  readonly comments: readonly Comment[];
  /** Language to write for text, .docx and XLIFF (ignored by TMX, which holds every language). */
  readonly lang: Lang;
  readonly kazakhScript: KazakhScript;
};
export type BackupExport = { readonly kind: 'backup'; readonly bundle: ProjectBundle };
export type BuildExportInput = DocumentExport | BackupExport;

export type ExportFile = { readonly fileName: string; readonly mimeType: string; readonly bytes: Uint8Array };

export const MIME_TYPES: Readonly<Record<ExportFormat | 'backup', string>> = {
  text: 'text/plain;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'xliff-2.1': 'application/xliff+xml',
  'xliff-2.2': 'application/xliff+xml',
  'xliff-1.2': 'application/xliff+xml',
  tmx: 'application/x-tmx+xml',
  backup: 'application/json',
};

export const REJECTION_NOTE = 'audarma:rejection';
export const COMMENT_NOTE = 'audarma:comment';

const isKazakh = (lang: Lang) => primaryLang(lang) === 'kk';

/** Language code written in files: Kazakh in the Latin alphabet is `kk-Latn`. */
export function fileLang(lang: Lang, script: KazakhScript): Lang {
  return isKazakh(lang) && script === 'latin' ? 'kk-Latn' : lang;
}

/**
 * A stored document as an interchange document: source, every target language with its state, rejection
 * reasons as `audarma:rejection` notes and comments as notes. Units without a rendering carry their MT, if any.
 */
export function toInterchange(input: DocumentExport): InterchangeDocument {
  const { project, kazakhScript } = input;
  const script = (lang: Lang, text: string) =>
    isKazakh(lang) && kazakhScript === 'latin' ? kazakhToLatin(text) : text;
  const byUnit = new Map<string, Map<Lang, Rendering>>();
  for (const r of input.renderings) {
    const perLang = byUnit.get(r.unitId) ?? new Map<Lang, Rendering>();
    perLang.set(r.lang, r);
    byUnit.set(r.unitId, perLang);
  }
  const reasons = new Map<string, string>();
  for (const v of [...input.revisions].sort((a, b) => a.number - b.number))
    if (v.action === 'reject' && v.note) reasons.set(v.renderingId, v.note);
  const notesOf = new Map<string, Note[]>();
  for (const c of input.comments) {
    const key = `${c.unitId}\u0000${c.lang ?? ''}`;
    const list = notesOf.get(key) ?? [];
    list.push({ text: c.text, from: c.author, category: COMMENT_NOTE });
    notesOf.set(key, list);
  }
  const units: InterchangeUnit[] = [...input.units]
    .sort((a, b) => a.index - b.index)
    .map((u) => {
      const targets: Record<Lang, InterchangeTarget> = {};
      for (const lang of project.targetLangs) {
        const r = byUnit.get(u.id)?.get(lang);
        const comments = notesOf.get(`${u.id}\u0000${lang}`) ?? [];
        const reason = r?.state === 'rejected' ? reasons.get(r.id) : undefined;
        const notes = [...(reason ? [{ text: reason, category: REJECTION_NOTE }] : []), ...comments];
        const text = r?.text ?? u.mt[lang];
        if (text === undefined) continue;
        targets[fileLang(lang, kazakhScript)] = {
          content: text === '' ? [] : [script(lang, text)],
          state: r?.state ?? 'mt',
          notes,
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
  return {
    sourceLang: project.sourceLang,
    targetLangs: project.targetLangs.map((l) => fileLang(l, kazakhScript)),
    units,
    format: 'text',
  };
}

/**
 * Units having text in `lang` only, the separator of a left-out unit carried over so that paragraph breaks stay
 * where they were (a unit with no rendering must not glue two paragraphs together).
 */
function withTextIn(doc: InterchangeDocument, lang: Lang): InterchangeDocument {
  const units: InterchangeUnit[] = [];
  let carried = '';
  for (const u of doc.units) {
    const content = lang === doc.sourceLang ? u.source : u.targets[lang]?.content;
    const sep = u.separator ?? '\n\n';
    if (!content || content.length === 0) {
      if (sep.length > carried.length || (sep.includes('\n') && !carried.includes('\n'))) carried = sep;
      continue;
    }
    const separator = carried.includes('\n') && !sep.includes('\n') ? carried : sep;
    units.push({ ...u, separator: units.length === 0 ? '' : separator });
    carried = '';
  }
  return { ...doc, units };
}

/** Units with at least one approved rendering, and of those only the approved variants. */
function approvedOnly(doc: InterchangeDocument): InterchangeDocument {
  const units: InterchangeUnit[] = [];
  for (const u of doc.units) {
    const targets = Object.fromEntries(Object.entries(u.targets).filter(([, t]) => t.state === 'approved'));
    if (Object.keys(targets).length > 0) units.push({ ...u, targets });
  }
  return { ...doc, units };
}

/** Name without its extension and language tag: "article.en.txt" → "article". */
export function baseName(name: string): string {
  return name.replace(/\.[a-z0-9]{1,5}$/i, '').replace(/\.(?:ru|en|kk)(?:-latn)?$/i, '') || 'document';
}

const encode = (text: string) => new TextEncoder().encode(text);

export function buildExport(input: BuildExportInput, progress: (fraction: number) => void): ExportFile {
  progress(0.05);
  if (input.kind === 'backup') {
    const day = new Date(input.bundle.exportedAt).toISOString().slice(0, 10);
    const slug = input.bundle.project.name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60);
    const bytes = encode(serialiseBundle(input.bundle));
    progress(1);
    return { fileName: `${slug || 'project'}-${day}.audarma.json`, mimeType: MIME_TYPES.backup, bytes };
  }
  const doc = toInterchange(input);
  progress(0.4);
  const base = baseName(input.document.name);
  const lang = fileLang(input.lang, input.kazakhScript);
  const pair = `${input.project.sourceLang}-${lang}`;
  const out = (fileName: string, bytes: Uint8Array): ExportFile => {
    progress(1);
    return { fileName, mimeType: MIME_TYPES[input.format], bytes };
  };
  switch (input.format) {
    case 'text':
      return out(`${base}.${lang}.txt`, encode(writePlainText(withTextIn(doc, lang), lang)));
    case 'docx':
      return out(`${base}.${lang}.docx`, writeDocx(withTextIn(doc, lang), lang));
    case 'xliff-2.1':
      return out(`${base}.${pair}.xlf`, encode(writeXliff2(doc, { targetLang: lang, version: '2.1' })));
    case 'xliff-2.2':
      return out(
        `${base}.${pair}.xliff22.xlf`,
        encode(writeXliff2(doc, { targetLang: lang, version: '2.2' })),
      );
    case 'xliff-1.2':
      return out(`${base}.${pair}.xliff12.xlf`, encode(writeXliff1(doc, { targetLang: lang })));
    case 'tmx':
      return out(`${base}.tmx`, encode(writeTmx(approvedOnly(doc))));
    default:
      return assertNever(input.format);
  }
}
