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

/** File kinds a document converts between (the document formats of the registry). */
export type FileKind = Extract<FormatId, 'text' | 'csv' | 'tsv' | 'xliff' | 'tmx' | 'docx'>;

/** Document file kind from the extension: .txt .csv .tsv .xlf .xliff .tmx .docx. */
export function fileKind(fileName: string): FileKind | undefined {
  const format = formatOf(fileName);
  return format?.read && format.write ? (format.id as FileKind) : undefined;
}

export type ConvertOptions = ReadOptions & WriteOptions;

const DOCUMENT_EXTENSIONS = FORMATS.filter((f) => f.read)
  .flatMap((f) => f.extensions.map((e) => `.${e}`))
  .join(' ');

export function readDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ConvertOptions = {},
): Result<InterchangeDocument> {
  const format = formatOf(fileName);
  if (!format?.read) return fail({ message: `${fileName}: unknown file type (use ${DOCUMENT_EXTENSIONS})` });
  return format.read(bytes, fileName, options);
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
