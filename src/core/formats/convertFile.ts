import { fail, ok, type Problem, type Result } from '../result.ts';
import { projectId } from '../model/ids.ts';
import type { Lang } from '../model/lang.ts';
import type { TermEntry } from '../model/term.ts';
import { parseBundle, serialiseBundle, type ProjectBundle } from './backup.ts';
import { delimiterFor, parseTable } from './csv.ts';
import { readDocument, writeDocument, type ConvertOptions, type FileKind } from './convertDocument.ts';
import { bundleFromDocument, bundleFromGlossary, documentFromBundle } from './convertProject.ts';
import { parseGlossaryCsv, serialiseGlossaryCsv } from './glossaryCsv.ts';
import type { InterchangeDocument } from './interchange.ts';
import { parseTbx, serialiseTbx } from './tbx.ts';
import { decodeText } from './decodeText.ts';
import { KNOWN_EXTENSIONS, formatOf } from './registry.ts';
import { FORBIDDEN_XML_CHAR } from './xml/xmlChars.ts';

/**
 * Any file `convert` handles. Documents: .txt .csv .tsv .xlf .xliff .tmx .docx; glossaries: .tbx, and .csv/.tsv
 * read as glossary CSV; .json is a project backup, which holds both.
 *
 * What is converted is a document unless a side is .tbx or `part` is `glossary`:
 *  - document → document: convertDocument; a backup gives its first document (or the one named `documentName`),
 *    and a document becomes a new one-project backup (bundleFromDocument);
 *  - glossary → glossary: entries through parseTbx / parseGlossaryCsv / a backup's terms, written as TBX v3 Basic,
 *    glossary CSV (with the entry ids) or a glossary-only backup.
 * A glossary side paired with a document-only format (.txt .xlf .xliff .tmx .docx) is refused: terms are not units.
 */
export type AnyFileKind = FileKind | 'tbx' | 'json';

export const CONVERT_EXTENSIONS = KNOWN_EXTENSIONS;

export function anyFileKind(fileName: string): AnyFileKind | undefined {
  return formatOf(fileName)?.id;
}

export type ConvertFileOptions = ConvertOptions & {
  /** `glossary` reads and writes .csv/.tsv as glossary CSV and a backup's terms; default: document. */
  readonly part?: 'document' | 'glossary';
  /** Document of a backup to export (by name or id); default its first document. */
  readonly documentName?: string;
  readonly now: number;
  readonly author?: string;
  /** Fresh ids for new backups (tests fix them); the app's random ids by default. */
  readonly newId?: (prefix: string) => string;
};

export type Converted = {
  readonly bytes: Uint8Array;
  readonly part: 'document' | 'glossary';
  /** Units of the document, or entries of the glossary, that were converted. */
  readonly count: number;
};

const encode = (s: string) => new TextEncoder().encode(s);
const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name;

/** Converts IN's bytes into OUT's format; any problem names its file (and line where known). */
export function convertFile(
  bytes: Uint8Array,
  inName: string,
  outName: string,
  options: ConvertFileOptions,
): Result<Converted> {
  const inKind = anyFileKind(inName);
  const outKind = anyFileKind(outName);
  for (const [name, kind] of [
    [inName, inKind],
    [outName, outKind],
  ] as const) {
    if (!kind) return fail({ file: name, message: `unknown file type (use ${CONVERT_EXTENSIONS})` });
  }
  if (!inKind || !outKind) return fail({ message: 'unknown file type' });
  const tbxSide = inKind === 'tbx' ? inName : outKind === 'tbx' ? outName : undefined;
  if (options.part === 'document' && tbxSide !== undefined)
    return fail({ file: tbxSide, message: 'a .tbx file is a glossary, not a document' });
  if (options.part === 'glossary' || tbxSide !== undefined) {
    for (const [name, kind] of [
      [inName, inKind],
      [outName, outKind],
    ] as const) {
      if (!formatOf(name)?.holds.glossary)
        return fail({
          file: name,
          message: `.${kind === 'text' ? 'txt' : kind} holds a document, not a glossary: a glossary converts only between .tbx, .csv, .tsv and .json`,
        });
    }
    return convertGlossary(bytes, inName, inKind, outKind, options);
  }
  const doc =
    inKind === 'json'
      ? readBackupDocument(bytes, options.documentName)
      : readDocument(bytes, inName, options);
  if (!doc.ok) return fail({ file: inName, ...doc.error });
  // A text, table or .docx file without text would convert into an empty file and look like success.
  if (
    doc.value.units.length === 0 &&
    (inKind === 'text' || inKind === 'csv' || inKind === 'tsv' || inKind === 'docx')
  )
    return fail({ file: inName, message: 'the file holds no text: nothing to convert', line: 1 });
  if (outKind === 'json') {
    const name = baseName(inName);
    const bundle = bundleFromDocument(doc.value, {
      projectName: name.replace(/\.[a-z]+$/i, '') || name,
      documentName: name,
      now: options.now,
      ...(options.author !== undefined ? { author: options.author } : {}),
      ...(options.newId ? { newId: options.newId } : {}),
    });
    return ok({ bytes: encode(serialiseBundle(bundle)), part: 'document', count: doc.value.units.length });
  }
  const out = writeDocument(doc.value, outName, options);
  if (!out.ok) {
    // Text that XML cannot hold is the input's problem: name the line it is on when the input is text.
    const line = inKind === 'text' || inKind === 'csv' || inKind === 'tsv' ? forbiddenLine(bytes) : undefined;
    if (line !== undefined) return fail({ ...out.error, file: inName, line });
    return fail({ file: outName, ...out.error });
  }
  return ok({ bytes: out.value, part: 'document', count: doc.value.units.length });
}

