import { fail, ok, type Result } from '../result.ts';
import type { Lang } from '../model/lang.ts';
import { delimiterFor } from './csv.ts';
import { decodeText } from './decodeText.ts';
import { readDocx, writeDocx } from './docx.ts';
import type { InterchangeDocument, InterchangeFormat } from './interchange.ts';
import { readLanguageTable, writeLanguageTable } from './languageTable.ts';
import { readPlainText, writePlainText } from './plainText.ts';
import { readTmx, writeTmx } from './tmx.ts';
import { readXliff1, writeXliff1 } from './xliff1.ts';
import { readXliff2, writeXliff2, type Xliff2Version } from './xliff2.ts';
import { parseXml } from './xml/parseXml.ts';
import { attr, type XmlDocument } from './xml/xmlTypes.ts';

/**
 * Every file format Audarma reads or writes, one entry each: its extensions, what it can hold, and its document
 * reader and writer. The CLI's `convert` and the app's import and export both go through this table; a new
 * format is a new entry here plus its own reader/writer file.
 */
export type FormatId = 'text' | 'csv' | 'tsv' | 'xliff' | 'tmx' | 'docx' | 'tbx' | 'json';

export type FormatHolds = {
  /** A document (units), a glossary (term entries), or both (a project backup). */
  readonly document: boolean;
  readonly glossary: boolean;
  /** Languages in one file: `one` (a text), `pair` (a source and one target), `many`. */
  readonly languages: 'one' | 'pair' | 'many';
  /** Rendering states, notes and inline codes survive a round trip through the format. */
  readonly states: boolean;
  readonly notes: boolean;
  readonly codes: boolean;
  /** The file's own structure (ids, grouping, extensions) is kept and can be written back as it came. */
  readonly original: boolean;
};

export type ReadOptions = {
  /** Language of a text or .docx file, and of the source column/variant where the file does not say. */
  readonly sourceLang?: Lang;
};

export type WriteOptions = {
  /** Language to write for single-language and bilingual outputs (default: the document's first target). */
  readonly targetLang?: Lang;
  /** XLIFF 2 version of a new .xlf file ("1.2" writes XLIFF 1.2); a file read from XLIFF keeps its own. */
  readonly xliffVersion?: Xliff2Version | '1.2';
};

export type FileFormat = {
  readonly id: FormatId;
  /** Extensions without the dot, the first one written. */
  readonly extensions: readonly string[];
  readonly mimeType: string;
  readonly holds: FormatHolds;
  readonly read?: (bytes: Uint8Array, fileName: string, options: ReadOptions) => Result<InterchangeDocument>;
  readonly write?: (doc: InterchangeDocument, lang: Lang | undefined, options: WriteOptions) => Uint8Array;
};

const encode = (s: string) => new TextEncoder().encode(s);

const textual =
  (read: (text: string, fileName: string, options: ReadOptions) => Result<InterchangeDocument>) =>
  (bytes: Uint8Array, fileName: string, options: ReadOptions): Result<InterchangeDocument> => {
    const text = decodeText(bytes);
    return text.ok ? read(text.value, fileName, options) : text;
  };

const TEXT_ONLY = { states: false, notes: false, codes: false, original: false } as const;

