import { asOriginal } from '../../core/formats/asOriginal.ts';
import { serialiseBundle, type ProjectBundle } from '../../core/formats/backup.ts';
import type { InterchangeDocument, InterchangeUnit } from '../../core/formats/interchange.ts';
import { interchangeOf } from '../../core/formats/projectDocument.ts';
import { EXPORT_VARIANTS, formatById, type ExportFormat } from '../../core/formats/registry.ts';
import {
  DEFAULT_TEXT_CONTENT,
  selectText,
  type TextContent,
  type TextReport,
} from '../../core/formats/selectText.ts';
import { kazakhToLatin } from '../../core/translit/kazakhToLatin.ts';
import { primaryLang, type Lang } from '../../core/model/lang.ts';
import type { Comment } from '../../core/model/review.ts';
import type { Document, Project, Rendering, Revision, Unit } from '../../core/model/types.ts';

export { EXPORT_FORMATS, type ExportFormat } from '../../core/formats/registry.ts';
export { COMMENT_NOTE, REJECTION_NOTE } from '../../core/formats/interchange.ts';
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
  /** What text and Word exports hold (default: approved, else the machine translation, gaps marked). */
  readonly content?: TextContent;
};
export type BackupExport = { readonly kind: 'backup'; readonly bundle: ProjectBundle };
export type BuildExportInput = DocumentExport | BackupExport;

export type ExportFile = {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
  /** What a text or Word export took from where, to tell the reviewer. */
  readonly report?: TextReport;
};

const isKazakh = (lang: Lang) => primaryLang(lang) === 'kk';

/** Language code written in files: Kazakh in the Latin alphabet is `kk-Latn`. */
export function fileLang(lang: Lang, script: KazakhScript): Lang {
  return isKazakh(lang) && script === 'latin' ? 'kk-Latn' : lang;
}

/** A stored document as an interchange document, Kazakh written in the chosen alphabet (see interchangeOf). */
export function toInterchange(input: DocumentExport): InterchangeDocument {
  const latin = (lang: Lang) => isKazakh(lang) && input.kazakhScript === 'latin';
  return interchangeOf(input, {
    fileLang: (lang) => fileLang(lang, input.kazakhScript),
    text: (lang, text) => (latin(lang) ? kazakhToLatin(text) : text),
    locators: input.document.original !== undefined,
  });
}

/**
 * Units with a source and at least one approved rendering, and of those only the approved variants: a
 * translation memory pairs two texts, so a unit without its source is no memory entry.
 */
function approvedOnly(doc: InterchangeDocument): InterchangeDocument {
  const units: InterchangeUnit[] = [];
  for (const u of doc.units) {
    if (u.source.length === 0) continue;
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
    return {
      fileName: `${slug || 'project'}-${day}.audarma.json`,
      mimeType: formatById('json').mimeType,
      bytes,
    };
  }
  const doc = toInterchange(input);
  progress(0.4);
  const base = baseName(input.document.name);
  const lang = fileLang(input.lang, input.kazakhScript);
  const done = (file: ExportFile): ExportFile => {
    progress(1);
    return file;
  };
  if (input.format === 'original') {
    const original = input.document.original;
    if (!original) throw new Error(`document "${input.document.name}" keeps no original file`);
    const laid = asOriginal(doc, original);
    if (!laid.ok) throw new Error(`${original.fileName}: ${laid.error.message}`);
    // A Word file is written in the language chosen; an XLIFF in its own target language.
    const word = original.format === 'docx';
    const format = formatById(word ? 'docx' : 'xliff');
    const target = word ? lang : laid.value.targetLangs[0];
    return done({
      fileName: original.fileName.split(/[\\/]/).pop() ?? original.fileName,
      mimeType: format.mimeType,
      bytes: format.write?.(laid.value, target, {}) ?? new Uint8Array(),
    });
  }
  const variant = EXPORT_VARIANTS[input.format];
  const format = formatById(variant.format);
  if (!format.write) throw new Error(`no writer for ${variant.format}`);
  const fileName = variant.fileName(base, input.project.sourceLang, lang);
  if (variant.runningText) {
    const selected = selectText(doc, lang, input.content ?? DEFAULT_TEXT_CONTENT);
    return done({
      fileName,
      mimeType: format.mimeType,
      bytes: format.write(selected.doc, lang, variant.options),
      report: selected.report,
    });
  }
  const chosen = variant.format === 'tmx' ? approvedOnly(doc) : doc;
  return done({ fileName, mimeType: format.mimeType, bytes: format.write(chosen, lang, variant.options) });
}
