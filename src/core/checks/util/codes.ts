import type { Span } from '../types.ts';
import { MARKUP_HINT_CHARS, markupHintAt } from './patterns.ts';

/**
 * Digits that name something rather than count it: telephone numbers, postcodes, account, document and
 * application numbers. They are copied, not localised, so "+7 727 123 45 67" in an English sentence is not a
 * Russian-style "7 727 123" thousand grouping, and they are compared digit for digit, as one token.
 *
 * Each pattern below is one way such a run announces itself:
 */
const CODE_PATTERNS: readonly RegExp[] = [
  // An international number: "+" and a country code, then groups split by spaces, hyphens or brackets.
  /(?<![\p{L}\p{N}])\+\d{1,3}(?:[ \u00a0\u2009-]?\(?\d{1,5}\)?){2,6}(?![\p{N}])/gu,
  // An area code in brackets, with or without a trunk prefix: "8 (7172) 74-36-89", "(727) 123 45 67".
  /(?<![\p{L}\p{N}])(?:\d{1,2}[ \u00a0]?)?\(\d{2,5}\)[ \u00a0]?\d{1,4}(?:[ \u00a0\u2009-]\d{1,4}){0,4}(?![\p{N}])/gu,
  // Digit groups joined by two or more hyphens: "74-36-89", "8-800-080-77-77" (dates are taken out first).
  /(?<![\p{L}\p{N}.,-])\d{1,4}(?:-\d{1,4}){2,5}(?![\p{N}]|-\d)/gu,
  // Space-separated groups that no thousands grouping writes: a group after the first that is not three digits
  // ("8 800 070 12 12", "701 555 33 21"); found by the pattern, judged in codeSpans.
  /(?<![\p{L}\p{N}.,])\d{1,4}(?:[ \u00a0]\d{2,4}){2,5}(?![\p{N}]|[.,]\d)/gu,
];

/**
 * A word that says the digits after it are an identifier: "No.", "№", "tel.", "postcode", "ИИН", "код"… Only
 * grouped digits need it (a plain run of digits reads the same as a number), so it is tested, anchored at the
 * end, on the text just before each such run.
 */
