import { fail, ok, type Result } from '../result.ts';
import type { Lang } from '../model/lang.ts';
import { segmentText } from '../text/segment.ts';
import { fileKind, writeDocument, type ConvertOptions } from './convertDocument.ts';
import type { InterchangeDocument, InterchangeUnit } from './interchange.ts';
import { FORBIDDEN_XML_CHAR } from './xml/xmlChars.ts';
import { formatBytes, MAX_FILE_BYTES } from './limits.ts';

/**
 * Converts plain text piece by piece, so that a text of hundreds of megabytes never sits in memory whole,
 * nor does its document: complete lines are segmented as they arrive (a segment never crosses a line
 * break) and their units written at once. The output is byte for byte what converting the whole text gives.
 * Memory does not grow with the number of units, so MAX_UNITS (a limit for documents held whole) does not apply.
 *
 * The writers are the document writers themselves: a probe document of two units tells where a file's head
 * ends, what stands between two units and what the tail is; each piece is written as a small document and
 * only its units are kept.
 */
export type StreamedText = {
  /** Takes the next piece of decoded text; returns the output for the lines completed so far. */
  push(text: string): Result<string>;
  /** Ends the text; returns the rest of the output, tail included. */
  end(): Result<string>;
  readonly units: () => number;
};

/** Outputs that can be written unit by unit: XLIFF, TMX, CSV and TSV. */
export function canStreamText(outName: string): boolean {
  const kind = fileKind(outName);
  return kind === 'xliff' || kind === 'tmx' || kind === 'csv' || kind === 'tsv';
}

export type Frame = {
  readonly head: string;
  readonly between: string;
  readonly tail: string;
  readonly body: (out: string) => string;
};

const decoder = new TextDecoder();

/**
 * Head, unit joiner and tail of the output format, read off a written two-unit probe document in the given
 * languages; `body` cuts the units out of a document written the same way.
 */
export function frameOf(
  outName: string,
  lang: Lang,
  options: ConvertOptions,
  targetLangs: readonly Lang[] = [],
  format: InterchangeDocument['format'] = 'text',
): Result<Frame> {
  const kind = fileKind(outName);
  // A table's units have no separators, and an XLIFF head declares the namespace that keeps them only when
  // some unit has one: the probe is a document of the same sort.
  const table = format === 'csv' || format === 'tsv';
  const unit = (id: string, text: string, separator: string): InterchangeUnit => ({
    id,
    source: [text],
    targets: {},
    notes: [],
    ...(table ? {} : { separator }),
  });
  const probe: InterchangeDocument = {
    sourceLang: lang,
    targetLangs,
    units: [unit('u1', 'a', ''), unit('u2', 'b', ' ')],
    format,
  };
  const written = writeDocument(probe, outName, options);
  if (!written.ok) return written;
  const out = decoder.decode(written.value);
  const [open, close] =
    kind === 'xliff'
      ? out.includes('<trans-unit')
        ? ['<trans-unit ', '</trans-unit>']
        : ['<unit ', '</unit>']
      : kind === 'tmx'
        ? ['<tu ', '</tu>']
        : ['\r\n', '\r\n'];
  const body = (text: string) => {
    if (kind !== 'csv' && kind !== 'tsv' && !text.includes(open)) return '';
    const start = kind === 'csv' || kind === 'tsv' ? text.indexOf(open) + open.length : text.indexOf(open);
    const end = text.lastIndexOf(close) + close.length;
    return text.slice(start, end);
  };
  if (kind === 'csv' || kind === 'tsv') {
    const headerEnd = out.indexOf('\r\n') + 2;
    return ok({ head: out.slice(0, headerEnd), between: '', tail: '', body });
  }
  const first = out.indexOf(open);
  const firstEnd = out.indexOf(close) + close.length;
  const second = out.indexOf(open, firstEnd);
  const last = out.lastIndexOf(close) + close.length;
  if (first < 0 || second < 0) return fail({ message: `cannot stream into ${outName}` });
  return ok({ head: out.slice(0, first), between: out.slice(firstEnd, second), tail: out.slice(last), body });
}

