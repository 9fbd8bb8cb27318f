import { type Problem, type Result } from '../../core/result.ts';
import { parseBundle, type ProjectBundle } from '../../core/formats/backup.ts';
import { readDocument } from '../../core/formats/convertDocument.ts';
import { decodeText } from '../../core/formats/decodeText.ts';
import type { InterchangeDocument, InterchangeFormat } from '../../core/formats/interchange.ts';
import {
  documentRows,
  type DocumentRows,
  type ImportNotice,
  type ImportRefusal,
} from '../../core/formats/projectDocument.ts';
import { formatOf } from '../../core/formats/registry.ts';
import { documentId, newId } from '../../core/model/ids.ts';
import type { Lang } from '../../core/model/lang.ts';
import type { Project } from '../../core/model/types.ts';

export type { ImportNotice, ImportRefusal } from '../../core/formats/projectDocument.ts';

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
export type PlannedDocument = DocumentRows;

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
    const text = decodeText(input.bytes);
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
  const doc = read.value;
  const planned = documentRows(doc, {
    project: input.project,
    documentId: documentId(input.documentId ?? newId('doc')),
    documentName: input.documentName?.trim() || input.fileName,
    fileName: input.fileName,
    author: input.author,
    now: input.now,
  });
  progress(1);
  if (!planned.ok)
    return {
      kind: 'error',
      problem: { message: planned.error.code, file: input.fileName },
      refusal: planned.error,
    };
  const { rows, renderings, notices } = planned.value;
  return {
    kind: 'document',
    rows,
    preview: {
      format: doc.format,
      languages: [doc.sourceLang, ...doc.targetLangs],
      units: rows.units.length,
      renderings,
      notices,
    },
  };
}

function readImport(input: ParseImportInput, lang: Lang): Result<InterchangeDocument> {
  const kind = formatOf(input.fileName)?.id;
  // A table without a column for the project's source language takes its first language column as source.
  const tableWithout =
    (kind === 'csv' || kind === 'tsv') && !headerCells(input.bytes).includes(lang.toLowerCase());
  return readDocument(input.bytes, input.fileName, tableWithout ? {} : { sourceLang: lang });
}

function headerCells(bytes: Uint8Array): string[] {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  return (head.split(/\r?\n/)[0] ?? '')
    .split(/[,;\t]/)
    .map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
}