const LABEL_BEFORE =
  /(?<![\p{L}])(?:№|no\.|nr\.?|number|num\.|id|ref\.?|code|postcode|post code|zip|phone|tel\.?|telephone|fax|mobile|iin|bin|iban|номер|код|индекс|тел\.?|телефон|факс|счёт|счет|заявк[аи]|иин|бин|нөмір|нөмірі|индексі|телефоны)(?:[ \u00a0]*(?:[:.№#—–]|is|are|was)){0,2}[ \u00a0]*$/iu;
const GROUPED_RUN = /(?<![\p{L}\p{N}])\d+(?:[ \u00a0\u2009()-]+\d+)+/u;
const LOOK_BACK = 24;

/** Whether space-separated groups could be a thousands grouping ("1 500", "48 300", "2 750 000"). */
function thousandsLike(text: string): boolean {
  return /^\d{1,3}(?:[ \u00a0]\d{3})+$/u.test(text);
}

/** A separator GROUPED_RUN allows between digit groups: space, no-break space, thin space, bracket, hyphen. */
const isGroupSeparator = (c: number) =>
  c === 32 || c === 0xa0 || c === 0x2009 || c === 0x28 || c === 0x29 || c === 0x2d;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * What the number, code and date scanners ask of a text before they match anything, as bits of one number found
 * in one pass over its characters, rather than one search for each question.
 */
export const Marks = {
  /** An ASCII digit. */
  DIGIT: 1,
  /** A digit, one to three characters that are no digits, a digit: `/\d\D{1,3}\d/u` (a surrogate pair is one). */
  NEAR: 2,
  /** "+" before a digit, the international number's mark. */
  PLUS: 4,
  /** A bracket before two digits, the area code's. */
  BRACKET: 8,
  /** A hyphen between digits: `/\d-\d/`. */
  HYPHEN: 16,
  /** A space or no-break space between digits. */
  SPACE: 32,
  /** A digit, one or more group separators, a digit: what every GROUPED_RUN match holds. */
  GROUPED: 64,
  /** A dot or slash between digits: `/\d[./]\d/`, what a numeric date needs. */
  DOT_OR_SLASH: 128,
  /** A space, comma, dot, no-break or narrow no-break space between digits: `/\d[ ,.\u00a0\u202f]\d/u`. */
  SEPARATED: 256,
  /**
   * A character that may be a decimal digit of another script: U+0660 (ARABIC-INDIC DIGIT ZERO) is the first
   * after ASCII, and the punctuation and currency blocks (U+2000–U+20CF) hold none.
   */
  OTHER_DIGIT: 512,
  /** A letter a roman numeral is written with, Latin or its Cyrillic look-alike: `/[IVXLCХІС]/u`. */
  ROMAN: 1024,
  /**
   * A character the quotation, bracket and inline-code checks look for in a source (markScan's SOURCE_MARKS):
   * `/[([«»“”„‟"‘‚'‹›\ue001-\ue7ff\ue801-\uefff\uf001-\uf7ff]/`.
   */
  QUOTE_OR_CODE: 2048,
} as const;

/** The characters of QUOTE_OR_CODE from U+0660 on: quotation marks and the inline code characters. */
const isHighQuoteOrCode = (c: number) =>
  (c >= 0x201c && c <= 0x201f) ||
  c === 0x2018 ||
  c === 0x201a ||
  c === 0x2039 ||
  c === 0x203a ||
  (c >= 0xe001 && c <= 0xe7ff) ||
  (c >= 0xe801 && c <= 0xefff) ||
  (c >= 0xf001 && c <= 0xf7ff);

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** I V X L C, and Cyrillic Х, І, С. */
const isRomanLetter = (c: number) =>
  c === 0x49 ||
  c === 0x56 ||
  c === 0x58 ||
  c === 0x4c ||
  c === 0x43 ||
  c === 0x425 ||
  c === 0x406 ||
  c === 0x421;

/** What a character below U+0660 is to textMarks: most are PLAIN, a letter or space with no mark of its own. */
const PLAIN = 0;
const DIGIT_CHAR = 1;
/** "+" or "(", which mark the digits after them. */
const OPENING = 2;
const ROMAN_CHAR = 3;
/** A character markup's searches need (see markupHintAt). */
const MARKUP_CHAR = 4;
/** One of QUOTE_OR_CODE's below U+0660 but "(", an OPENING. */
const QUOTE_CHAR = 5;
const LOW_CLASS = (() => {
  const table = new Uint8Array(0x660);
  for (let c = 48; c <= 57; c += 1) table[c] = DIGIT_CHAR;
  table[0x2b] = OPENING;
  table[0x28] = OPENING;
  for (let c = 0; c < 0x660; c += 1) if (isRomanLetter(c)) table[c] = ROMAN_CHAR;
  for (const c of MARKUP_HINT_CHARS) table[c.charCodeAt(0)] = MARKUP_CHAR;
  for (const c of '["\'«»') table[c.charCodeAt(0)] = QUOTE_CHAR;
  return table;
})();

/**
 * Whether a UTF-16 code unit, read alone, matches an expression that tests one character (a class with the i
 * and u flags folds case: "ſ" is an "s", "ᲂ" an "о"), asked of the expression the first time each unit is seen,
 * so a scanner can stand in for the class exactly without a table written out by hand.
 */
export function unitClass(re: RegExp): (c: number) => boolean {
  const known = new Uint8Array(0x10000);
  return (c) => {
    let k = known[c];
    // Past the end of a text, charCodeAt gives NaN: no character, in no class.
    if (k === undefined) return false;
    if (k === 0) {
      k = re.test(String.fromCharCode(c)) ? 1 : 2;
      known[c] = k;
    }
    return k === 1;
  };
}

/**
 * Where the runs of ASCII digits of a text start and end, as [start, end, start, end, …]: every number, code and
 * date begins at the start of one (each of their expressions refuses a digit just before its first), so the
 * scanners try their expressions there rather than at every character.
 */
export type DigitRuns = readonly number[];

/**
 * One pass over a text's characters for the number, code, date and markup scanners: its marks, its digit runs,
 * and the hints findMarkup starts from.
 */
export type TextScan = { readonly marks: number; readonly runs: DigitRuns; readonly markupHints: number };

const NO_RUNS: DigitRuns = [];
const NOTHING: TextScan = { marks: 0, runs: NO_RUNS, markupHints: 0 };

/**
 * The marks of a text (see Marks). The loop runs over every character of every text, so the common one (a
 * letter or a space: no digit, no mark of its own) is sent on after one look in a table.
 */
export function textMarks(text: string): number {
  return scanText(text, undefined) & MARKS;
}

/** The marks of a text with its digit runs and markup hints, found in one pass. */
export function textScan(text: string): TextScan {
  const runs: number[] = [];
  const both = scanText(text, runs);
  if (both === 0) return NOTHING;
  return { marks: both & MARKS, runs: runs.length === 0 ? NO_RUNS : runs, markupHints: both >>> HINT_SHIFT };
}

/** The digit runs of a text, for callers that were given its marks only. */
export function digitRuns(text: string): DigitRuns {
  return textScan(text).runs;
}

/** scanText gives the marks in its low bits and the markup hints above them. */
const HINT_SHIFT = 16;
const MARKS = (1 << HINT_SHIFT) - 1;

function scanText(text: string, runs: number[] | undefined): number {
  let marks = 0;
  let lastDigit = -1;
  let between = 0;
  const length = text.length;
  for (let i = 0; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x660) {
      const kind = LOW_CLASS[c] as number;
      if (kind === PLAIN) {
        between += 1;
        continue;
      }
      if (kind === DIGIT_CHAR) {
        marks |= Marks.DIGIT;
        if (lastDigit >= 0 && between >= 1 && between <= 3) marks |= Marks.NEAR;
        if (runs !== undefined && (i === 0 || lastDigit !== i - 1)) runs.push(i);
        lastDigit = i;
        between = 0;
        const next = text.charCodeAt(i + 1);
        if (!isDigit(next)) {
          marks |= digitFollowedBy(text, i, next);
          if (runs !== undefined) runs.push(i + 1);
        }
        continue;
      }
      between += 1;
      if (kind === OPENING) marks |= openingMark(text, i, c) | (c === 0x28 ? Marks.QUOTE_OR_CODE : 0);
      else if (kind === ROMAN_CHAR) marks |= Marks.ROMAN;
      else if (kind === QUOTE_CHAR) marks |= Marks.QUOTE_OR_CODE;
      else marks |= markupHintAt(text, i) << HINT_SHIFT;
      continue;
    }
    between += 1;
    if (isHighQuoteOrCode(c)) marks |= Marks.QUOTE_OR_CODE;
    if (c < 0x2000 || c > 0x20cf) {
      marks |= Marks.OTHER_DIGIT;
      // The second half of a surrogate pair is the same character as the first.
      if (isLowSurrogate(c) && isHighSurrogate(text.charCodeAt(i - 1))) between -= 1;
    }
  }
  return marks;
}

/** The marks of a digit at `i` followed by the character `next`, no digit. */
function digitFollowedBy(text: string, i: number, next: number): number {
  let marks = isDigit(text.charCodeAt(i + 2)) ? betweenDigits(next) : 0;
  if (!isGroupSeparator(next)) return marks;
  let j = i + 1;
  while (j < text.length && isGroupSeparator(text.charCodeAt(j))) j += 1;
  if (isDigit(text.charCodeAt(j))) marks |= Marks.GROUPED;
  return marks;
}

/** The mark of "+" before a digit or "(" before two. */
function openingMark(text: string, i: number, c: number): number {
  if (!isDigit(text.charCodeAt(i + 1))) return 0;
  if (c === 0x2b) return Marks.PLUS;
  return isDigit(text.charCodeAt(i + 2)) ? Marks.BRACKET : 0;
}

/** The marks a character standing alone between two digits gives. */
function betweenDigits(c: number): number {
  switch (c) {
    case 0x2d:
      return Marks.HYPHEN;
    case 32:
    case 0xa0:
      return Marks.SPACE | Marks.SEPARATED;
    case 0x2e:
      return Marks.DOT_OR_SLASH | Marks.SEPARATED;
    case 0x2f:
      return Marks.DOT_OR_SLASH;
    case 0x2c:
    case 0x202f:
      return Marks.SEPARATED;
    default:
      return 0;
  }
}

const ANY_CODE_MARK = Marks.PLUS | Marks.BRACKET | Marks.HYPHEN | Marks.SPACE | Marks.GROUPED;

/** Adds [start, end) to `found` unless it overlaps `skip`. */
function add(found: Span[], skip: readonly Span[], start: number, end: number): void {
  for (const s of skip) if (start < s.end && s.start < end) return;
  found.push({ start, end });
}

// The code expressions, sticky: each is tried only where one of its matches can begin, found from the digit
// runs (see codeSpans). The same expressions otherwise, so the same matches.
const [INTERNATIONAL, AREA_CODE, HYPHENATED, SPACED] = CODE_PATTERNS.map(
  (re) => new RegExp(re.source, 'uy'),
) as [RegExp, RegExp, RegExp, RegExp];
const GROUPED_RUN_AT = new RegExp(GROUPED_RUN.source, 'uy');

/** The end of `re`'s match at `at`, -1 if none. */
function matchEnd(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

/** Whether an area code's bracket can follow a trunk prefix that ends at `end`: "8 (7172)", "8(7172)". */
function bracketAfter(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c === 0x28) return true;
  return (c === 32 || c === 0xa0) && text.charCodeAt(end + 1) === 0x28;
}

/**
 * Spans of codes in a text, leaving out any that overlap `skip` (its dates). Sorted, not overlapping.
 *
 * Every match of the code expressions begins at the start of a digit run (their look-behinds refuse a digit
 * before it) or at the "+" or "(" just before one, so each is tried only at the runs that can begin one, in
 * order and from the end of its last match, as a global search would find them.
 */
export function codeSpans(
  text: string,
  skip: readonly Span[] = [],
  marks = textMarks(text),
  runs: DigitRuns = digitRuns(text),
): Span[] {
  if ((marks & Marks.NEAR) === 0) return [];
  const found: Span[] = [];
  // Most texts carry no mark at all: they leave here without a list of matches to sort and merge.
  if ((marks & ANY_CODE_MARK) === 0) return found;
  // Each expression needs its own mark: "+" before a digit, a bracket before two digits, a hyphen between
  // digits, a space between digits.
  if ((marks & Marks.PLUS) !== 0) {
    let pos = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const at = (runs[r] as number) - 1;
      if (at < pos || text.charCodeAt(at) !== 0x2b) continue;
      const end = matchEnd(INTERNATIONAL, text, at);
      if (end < 0) continue;
      add(found, skip, at, end);
      pos = end;
    }
  }
  if ((marks & Marks.BRACKET) !== 0) {
    let pos = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const start = runs[r] as number;
      const runEnd = runs[r + 1] as number;
      // The area code's bracket, then the trunk prefix that may stand before one: the order a search meets them.
      for (const at of [start - 1, start]) {
        if (at < pos) continue;
        if (at < start ? text.charCodeAt(at) !== 0x28 : runEnd - start > 2 || !bracketAfter(text, runEnd))
          continue;
        const end = matchEnd(AREA_CODE, text, at);
        if (end < 0) continue;
        add(found, skip, at, end);
        pos = end;
      }
    }
  }
  if ((marks & Marks.HYPHEN) !== 0) {
    let pos = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const start = runs[r] as number;
      const runEnd = runs[r + 1] as number;
      if (start < pos || runEnd - start > 4 || text.charCodeAt(runEnd) !== 0x2d) continue;
      const end = matchEnd(HYPHENATED, text, start);
      if (end < 0) continue;
      add(found, skip, start, end);
      pos = end;
    }
  }
  if ((marks & Marks.SPACE) !== 0) {
    let pos = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const start = runs[r] as number;
      const runEnd = runs[r + 1] as number;
      const next = text.charCodeAt(runEnd);
      if (start < pos || runEnd - start > 4 || (next !== 32 && next !== 0xa0)) continue;
      const end = matchEnd(SPACED, text, start);
      if (end < 0) continue;
      pos = end;
      if (!thousandsLike(text.slice(start, end))) add(found, skip, start, end);
    }
  }
  if ((marks & Marks.GROUPED) !== 0) {
    let pos = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const start = runs[r] as number;
      if (start < pos || !isGroupSeparator(text.charCodeAt(runs[r + 1] as number))) continue;
      const end = matchEnd(GROUPED_RUN_AT, text, start);
      if (end < 0) continue;
      pos = end;
      if (LABEL_BEFORE.test(text.slice(Math.max(0, start - LOOK_BACK), start))) {
        add(found, skip, start, start + text.slice(start, end).replace(/[ \u00a0\u2009()-]+$/u, '').length);
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of found) {
    const last = out.at(-1);
    if (last && s.start < last.end) {
      if (s.end > last.end) out[out.length - 1] = { start: last.start, end: s.end };
    } else out.push(s);
  }
  return out;
}

/**
 * What a code is compared by: its digits in order, a Kazakh or Russian trunk prefix 8 read as the country code 7
 * ("8 (7172) …" = "+7 7172 …"), and the digits as a number too, for the side where they were not seen as a code.
 */
export function codeValues(text: string): string[] {
  const digits = text.replace(/\D+/g, '');
  const trunk = digits.length === 11 && digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
  const plain = digits.length <= 15 ? String(Number(digits)) : digits;
  // The three without repeats, in this order, as a Set would keep them, without building one for each code.
  const values = [trunk];
  if (digits !== trunk) values.push(digits);
  if (plain !== trunk && plain !== digits) values.push(plain);
  return values;
}
