import type { Lang } from '../model/lang.ts';
import type { UnitKind } from '../model/types.ts';
import { abbreviationsFor } from './abbreviations.ts';

/** One sentence, heading or list item, with where it stood in the text. */
export type Segment = {
  readonly text: string;
  readonly kind: UnitKind;
  /** Paragraph index: every non-empty line of the input is a paragraph. */
  readonly paragraph: number;
  /** What stood between the previous segment and this one ("" before the first). */
  readonly separator: string;
};

const LIST_ITEM = /^(?:[-–—•·▪◦]\s+|\*{1,3}\s*(?=\p{L})|\(?\d{1,3}[.)]\s+|\(?[a-zа-я][)]\s+)/u;
const TERMINAL = /[.!?…]["»”’)\]]*$/u;
const CLOSERS = `"'»”’)\\]`;
// A sentence ends at . ! ? or … (possibly repeated), then any closing quotes or brackets, then white space.
const BOUNDARY = new RegExp(`[.!?…]+[${CLOSERS}]*(?=\\s+)`, 'gu');
/** A capital letter (after opening quotes, brackets or a dash of direct speech): what starts a new sentence. */
const CAPITAL_START = /^(?:[—–-]\s)?["'«“([]*\p{Lu}/u;
/** A lower-case word, also after a dash ("— сказал он" after a quoted question continues the sentence). */
const LOWER_START = /^(?:[—–-]\s)?["'«“([]*\p{Ll}/u;
/**
 * A single capital before the stop, alone or after another initial ("К. Масимов", "А.Б. Иванов", "J.R.R."), or a
 * romanised Russian or Kazakh initial written with two letters ("Ye. Obayev", "Zh. Aimauytov").
 */
const INITIAL = /(?:^|[\s(«"“.])(?:\p{Lu}|Ye|Yo|Yu|Ya|Zh|Kh|Ts|Ch|Sh|Shch)\.$/u;
const DIGIT_BEFORE_STOP = /\d\.$/u;

function classify(line: string, segmentCount: number): UnitKind {
  if (LIST_ITEM.test(line)) return 'listItem';
  if (segmentCount === 1 && !TERMINAL.test(line) && line.split(/\s+/).length <= 14) return 'heading';
  return 'sentence';
}

/** Whether the stop that ends `before` closes a sentence, given the text that follows it. */
function endsSentence(before: string, after: string, lang: Lang): boolean {
  const next = after.trimStart();
  if (next === '') return true;
  const stop = before.at(-1);
  if (stop === '!' || stop === '?' || stop === '…' || !before.endsWith('.')) {
    // "Why? — he asked" and "Wait… then" continue in lower case.
    return !LOWER_START.test(next);
  }
  const abbreviations = abbreviationsFor(lang);
  // "в 2015 г. Затем" ends, "2015 ж. 2 қарашада" and "в 2015 г. парламентом" do not; "в г. Алматы" never does.
  if (abbreviations.afterNumber.test(before)) return CAPITAL_START.test(next);
  // "и т. д. Затем" ends; "etc. 2016", "и т. д. и" do not. Tested before `never`, whose "д." (house) would take it.
  if (abbreviations.beforeLower.test(before)) return CAPITAL_START.test(next);
  // "K. Massimov", "К. Масимов": a single capital before the stop is an initial.
  if (INITIAL.test(before)) return false;
  if (abbreviations.beforeNumber.test(before)) return !/^\d/.test(next) && !LOWER_START.test(next);
  if (abbreviations.never.test(before) || abbreviations.bareAfterNumber.test(before)) return false;
  // "No. 37" style numbering is covered above; "page 3. then" continues, "in 2016. The" ends.
  if (DIGIT_BEFORE_STOP.test(before) && /^\d/.test(next)) return false;
  return !LOWER_START.test(next);
}

/** Sentences of one line, in order; never empty strings. */
export function splitSentences(line: string, lang: Lang): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of line.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (endsSentence(line.slice(0, end), line.slice(end), lang)) {
      const sentence = line.slice(start, end).trim();
      if (sentence) sentences.push(sentence);
      start = end;
    }
  }
  const rest = line.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** Normalises line ends and strips a BOM so that every later step sees "\n" only. */
export function normaliseText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Splits a text into paragraphs (non-empty lines; blank lines are kept as separators) and each paragraph into
 * sentences. A segment never crosses a line break. Headings and list items are segments of their own.
 */
export function segmentText(raw: string, lang: Lang): Segment[] {
  const lines = normaliseText(raw).split('\n');
  const segments: Segment[] = [];
  let pendingBreaks = '';
  let paragraph = 0;
  for (const rawLine of lines) {
    const line = rawLine.replace(/[ \t\u00a0]+$/u, '').replace(/^[ \t\u00a0]+/u, '');
    if (line === '') {
      if (segments.length > 0) pendingBreaks += '\n';
      continue;
    }
    const sentences = LIST_ITEM.test(line) ? [line] : splitSentences(line, lang);
    const kind = classify(line, sentences.length);
    sentences.forEach((text, i) => {
      const separator = segments.length === 0 ? '' : i === 0 ? `\n${pendingBreaks}` : ' ';
      segments.push({ text, kind, paragraph, separator });
    });
    pendingBreaks = '';
    paragraph += 1;
  }
  return segments;
}

/** Rebuilds text from segments: separators and texts joined, a final newline added. */
export function joinSegments(
  segments: readonly { readonly text: string; readonly separator: string }[],
): string {
  return segments.length === 0 ? '' : `${segments.map((s) => s.separator + s.text).join('')}\n`;
}
