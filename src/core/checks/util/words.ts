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

/** The words of a text: the runs WORD matches, found by the shared scanner. */
export function words(text: string): Word[] {
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
