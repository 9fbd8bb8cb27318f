import { fail, ok, type Problem, type Result } from '../result.ts';
import type { Lang } from '../model/lang.ts';
import { delimiterFor } from './csv.ts';
import { readDocx, writeDocx } from './docx.ts';
import type { InterchangeDocument } from './interchange.ts';
import { readLanguageTable, writeLanguageTable } from './languageTable.ts';
import { readPlainText, writePlainText } from './plainText.ts';
import { readTmx, validateTmx, writeTmx } from './tmx.ts';
import { readXliff1, validateXliff1, writeXliff1 } from './xliff1.ts';
import { readXliff2, writeXliff2, type Xliff2Version } from './xliff2.ts';
import { validateXliff2 } from './xliff2Validate.ts';
import { decodeXml } from './xml/decodeXml.ts';
import { parseXml } from './xml/parseXml.ts';
import { MAX_UNITS } from './limits.ts';
import { codePointName, forbiddenXmlChar } from './xml/xmlChars.ts';
import { attr, type XmlDocument } from './xml/xmlTypes.ts';

export type FileKind = 'text' | 'csv' | 'tsv' | 'xliff' | 'tmx' | 'docx';

/** File kind from the extension: .txt .csv .tsv .xlf .xliff .tmx .docx. */
export function fileKind(fileName: string): FileKind | undefined {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const kinds: Record<string, FileKind> = {
    txt: 'text',
    csv: 'csv',
    tsv: 'tsv',
    xlf: 'xliff',
    xliff: 'xliff',
    tmx: 'tmx',
    docx: 'docx',
  };
  return ext ? kinds[ext] : undefined;
}

export type ConvertOptions = {
  /** Language of a text or .docx file, and of the source column/variant where the file does not say. */
  readonly sourceLang?: Lang;
  /** Language to write for single-language and bilingual outputs (default: the document's first target). */
  readonly targetLang?: Lang;
  /** XLIFF 2 version of a new .xlf file ("1.2" writes XLIFF 1.2). Default 2.1. */
  readonly xliffVersion?: Xliff2Version | '1.2';
};

/** Which XLIFF a parsed file is, from its root element. */
export function xliffFlavour(
  doc: XmlDocument,
): 'xliff-1.2' | 'xliff-2.0' | 'xliff-2.1' | 'xliff-2.2' | undefined {
  if (doc.root.local !== 'xliff') return undefined;
  const v = attr(doc.root, 'version');
  if (v === '1.2' || v === '2.0' || v === '2.1' || v === '2.2') return `xliff-${v}`;
  return doc.root.uri.includes(':document:1.2')
    ? 'xliff-1.2'
    : doc.root.uri.includes(':document:2.')
      ? 'xliff-2.0'
      : undefined;
}

/**
 * Reads a document file of any kind; a document of more than MAX_UNITS units is refused.
 */
export function readDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ConvertOptions = {},
): Result<InterchangeDocument> {
  const read = readAnyDocument(bytes, fileName, options);
  if (!read.ok) return read;
  const count = read.value.units.length;
  if (count > MAX_UNITS)
    return fail({
      message: `the document has ${count} units; the limit is ${MAX_UNITS}: split it into smaller files`,
    });
  return read;
}

function readAnyDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ConvertOptions,
): Result<InterchangeDocument> {
  const kind = fileKind(fileName);
  if (!kind)
    return fail({ message: `${fileName}: unknown file type (use .txt .csv .tsv .xlf .xliff .tmx .docx)` });
  if (kind === 'docx') return readDocx(bytes, options.sourceLang ?? 'ru');
  if (kind === 'xliff' || kind === 'tmx') {
    const parsed = parseXml(bytes);
    if (!parsed.ok) return parsed;
    if (kind === 'tmx')
      return readTmx(parsed.value, options.sourceLang ? { sourceLang: options.sourceLang } : {});
    const flavour = xliffFlavour(parsed.value);
    if (flavour === undefined)
      return fail({
        message: 'not an XLIFF file (no <xliff> root with version 1.2 or 2.x)',
        line: parsed.value.root.line,
      });
    return flavour === 'xliff-1.2' ? readXliff1(parsed.value) : readXliff2(parsed.value);
  }
  const text = decodeText(bytes);
  if (!text.ok) return text;
  if (kind === 'text') return ok(readPlainText(text.value, options.sourceLang ?? 'ru'));
  const delimiter = kind === 'tsv' ? '\t' : delimiterFor(fileName, text.value);
  return readLanguageTable(
    text.value,
    delimiter,
    options.sourceLang ? { sourceLang: options.sourceLang } : {},
  );
}

function decodeText(bytes: Uint8Array): Result<string> {
  // decodeXml does exactly the BOM and UTF-8 checks plain text needs; there is no declaration to find.
  const r = decodeXml(bytes);
  return r.ok ? ok(r.value.replace(/^\uFEFF/, '')) : r;
}

export function writeDocument(
  doc: InterchangeDocument,
  fileName: string,
  options: ConvertOptions = {},
): Result<Uint8Array> {
  const kind = fileKind(fileName);
  if (!kind)
    return fail({ message: `${fileName}: unknown file type (use .txt .csv .tsv .xlf .xliff .tmx .docx)` });
  const lang = options.targetLang ?? doc.targetLangs[0];
  if (
    options.targetLang &&
    options.targetLang !== doc.sourceLang &&
    !doc.targetLangs.includes(options.targetLang) &&
    kind !== 'xliff'
  ) {
    return fail({
      message: `the document has no "${options.targetLang}" text (it has ${[doc.sourceLang, ...doc.targetLangs].join(', ')})`,
    });
  }
  if (kind === 'xliff' || kind === 'tmx' || kind === 'docx') {
    const bad = forbiddenInDocument(doc);
    if (bad)
      return fail({
        message: `unit "${bad.unit}": the character ${codePointName(bad.ch)} cannot be written in XML (.${fileName.split('.').pop() ?? kind}); remove it, or convert to .txt, .csv or .tsv`,
      });
  }
  const enc = (s: string) => new TextEncoder().encode(s);
  switch (kind) {
    case 'text':
      return ok(enc(writePlainText(doc, lang ?? doc.sourceLang)));
    case 'docx':
      return ok(writeDocx(doc, lang ?? doc.sourceLang));
    case 'csv':
      return ok(enc(writeLanguageTable(doc, ',')));
    case 'tsv':
      return ok(enc(writeLanguageTable(doc, '\t')));
    case 'tmx':
      return ok(enc(writeTmx(doc)));
    case 'xliff': {
      const version = options.xliffVersion ?? (doc.format === 'xliff-1.2' ? '1.2' : undefined);
      const target = lang !== undefined ? { targetLang: lang } : {};
      if (version === '1.2') return ok(enc(writeXliff1(doc, target)));
      return ok(enc(writeXliff2(doc, { ...target, ...(version ? { version } : {}) })));
    }
  }
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