export function streamText(outName: string, lang: Lang, options: ConvertOptions = {}): Result<StreamedText> {
  if (!canStreamText(outName))
    return fail({ message: `${outName}: text is streamed only into .xlf, .xliff, .tmx, .csv or .tsv` });
  const framed = frameOf(outName, lang, options);
  if (!framed.ok) return framed;
  const frame = framed.value;
  let buffer = '';
  let count = 0;
  let linesDone = 0;
  let started = false;

  /** Segments and writes `text` (whole lines); `first` is whether nothing came before it. */
  const write = (text: string): Result<string> => {
    // A line standing before the text gives its first segment the separator it has in the whole text.
    const first = count === 0;
    const segments = segmentText(first ? text : `x\n${text}`, lang).slice(first ? 0 : 1);
    if (segments.length === 0) return ok('');
    const units: InterchangeUnit[] = segments.map((s, i) => ({
      id: `u${count + i + 1}`,
      source: [s.text],
      targets: {},
      notes: [],
      separator: s.separator,
    }));
    const written = writeDocument(
      { sourceLang: lang, targetLangs: [], units, format: 'text' },
      outName,
      options,
    );
    if (!written.ok) {
      const line = linesDone + lineOfForbidden(text);
      return fail({ ...written.error, line });
    }
    const out = (started ? frame.between : frame.head) + frame.body(decoder.decode(written.value));
    started = true;
    count += units.length;
    return ok(out);
  };

  return ok({
    units: () => count,
    push(piece) {
      buffer += piece;
      const cut = lastContentLineEnd(buffer);
      if (cut === 0) {
        if (buffer.length > MAX_FILE_BYTES)
          return fail({
            message: `a line (or run of blank lines) is longer than ${formatBytes(MAX_FILE_BYTES)}`,
            line: linesDone + 1,
          });
        return ok('');
      }
      const text = buffer.slice(0, cut);
      buffer = buffer.slice(cut);
      const out = write(text);
      linesDone += countLines(text);
      return out;
    },
    end() {
      const out = write(buffer);
      buffer = '';
      if (!out.ok) return out;
      if (count === 0) return fail({ message: 'the file holds no text: nothing to convert', line: 1 });
      return ok(out.value + frame.tail);
    },
  });
}

const BLANK = /^[ \t\u00a0\r]*$/u;

/**
 * Offset just after the line break that ends the last non-blank complete line, or 0. Blank lines after it
 * stay with the next piece: they belong to the separator of its first segment. A "\r" at the very end may
 * be half of "\r\n", so it is not taken as a break yet.
 */
function lastContentLineEnd(text: string): number {
  let end = lastBreak(text, text.length);
  while (end >= 0) {
    const lineEnd = text[end] === '\n' && text[end - 1] === '\r' ? end - 1 : end;
    const start = lastBreak(text, lineEnd) + 1;
    if (!BLANK.test(text.slice(start, lineEnd))) return end + 1;
    end = start - 1;
  }
  return 0;
}

/** Index of the last line break before `before` ("\n", or "\r" not at the end of the text), or -1. */
function lastBreak(text: string, before: number): number {
  // lastIndexOf clamps a negative start to 0, which would find a break at 0 again and again.
  if (before <= 0) return -1;
  const lf = text.lastIndexOf('\n', before - 1);
  let cr = text.lastIndexOf('\r', before - 1);
  if (cr === text.length - 1) cr = before >= 2 ? text.lastIndexOf('\r', before - 2) : -1;
  return Math.max(lf, cr);
}

function countLines(text: string): number {
  return (text.match(/\r\n?|\n/g) ?? []).length;
}

function lineOfForbidden(text: string): number {
  const m = FORBIDDEN_XML_CHAR.exec(text);
  return m ? countLines(text.slice(0, m.index)) + 1 : 1;
}
