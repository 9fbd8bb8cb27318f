import { fail, ok, type Problem, type Result } from '../result.ts';
import type { InterchangeDocument } from './interchange.ts';
import {
  FORMATS,
  formatOf,
  xliffFlavour,
  type FormatId,
  type ReadOptions,
  type WriteOptions,
} from './registry.ts';
import { validateTmx } from './tmx.ts';
import { validateXliff1 } from './xliff1.ts';
import { validateXliff2 } from './xliff2Validate.ts';
import { parseXml } from './xml/parseXml.ts';
import { MAX_UNITS } from './limits.ts';
import { codePointName, forbiddenXmlChar } from './xml/xmlChars.ts';

/** File kinds a document converts between (the document formats of the registry). */
export type FileKind = Extract<FormatId, 'text' | 'csv' | 'tsv' | 'xliff' | 'tmx' | 'docx'>;

/** Document file kind from the extension: .txt .csv .tsv .xlf .xliff .tmx .docx. */
export function fileKind(fileName: string): FileKind | undefined {
  const format = formatOf(fileName);
  return format?.read && format.write ? (format.id as FileKind) : undefined;
}

export type ConvertOptions = ReadOptions & WriteOptions;

/** Formats written as XML, which cannot hold every character a text can. */
const XML_FORMATS: ReadonlySet<FormatId> = new Set(['xliff', 'tmx', 'docx']);

const DOCUMENT_EXTENSIONS = FORMATS.filter((f) => f.read)
  .flatMap((f) => f.extensions.map((e) => `.${e}`))
  .join(' ');

/**
 * Reads a document file of any kind; a document of more than MAX_UNITS units is refused.
 */
export function readDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ConvertOptions = {},
): Result<InterchangeDocument> {
  const format = formatOf(fileName);
  if (!format?.read) return fail({ message: `${fileName}: unknown file type (use ${DOCUMENT_EXTENSIONS})` });
  const read = format.read(bytes, fileName, options);
  if (!read.ok) return read;
  const count = read.value.units.length;
  if (count > MAX_UNITS)
    return fail({
      message: `the document has ${count} units; the limit is ${MAX_UNITS}: split it into smaller files`,
    });
  return read;
}

export function writeDocument(
  doc: InterchangeDocument,
  fileName: string,
  options: ConvertOptions = {},
): Result<Uint8Array> {
  const format = formatOf(fileName);
  if (!format?.write) return fail({ message: `${fileName}: unknown file type (use ${DOCUMENT_EXTENSIONS})` });
  const lang = options.targetLang ?? doc.targetLangs[0];
  if (
    options.targetLang &&
    options.targetLang !== doc.sourceLang &&
    !doc.targetLangs.includes(options.targetLang) &&
    format.holds.languages !== 'pair'
  ) {
    return fail({
      message: `the document has no "${options.targetLang}" text (it has ${[doc.sourceLang, ...doc.targetLangs].join(', ')})`,
    });
  }
  if (XML_FORMATS.has(format.id)) {
    const bad = forbiddenInDocument(doc);
    if (bad)
      return fail({
        message: `unit "${bad.unit}": the character ${codePointName(bad.ch)} cannot be written in XML (.${fileName.split('.').pop() ?? format.id}); remove it, or convert to .txt, .csv or .tsv`,
      });
  }
  return ok(format.write(doc, lang, options));
}

export type Validation = { readonly format: string; readonly errors: readonly Problem[] };

/** Validates an XLIFF (1.2, 2.0, 2.1, 2.2) or TMX file; other XML is reported as unknown. */
export function validateXmlDocument(bytes: Uint8Array): Validation {
  const parsed = parseXml(bytes);
  if (!parsed.ok) return { format: 'xml', errors: [parsed.error] };
  const flavour = xliffFlavour(parsed.value);
  if (flavour === 'xliff-1.2') return { format: flavour, errors: validateXliff1(parsed.value) };
  if (flavour) return { format: flavour, errors: validateXliff2(parsed.value) };
  if (parsed.value.root.local === 'tmx') return { format: 'tmx', errors: validateTmx(parsed.value) };
  const root = parsed.value.root;
  return { format: 'xml', errors: [{ message: `unknown document type <${root.name}>`, line: root.line }] };
}

/** The first unit (source, a target or a note) holding a character XML 1.0 cannot hold. */
function forbiddenInDocument(doc: InterchangeDocument): { unit: string; ch: string } | undefined {
  for (const u of doc.units) {
    const texts = [
      u.source,
      ...Object.values(u.targets).map((t) => t.content),
      ...u.notes.map((n) => n.text),
    ];
    for (const t of Object.values(u.targets)) for (const n of t.notes) texts.push(n.text);
    for (const t of texts) {
      const ch = forbiddenXmlChar(t);
      if (ch !== undefined) return { unit: u.id, ch };
    }
  }
  return undefined;
}