export const FORMATS: readonly FileFormat[] = [
  {
    id: 'text',
    extensions: ['txt'],
    mimeType: 'text/plain;charset=utf-8',
    holds: { document: true, glossary: false, languages: 'one', ...TEXT_ONLY },
    read: textual((text, _name, o) => ok(readPlainText(text, o.sourceLang ?? 'ru'))),
    write: (doc, lang) => encode(writePlainText(doc, lang ?? doc.sourceLang)),
  },
  {
    id: 'docx',
    extensions: ['docx'],
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    holds: { document: true, glossary: false, languages: 'one', ...TEXT_ONLY, original: true },
    read: (bytes, _name, o) => readDocx(bytes, o.sourceLang ?? 'ru'),
    write: (doc, lang) => writeDocx(doc, lang ?? doc.sourceLang),
  },
  {
    id: 'csv',
    extensions: ['csv'],
    mimeType: 'text/csv;charset=utf-8',
    holds: { document: true, glossary: true, languages: 'many', ...TEXT_ONLY },
    read: textual((text, name, o) =>
      readLanguageTable(text, delimiterFor(name, text), o.sourceLang ? { sourceLang: o.sourceLang } : {}),
    ),
    write: (doc) => encode(writeLanguageTable(doc, ',')),
  },
  {
    id: 'tsv',
    extensions: ['tsv'],
    mimeType: 'text/tab-separated-values;charset=utf-8',
    holds: { document: true, glossary: true, languages: 'many', ...TEXT_ONLY },
    read: textual((text, _name, o) =>
      readLanguageTable(text, '\t', o.sourceLang ? { sourceLang: o.sourceLang } : {}),
    ),
    write: (doc) => encode(writeLanguageTable(doc, '\t')),
  },
  {
    id: 'xliff',
    extensions: ['xlf', 'xliff'],
    mimeType: 'application/xliff+xml',
    holds: {
      document: true,
      glossary: false,
      languages: 'pair',
      states: true,
      notes: true,
      codes: true,
      original: true,
    },
    read: (bytes) => {
      const parsed = parseXml(bytes);
      if (!parsed.ok) return parsed;
      const flavour = xliffFlavour(parsed.value);
      if (flavour === undefined)
        return fail({
          message: 'not an XLIFF file (no <xliff> root with version 1.2 or 2.x)',
          line: parsed.value.root.line,
        });
      return flavour === 'xliff-1.2' ? readXliff1(parsed.value) : readXliff2(parsed.value);
    },
    write: (doc, lang, o) => {
      const version = o.xliffVersion ?? (doc.format === 'xliff-1.2' ? '1.2' : undefined);
      const target = lang !== undefined ? { targetLang: lang } : {};
      if (version === '1.2') return encode(writeXliff1(doc, target));
      return encode(writeXliff2(doc, { ...target, ...(version ? { version } : {}) }));
    },
  },
  {
    id: 'tmx',
    extensions: ['tmx'],
    mimeType: 'application/x-tmx+xml',
    holds: {
      document: true,
      glossary: false,
      languages: 'many',
      states: true,
      notes: true,
      codes: true,
      original: false,
    },
    read: (bytes, _name, o) => {
      const parsed = parseXml(bytes);
      if (!parsed.ok) return parsed;
      return readTmx(parsed.value, o.sourceLang ? { sourceLang: o.sourceLang } : {});
    },
    write: (doc) => encode(writeTmx(doc)),
  },
  {
    id: 'tbx',
    extensions: ['tbx'],
    mimeType: 'application/x-tbx+xml',
    holds: { document: false, glossary: true, languages: 'many', ...TEXT_ONLY, notes: true },
  },
  {
    id: 'json',
    extensions: ['json'],
    mimeType: 'application/json',
    holds: {
      document: true,
      glossary: true,
      languages: 'many',
      states: true,
      notes: true,
      codes: true,
      original: true,
    },
  },
];

/** Every extension the registry knows, for messages: ".txt .docx .csv …". */
export const KNOWN_EXTENSIONS = FORMATS.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(' ');

/** The format of a file, from its extension. */
export function formatOf(fileName: string): FileFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext === undefined ? undefined : FORMATS.find((f) => f.extensions.includes(ext));
}

export function formatById(id: FormatId): FileFormat {
  const found = FORMATS.find((f) => f.id === id);
  if (!found) throw new Error(`no format ${id}`);
  return found;
}

/** Which XLIFF a parsed file is, from its root element. */
export function xliffFlavour(doc: XmlDocument): Extract<InterchangeFormat, `xliff-${string}`> | undefined {
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
 * What the app's export offers: a format with fixed options and its file name. `original` writes a document in
 * the format it was imported from, with the file's own structure (see `FileFormat.holds.original`).
 */
export const EXPORT_FORMATS = [
  'original',
  'text',
  'docx',
  'xliff-2.1',
  'xliff-2.2',
  'xliff-1.2',
  'tmx',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportVariant = {
  readonly format: FormatId;
  readonly options: WriteOptions;
  /** File name from the document's base name, the source language and the written language. */
  readonly fileName: (base: string, sourceLang: Lang, lang: Lang) => string;
  /** Text and Word hold one language's running text: they ask what to include (see selectText). */
  readonly runningText: boolean;
};

export const EXPORT_VARIANTS: { readonly [F in Exclude<ExportFormat, 'original'>]: ExportVariant } = {
  text: { format: 'text', options: {}, fileName: (b, _s, l) => `${b}.${l}.txt`, runningText: true },
  docx: { format: 'docx', options: {}, fileName: (b, _s, l) => `${b}.${l}.docx`, runningText: true },
  'xliff-2.1': {
    format: 'xliff',
    options: { xliffVersion: '2.1' },
    fileName: (b, s, l) => `${b}.${s}-${l}.xlf`,
    runningText: false,
  },
  'xliff-2.2': {
    format: 'xliff',
    options: { xliffVersion: '2.2' },
    fileName: (b, s, l) => `${b}.${s}-${l}.xliff22.xlf`,
    runningText: false,
  },
  'xliff-1.2': {
    format: 'xliff',
    options: { xliffVersion: '1.2' },
    fileName: (b, s, l) => `${b}.${s}-${l}.xliff12.xlf`,
    runningText: false,
  },
  tmx: { format: 'tmx', options: {}, fileName: (b) => `${b}.tmx`, runningText: false },
};
