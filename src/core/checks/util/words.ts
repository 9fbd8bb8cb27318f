import { wordRuns } from '../../glossary/tokens.ts';
import type { Span } from '../types.ts';

export type Script = 'latin' | 'cyrillic' | 'other';

/** One run of letters (apostrophes inside kept: "Maslikhat's", "don't"); hyphens split words. */
export type Word = Span & { readonly text: string; readonly script: Script };

// Letters and combining marks, with inner apostrophes; digits are not part of words. `words` scans for
// exactly these runs by hand; the pattern is the definition (and what the tests compare against).
export const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

export function scriptOf(ch: number): Script {
  if (
    (ch >= 65 && ch <= 90) ||
    (ch >= 97 && ch <= 122) ||
    (ch >= 0xc0 && ch <= 0x24f && ch !== 0xd7 && ch !== 0xf7)
  )
    return 'latin';
  if (ch >= 0x400 && ch <= 0x52f) return 'cyrillic';
  return 'other';
}

/** The script of a word: the one most of its letters use ("mixed" words are the homoglyph check's business). */
export function wordScript(text: string): Script {
  let latin = 0;
  let cyrillic = 0;
  for (let i = 0; i < text.length; i += 1) {
    const s = scriptOf(text.charCodeAt(i));
    if (s === 'latin') latin += 1;
    else if (s === 'cyrillic') cyrillic += 1;
  }
  if (latin === 0 && cyrillic === 0) return 'other';
  return latin >= cyrillic ? 'latin' : 'cyrillic';
}

const APOSTROPHES = [0x27, 0x2019]; // ' ’

// WORD's letter class for each code unit of the BMP, learnt on first sight: 0 not yet known, 1 no, 2 yes.
const wordUnits = new Uint8Array(0x10000);
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

function isWordUnit(c: number): boolean {
  let k = wordUnits[c] as number;
  if (k === 0) {
    k = LETTER_OR_MARK.test(String.fromCharCode(c)) ? 2 : 1;
    wordUnits[c] = k;
  }
  return k === 2;
}

const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019;
const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/**
 * The words of a text: the runs WORD matches. One pass finds each run and counts its Latin and Cyrillic
 * letters (wordScript's count) as it goes, without a list of run bounds or a second reading of each word. A
 * text with a surrogate (a character outside the BMP, which may be a letter) is left to the shared scanner.
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordUnit(c)) {
      if (isSurrogate(c)) return wordsByRuns(text);
      i += 1;
      continue;
    }
    const start = i;
    let latin = 0;
    let cyrillic = 0;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isWordUnit(d)) {
        if (
          (d >= 65 && d <= 90) ||
          (d >= 97 && d <= 122) ||
          (d >= 0xc0 && d <= 0x24f && d !== 0xd7 && d !== 0xf7)
        )
          latin += 1;
        else if (d >= 0x400 && d <= 0x52f) cyrillic += 1;
        i += 1;
      } else if (isApostrophe(d) && i + 1 < n && isWordUnit(text.charCodeAt(i + 1))) {
        // An inner apostrophe ("Maslikhat's", "don't"): only letters and marks may follow one.
        i += 1;
      } else break;
    }
    const script: Script = latin === 0 && cyrillic === 0 ? 'other' : latin >= cyrillic ? 'latin' : 'cyrillic';
    out.push({ text: text.slice(start, i), start, end: i, script });
  }
  return out;
}

/** words() by the shared scanner, which reads characters outside the BMP too. */
function wordsByRuns(text: string): Word[] {
  const out: Word[] = [];
  const runs = wordRuns(text, false, APOSTROPHES);
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r] as number;
    const end = runs[r + 1] as number;
    const word = text.slice(start, end);
    out.push({ text: word, start, end, script: wordScript(word) });
  }
  return out;
}

/** Counts the Latin and Cyrillic letters of a whole string (as scriptOf reads them), by code. */
export function letterCounts(text: string): { latin: number; cyrillic: number } {
  let latin = 0;
  let cyrillic = 0;
  for (let i = 0; i < text.length; i += 1) {
    const s = scriptOf(text.charCodeAt(i));
    if (s === 'latin') latin += 1;
    else if (s === 'cyrillic') cyrillic += 1;
  }
  return { latin, cyrillic };
}

/** Kazakh letters that Russian lacks: their presence marks a Cyrillic text as Kazakh. */
export const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;

/**
 * word === word.toUpperCase() && word !== word.toLowerCase(), read character by character where the case is
 * plain (ASCII, the basic Cyrillic letters А–я and Ѐ–џ), without building either string; any other non-ASCII
 * character is left to the full case mappings.
 */
export function isUpper(word: string): boolean {
  let upper = false;
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 0x400 && c <= 0x42f)) upper = true;
    else if ((c >= 97 && c <= 122) || (c >= 0x430 && c <= 0x45f)) return false;
    else if (c >= 0x80) return word === word.toUpperCase() && word !== word.toLowerCase();
  }
  return upper;
}

/** word === word.toLowerCase(), by the same plain-case shortcut as isUpper. */
export function isLowerCase(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 0x400 && c <= 0x42f)) return false;
    if (c >= 0x80 && !(c >= 0x430 && c <= 0x45f)) return word === word.toLowerCase();
  }
  return true;
}

export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && word.slice(1) === word.slice(1).toLowerCase();
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function inside(span: Span, spans: readonly Span[]): boolean {
  for (const s of spans) if (span.start >= s.start && span.end <= s.end) return true;
  return false;
}

export function touchesAny(span: Span, spans: readonly Span[]): boolean {
  for (const s of spans) if (overlaps(span, s)) return true;
  return false;
}