function readBundle(bytes: Uint8Array): Result<ProjectBundle> {
  const text = decodeText(bytes);
  return text.ok ? parseBundle(text.value) : text;
}

function readBackupDocument(bytes: Uint8Array, name?: string): Result<InterchangeDocument> {
  const bundle = readBundle(bytes);
  return bundle.ok ? documentFromBundle(bundle.value, name) : bundle;
}

function convertGlossary(
  bytes: Uint8Array,
  inName: string,
  inKind: AnyFileKind,
  outKind: AnyFileKind,
  options: ConvertFileOptions,
): Result<Converted> {
  const read = readGlossary(bytes, inName, inKind, options.now);
  if (!read.ok) return fail({ file: inName, ...read.error });
  const { entries, ids } = read.value;
  let text: string;
  if (outKind === 'tbx') {
    const lang: Lang | undefined = options.sourceLang;
    text = serialiseTbx(entries, lang ? { lang } : {});
  } else if (outKind === 'json') {
    const name = baseName(inName);
    text = serialiseBundle(
      bundleFromGlossary(entries, {
        projectName: name.replace(/\.[a-z]+$/i, '') || name,
        now: options.now,
        ...(options.sourceLang ? { sourceLang: options.sourceLang } : {}),
        ...(options.newId ? { newId: options.newId } : {}),
      }),
    );
  } else text = serialiseGlossaryCsv(entries, { ids, delimiter: outKind === 'tsv' ? '\t' : ',' });
  return ok({ bytes: encode(text), part: 'glossary', count: entries.length });
}

/** Entries of a glossary file, and whether their ids are worth keeping (they came from the file). */
function readGlossary(
  bytes: Uint8Array,
  name: string,
  kind: AnyFileKind,
  now: number,
): Result<{ entries: readonly TermEntry[]; ids: boolean }, Problem> {
  if (kind === 'json') {
    const bundle = readBundle(bytes);
    return bundle.ok ? ok({ entries: bundle.value.terms, ids: true }) : bundle;
  }
  const text = decodeText(bytes);
  if (!text.ok) return text;
  const pid = projectId('convert');
  if (kind === 'tbx') {
    const entries = parseTbx(text.value, pid, now);
    return entries.ok ? ok({ entries: entries.value, ids: true }) : entries;
  }
  const delimiter = kind === 'tsv' ? '\t' : delimiterFor(name, text.value);
  const entries = parseGlossaryCsv(text.value, pid, now, { delimiter });
  if (!entries.ok) return entries;
  const table = parseTable(text.value, delimiter);
  const ids = table.ok && table.value.header.some((h) => h.trim().toLowerCase() === 'id');
  return ok({ entries: entries.value, ids });
}

/** 1-based line of the first character XML forbids in a text file, if any. */
function forbiddenLine(bytes: Uint8Array): number | undefined {
  const text = decodeText(bytes);
  if (!text.ok) return undefined;
  const m = FORBIDDEN_XML_CHAR.exec(text.value);
  if (!m) return undefined;
  let line = 1;
  for (let i = text.value.indexOf('\n'); i >= 0 && i < m.index; i = text.value.indexOf('\n', i + 1))
    line += 1;
  return line;
}
