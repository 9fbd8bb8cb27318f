import type { CheckInput } from '../CheckInput.ts';
import { Marks } from './codes.ts';

/**
 * One pass over a text that tells the punctuation, spacing and markup checks whether their expressions can
 * match at all. Each fact is a necessary condition of one check's pattern (two spaces in a row, a space before
 * a mark, a bracket, a quote mark…): on the common text, which has none of them, those checks return at once,
 * and the text is read once for all of them instead of once per check.
 */

// Classes of code units, as bits: a unit may be in several.
const GAP = 1; // space, no-break space, tab
const SPACE = 2; // space, no-break space
const MARK = 4; // , ; ! ? . :
const OPENING = 8; // ( [ {
const CLOSING = 16; // ) ] }
const COMMA = 32; // , ;
const STOP = 64; // . ! ?
const MAY_BE_LETTER = 128; // an ASCII letter or any unit from U+0080 on (\p{L}, surrogates included)
const MAY_BE_LOWER = 256; // a–z or any unit from U+0080 on (\p{Ll})
const MAY_BE_UPPER = 512; // A–Z or any unit from U+0080 on (\p{Lu})
const REPEATABLE = 1024; // , ; : ! ? .
const PAIRED_QUOTE = 2048; // « » “ ” „ " (the marks unbalancedQuotes pairs)
const QUOTATION = 4096; // « » “ ” „ ‟ " ‘ ‚ ' ‹ › (the marks quotations counts)
const INVISIBLE = 8192; // what invisible-character's INVISIBLE matches
const CODE = 16384; // an inline code character (text/codeTokens CODE_CHARS)
const PARITY_BRACKET = 32768; // ( [ (what bracket-parity counts)
const MAY_BE_CAPITAL = 65536; // A–Z or any unit from U+0080 on but the basic Cyrillic small letters а–я, ѐ–џ
const IN_WORD = 131072; // what a word goes on with: an ASCII letter, any unit from U+0080 on, ' or ’
const SMALL_I = 262144; // i
const ASCII_LETTER = 524288; // A–Z, a–z

/** Units that start a pair fact: only at these is the next unit looked at. */
const LEADS = GAP | SPACE | OPENING | COMMA | STOP | REPEATABLE;
/** Units the scan stops at; letters (most of a text) are looked at only as neighbours of these. */
const STOPS_AT = LEADS | CLOSING | PAIRED_QUOTE | QUOTATION | INVISIBLE | CODE | MAY_BE_CAPITAL | SMALL_I;

const classes = new Uint32Array(0x10000);
const mark = (chars: string, bit: number) => {
  for (const ch of chars) classes[ch.charCodeAt(0)]! |= bit;
};
const markRange = (from: number, to: number, bit: number) => {
  for (let c = from; c <= to; c += 1) classes[c]! |= bit;
};
mark(' \u00a0\t', GAP);
mark(' \u00a0', SPACE);
mark(',;!?.:', MARK);
mark('([{', OPENING);
mark(')]}', CLOSING);
mark(',;', COMMA);
mark('.!?', STOP);
mark(',;:!?.', REPEATABLE);
mark('«»“”„"', PAIRED_QUOTE);
mark('«»“”„‟"‘‚\'‹›', QUOTATION);
mark('([', PARITY_BRACKET);
markRange(0x41, 0x5a, MAY_BE_LETTER | MAY_BE_UPPER);
markRange(0x61, 0x7a, MAY_BE_LETTER | MAY_BE_LOWER);
markRange(0x80, 0xffff, MAY_BE_LETTER | MAY_BE_LOWER | MAY_BE_UPPER);
// \p{Cc} except tab and line breaks, then the listed format characters.
markRange(0x00, 0x08, INVISIBLE);
markRange(0x0b, 0x0c, INVISIBLE);
markRange(0x0e, 0x1f, INVISIBLE);
markRange(0x7f, 0x9f, INVISIBLE);
mark('\u00ad\u061c\u180e\ufeff', INVISIBLE);
markRange(0x200b, 0x200f, INVISIBLE);
markRange(0x202a, 0x202e, INVISIBLE);
markRange(0x2060, 0x2064, INVISIBLE);
markRange(0x2066, 0x2069, INVISIBLE);
markRange(0xfff9, 0xfffb, INVISIBLE);
markRange(0x41, 0x5a, MAY_BE_CAPITAL);
markRange(0x80, 0x42f, MAY_BE_CAPITAL);
markRange(0x460, 0xffff, MAY_BE_CAPITAL);
markRange(0x41, 0x5a, IN_WORD);
markRange(0x61, 0x7a, IN_WORD);
markRange(0x80, 0xffff, IN_WORD);
mark("'", IN_WORD);
mark('i', SMALL_I);
markRange(0x41, 0x5a, ASCII_LETTER);
markRange(0x61, 0x7a, ASCII_LETTER);
markRange(0xe001, 0xe7ff, CODE);
markRange(0xe801, 0xefff, CODE);
markRange(0xf001, 0xf7ff, CODE);

