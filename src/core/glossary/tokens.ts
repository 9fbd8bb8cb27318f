/** A word of a text with its UTF-16 offsets. */
export type Token = { readonly text: string; readonly start: number; readonly end: number };

// Code unit classes for the word scanners, looked up once per BMP character and remembered: 0 = not yet
// known, else 1 + LETTER_OR_MARK | DIGIT bits.
const LETTER_OR_MARK = 1;
const DIGIT = 2;
const classes = new Uint8Array(0x10000);
const IS_LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const IS_DIGIT = /^\p{N}$/u;

function classOfCodePoint(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (IS_LETTER_OR_MARK.test(ch) ? LETTER_OR_MARK : 0) | (IS_DIGIT.test(ch) ? DIGIT : 0);
}

let width = 1;

/** The class of the code point at `i`, its length in code units left in `width` (a lone surrogate has no class). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  width = 1;
  if (c >= 0xd800 && c <= 0xdfff) {
    const d = text.charCodeAt(i + 1);
    if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return 0;
    width = 2;
    return classOfCodePoint(text.codePointAt(i) as number);
  }
  let k = classes[c] as number;
  if (k === 0) {
    k = 1 + classOfCodePoint(c);
    classes[c] = k;
  }
  return k - 1;
}

/**
 * Offsets [start, end, start, end, …] of the words of `text`: runs of letters and marks (and digits when
 * `digits`), each followed by any number of an apostrophe (char codes in `apostrophes`) plus letters and marks.
 * The runs `[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}]+)*` (flags gu) matches, scanned by hand without a match
 * object per word.
 */
export function wordRuns(text: string, digits: boolean, apostrophes: readonly number[]): number[] {
  const runs: number[] = [];
  const inWord = digits ? LETTER_OR_MARK | DIGIT : LETTER_OR_MARK;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // A character of the BMP is settled by its class alone, without the width bookkeeping.
    const c = text.charCodeAt(i);
    const start = i;
    if (c < 0xd800 || c > 0xdfff) {
      if ((bmpClass(c) & inWord) === 0) {
        i += 1;
        continue;
      }
    } else if ((classAt(text, i) & inWord) === 0) {
      i += width;
      continue;
    }
    i = runEnd(text, start, inWord, apostrophes);
    runs.push(start, i);
  }
  return runs;
}

/** Where the run that starts at `start` with a character of class `inWord` ends, inner apostrophes included. */
function runEnd(text: string, start: number, inWord: number, apostrophes: readonly number[]): number {
  const n = text.length;
  let i = wordEnd(text, start, inWord);
  // Inner apostrophes: "Maslikhat's", "don't"; only letters and marks may follow one.
  while (
    i + 1 < n &&
    apostrophes.includes(text.charCodeAt(i)) &&
    (classAt(text, i + 1) & LETTER_OR_MARK) !== 0
  ) {
    i = wordEnd(text, i + 1 + width, LETTER_OR_MARK);
  }
  return i;
}

/** The class of a code unit outside the surrogates. */
function bmpClass(c: number): number {
  let k = classes[c] as number;
  if (k === 0) {
    k = 1 + classOfCodePoint(c);
    classes[c] = k;
  }
  return k - 1;
}

/** Where the run of characters of class `inWord` from `i` ends. */
function wordEnd(text: string, i: number, inWord: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) {
      if ((bmpClass(c) & inWord) === 0) return i;
      i += 1;
    } else {
      if ((classAt(text, i) & inWord) === 0) return i;
      i += width;
    }
  }
  return i;
}

const APOSTROPHES = [0x27, 0x2019, 0x2bc]; // ' ’ ʼ
// A plural possessive's apostrophe ("akimats'") belongs to the word when no letter, mark or digit follows it:
// /^['’ʼ](?![\p{L}\p{M}\p{N}])/u on the two code units from the apostrophe, as trailingApostrophe tests it.

/**
 * Whether TRAILING_APOSTROPHE matches text.slice(at, at + 2): an apostrophe at `at` with no letter, mark or digit
 * after it in those two code units (a lone surrogate is none), tested without the slice.
 */
function trailingApostrophe(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 0x27 && c !== 0x2019 && c !== 0x2bc) return false;
  if (at + 1 >= text.length) return true;
  const d = text.charCodeAt(at + 1);
  if (d >= 0xd800 && d <= 0xdfff) return true;
  return classAt(text, at + 1) === 0;
}

/**
 * Offsets [start, end, start, end, …] of the words `tokenize` finds, without building their strings: finding
 * terms looks at most words' first letter only.
 */
export function tokenBounds(text: string): number[] {
  const runs = wordRuns(text, true, APOSTROPHES);
  for (let r = 1; r < runs.length; r += 2) runs[r] = withPossessive(text, runs[r] as number);
  return runs;
}

/** A run's end, past a plural possessive's apostrophe ("akimats'") when one follows. */
function withPossessive(text: string, end: number): number {
  const last = text.charCodeAt(end - 1);
  return (last === 0x73 || last === 0x53) && trailingApostrophe(text, end) ? end + 1 : end;
}

/** Whether a code unit may be part of a token: a letter, mark or digit of the BMP, or any surrogate. */
export function mayBeTokenUnit(c: number): boolean {
  return (c >= 0xd800 && c <= 0xdfff) || (bmpClass(c) & (LETTER_OR_MARK | DIGIT)) !== 0;
}

/**
 * The end of the token `tokenBounds` finds at `start` when one starts there (the character before it is not a
 * letter, mark, digit or inner apostrophe), or `start` when the character there cannot begin a token.
 */
export function tokenEnd(text: string, start: number): number {
  if ((classAt(text, start) & (LETTER_OR_MARK | DIGIT)) === 0) return start;
  return withPossessive(text, runEnd(text, start, LETTER_OR_MARK | DIGIT, APOSTROPHES));
}

/** Words of letters, marks and digits, with inner apostrophes; hyphens split words ("law-enforcement"). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const runs = tokenBounds(text);
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r] as number;
    const end = runs[r + 1] as number;
    tokens.push({ text: text.slice(start, end), start, end });
  }
  return tokens;
}

/**
 * Whether `text` is certainly in NFC already, so the common case can skip String#normalize: true for text made
 * only of Latin up to U+02FF, the Cyrillic block outside its combining marks, typographic punctuation and
 * spaces (U+2002–U+206F), currency signs, № and ™. Every such character is its own NFC, a starter, and
 * composes with none of the others (checked pair by pair). False means "ask normalize", not "not NFC".
 * With `end`, only text[0, end) is looked at.
 */
export function plainNfc(text: string, end: number = text.length): boolean {
  for (let i = 0; i < end && i < text.length; i += 1) if (!plainNfcUnit(text.charCodeAt(i))) return false;
  return true;
}

/** Whether one code unit is of the kinds plainNfc vouches for. */
export function plainNfcUnit(c: number): boolean {
  if (c < 0x300) return true;
  if (c >= 0x400 && c <= 0x52f) return c < 0x483 || c > 0x489;
  return (c >= 0x2002 && c <= 0x206f) || (c >= 0x20a0 && c <= 0x20c0) || c === 0x2116 || c === 0x2122;
}

/** Words of a multi-word term may be separated by spaces or hyphens only, never by punctuation. */
const JOINER = /^[\s\u00A0\u2009\u202F\-\u2010\u2011]+$/u;
export function joins(text: string, from: number, to: number): boolean {
  return JOINER.test(text.slice(from, to));
}