/** What a text may hold, as bits of MarkScan.flags. */
export const HAS_DOUBLE_GAP = 1; // two of space, no-break space, tab in a row
export const HAS_SPACE_MARK = 2; // a space or no-break space before , ; ! ? . :
export const HAS_SPACE_INSIDE = 4; // a space or no-break space after ( [ { or before ) ] }
export const HAS_GLUED = 8; // a letter, then , or ; then a letter; or a small letter, . ! or ?, a capital
export const HAS_REPEATED = 16; // two of , ; : ! ? . in a row
export const HAS_BRACKET = 32; // one of ( ) [ ] { }
export const HAS_PAIRED_QUOTE = 64;
export const HAS_QUOTATION = 128;
export const HAS_INVISIBLE = 256;
export const HAS_CODE = 512;
export const HAS_INNER_CAPITAL = 1024; // a unit that may be a capital right after one a word goes on with
export const HAS_LONE_I = 2048; // an "i" with no ASCII letter on either side

export type MarkScan = {
  readonly flags: number;
  /** Opening round and square brackets: bracket-parity's count. */
  readonly openings: number;
};

const NONE: MarkScan = { flags: 0, openings: 0 };

export function scanMarks(text: string): MarkScan {
  const n = text.length;
  let seen = 0;
  let flags = 0;
  let openings = 0;
  for (let i = 0; i < n; i += 1) {
    const k = classes[text.charCodeAt(i)] as number;
    if ((k & STOPS_AT) === 0) continue;
    seen |= k;
    if ((k & PARITY_BRACKET) !== 0) openings += 1;
    if ((k & SMALL_I) !== 0 && !asciiLetterAt(text, i - 1) && !asciiLetterAt(text, i + 1))
      flags |= HAS_LONE_I;
    if ((k & MAY_BE_CAPITAL) !== 0 && i > 0 && ((classes[text.charCodeAt(i - 1)] as number) & IN_WORD) !== 0)
      flags |= HAS_INNER_CAPITAL;
    if ((k & LEADS) === 0 || i + 1 === n) continue;
    const next = classes[text.charCodeAt(i + 1)] as number;
    if ((k & GAP) !== 0 && (next & GAP) !== 0) flags |= HAS_DOUBLE_GAP;
    if ((k & SPACE) !== 0 && (next & (MARK | CLOSING)) !== 0)
      flags |= (next & MARK) !== 0 ? HAS_SPACE_MARK : HAS_SPACE_INSIDE;
    if ((k & OPENING) !== 0 && (next & SPACE) !== 0) flags |= HAS_SPACE_INSIDE;
    if ((k & REPEATABLE) !== 0 && (next & REPEATABLE) !== 0) flags |= HAS_REPEATED;
    if ((k & (COMMA | STOP)) !== 0 && i > 0 && glued(classes[text.charCodeAt(i - 1)] as number, k, next))
      flags |= HAS_GLUED;
  }
  if ((seen & (OPENING | CLOSING)) !== 0) flags |= HAS_BRACKET;
  if ((seen & PAIRED_QUOTE) !== 0) flags |= HAS_PAIRED_QUOTE;
  if ((seen & QUOTATION) !== 0) flags |= HAS_QUOTATION;
  if ((seen & INVISIBLE) !== 0) flags |= HAS_INVISIBLE;
  if ((seen & CODE) !== 0) flags |= HAS_CODE;
  return flags === 0 && openings === 0 ? NONE : { flags, openings };
}

const asciiLetterAt = (text: string, i: number): boolean =>
  i >= 0 && i < text.length && ((classes[text.charCodeAt(i)] as number) & ASCII_LETTER) !== 0;

/** A letter, then , or ; then a letter; or a small letter, then . ! or ?, then a capital (classes of three units). */
function glued(before: number, k: number, next: number): boolean {
  return (
    ((k & COMMA) !== 0 && (before & MAY_BE_LETTER) !== 0 && (next & MAY_BE_LETTER) !== 0) ||
    ((k & STOP) !== 0 && (before & MAY_BE_LOWER) !== 0 && (next & MAY_BE_UPPER) !== 0)
  );
}

const scanTarget = (input: CheckInput): MarkScan => scanMarks(input.target);
// What the source's scan is asked for (quotation marks, brackets that open, inline codes) is rare: a text without
// any of these characters (Marks.QUOTE_OR_CODE of the scan the number and markup checks share) needs none.
const scanSource = (input: CheckInput): MarkScan =>
  (input.sourceScan.marks & Marks.QUOTE_OR_CODE) !== 0 ? scanMarks(input.source) : NONE;

// The checks of one pair run one after another, so the last pair's scans are kept at hand as well: asking the
// memo (a search through the pair's keys) a dozen times a pair costs more than the scan's own bookkeeping.
let lastTarget: CheckInput | undefined;
let lastTargetScan: MarkScan = NONE;
let lastSource: CheckInput | undefined;
let lastSourceScan: MarkScan = NONE;

/**
 * The target's scan, made once per pair whichever check asks first. The source's has only the facts its
 * checks ask of it (HAS_QUOTATION, HAS_CODE, openings) right.
 */
export function targetMarks(input: CheckInput): MarkScan {
  if (input !== lastTarget) {
    lastTargetScan = input.memo('marks:target', scanTarget);
    lastTarget = input;
  }
  return lastTargetScan;
}

export function sourceMarks(input: CheckInput): MarkScan {
  if (input !== lastSource) {
    lastSourceScan = input.memo('marks:source', scanSource);
    lastSource = input;
  }
  return lastSourceScan;
}
