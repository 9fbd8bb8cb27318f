import type { Finding, PairCheck } from '../types.ts';
import { scriptOf, touchesAny, type Word } from '../util/words.ts';
import { execAll } from '../../text/execAll.ts';

// Repeats that grammar allows: "that that", "had had", "is is" is not one of them; Russian "так так" in speech.
const DOUBLE_OK = new Set([
  'that',
  'had',
  'no',
  'very',
  'so',
  'bye',
  'ha',
  'many',
  'more',
  'far',
  'again',
  'yes',
  'да',
  'нет',
  'так',
  'ну',
  'иә',
  'жоқ',
]);

/** Whether text[from, to) is one or more spaces or no-break spaces: `/^[ \u00a0]+$/` without the slice. */
function spacesOnly(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0) return false;
  }
  return true;
}

/**
 * Whether two words surely differ once lower-cased, told by their first characters when both are ASCII (which
 * lower-case to one ASCII character in place): most neighbours are ruled out without lower-casing either.
 */
function differentAtStart(a: string, b: string): boolean {
  const x = a.charCodeAt(0);
  const y = b.charCodeAt(0);
  return x < 0x80 && y < 0x80 && asciiLower(x) !== asciiLower(y);
}

function asciiLower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

export const doubledWord: PairCheck = {
  id: 'doubled-word',
  family: 'grammar',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/grammar',
  run(input) {
    const out: Finding[] = [];
    const ws = input.targetWords;
    for (let i = 1; i < ws.length; i += 1) {
      const a = ws[i - 1] as Word;
      const b = ws[i] as Word;
      if (differentAtStart(a.text, b.text) || !spacesOnly(input.target, a.end, b.start)) continue;
      const lower = b.text.toLowerCase();
      if (lower !== a.text.toLowerCase() || DOUBLE_OK.has(lower) || (lower.length < 2 && lower !== 'a'))
        continue;
      // The source repeats it too: intended.
      if (
        input.hasSource &&
        new RegExp(`(?:^|[^\\p{L}])${lower}\\s+${lower}(?:[^\\p{L}]|$)`, 'iu').test(input.source)
      )
        continue;
      const span = { start: a.end, end: b.end };
      out.push({
        messageKey: 'checks.grammar.doubled',
        params: { word: b.text },
        target: [{ start: a.start, end: b.end }],
        fix: { span, replacement: '' },
      });
    }
    return out;
  },
};

// Letters that look the same in both scripts, for the fix that turns a mixed word into one script.
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  i: 'і',
  h: 'һ',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  I: 'І',
};
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC)
    .filter(([l]) => l !== 'h' && l !== 'y')
    .map(([l, c]) => [c, l])
    .concat([
      ['у', 'y'],
      ['к', 'k'],
      ['т', 't'],
      ['в', 'b'],
      ['м', 'm'],
      ['н', 'h'],
    ]),
);

function convert(word: string, to: 'latin' | 'cyrillic'): string | undefined {
  const map = to === 'latin' ? CYRILLIC_TO_LATIN : LATIN_TO_CYRILLIC;
  let out = '';
  for (const ch of word) {
    const s = scriptOf(ch.charCodeAt(0));
    if (s === to || s === 'other') out += ch;
    else {
      const r = map[ch];
      if (!r) return undefined;
      out += r;
    }
  }
  return out;
}

/** A character scriptOf calls Cyrillic, by UTF-16 unit as scriptOf reads them: a class scan beats a loop. */
const CYRILLIC_UNIT = /[\u0400-\u052f]/;

/** A word mixing Latin and Cyrillic letters: "Аkim" with a Cyrillic А looks right and breaks search. */
export const homoglyph: PairCheck = {
  id: 'mixed-script',
  family: 'spelling',
  scope: 'pair',
  needsSource: false,
  severity: 'major',
  category: 'linguistic/spelling',
  run(input) {
    const out: Finding[] = [];
    // A word mixes scripts only if the text has a Cyrillic letter at all: most targets are ruled out by one pass.
    if (!CYRILLIC_UNIT.test(input.target)) return out;
    for (const w of input.targetWords) {
      let latin = 0;
      let cyrillic = 0;
      for (let i = 0; i < w.text.length; i += 1) {
        const s = scriptOf(w.text.charCodeAt(i));
        if (s === 'latin') latin += 1;
        else if (s === 'cyrillic') cyrillic += 1;
      }
      if (latin === 0 || cyrillic === 0) continue;
      const majority =
        latin > cyrillic
          ? 'latin'
          : latin < cyrillic
            ? 'cyrillic'
            : input.targetLang === 'en'
              ? 'latin'
              : 'cyrillic';
      const replacement = convert(w.text, majority);
      out.push({
        messageKey: 'checks.spelling.mixedScript',
        params: { word: w.text },
        target: [w],
        ...(replacement ? { fix: { span: { start: w.start, end: w.end }, replacement } } : {}),
      });
    }
    return out;
  },
};

// "an" before a consonant sound, "a" before a vowel sound. Letters are not sounds: the exceptions are the
// silent h (an hour), "you"-sounding u and eu (a unit, a European), "w"-sounding o (a one-off). Acronyms and
// digits are read aloud letter by letter, so they are left alone.
const A_BEFORE_VOWEL = /^(?:uni(?!nt|mp|nf|ns)|use|usu|ur[aeiou]|uti|eu|ewe|one|once|ubiq|uk)/i;
const AN_BEFORE_CONSONANT = /^(?:hour|honest|honou?r|heir|herb)/i;

/**
 * Whether the word lower-cases to "a" or "an", read by code: only A/a and N/n lower-case to those letters, and
 * lower-casing never shortens a word.
 */
function isArticle(word: string): boolean {
  if (word.length > 2 || asciiLower(word.charCodeAt(0)) !== 97) return false;
  return word.length === 1 || asciiLower(word.charCodeAt(1)) === 110;
}

export const article: PairCheck = {
  id: 'article-a-an',
  family: 'grammar',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/grammar',
  targetLangs: ['en'],
  run(input) {
    const out: Finding[] = [];
    const ws = input.targetWords;
    for (let i = 0; i + 1 < ws.length; i += 1) {
      const a = ws[i] as Word;
      if (!isArticle(a.text)) continue;
      const lower = a.text.toLowerCase();
      const next = ws[i + 1] as Word;
      if (!spacesOnly(input.target, a.end, next.start) || next.script !== 'latin') continue;
      if (/^\p{Lu}{2,}/u.test(next.text) || touchesAny(next, input.targetProtected)) continue;
      // "a" as a list label ("a) …") or the letter itself ("a b c").
      if (input.target[a.end] === ')' || next.text.length < 2) continue;
      const vowel = /^[aeiou]/i.test(next.text);
      const wantsAn = (vowel && !A_BEFORE_VOWEL.test(next.text)) || AN_BEFORE_CONSONANT.test(next.text);
      const isAn = lower === 'an';
      if (wantsAn === isAn) continue;
      const replacement = (isAn ? 'a' : 'an').replace(/^a/, a.text.charAt(0));
      out.push({
        messageKey: 'checks.grammar.article',
        params: { article: a.text, word: next.text, suggestion: replacement },
        target: [{ start: a.start, end: next.end }],
        fix: { span: a, replacement },
      });
    }
    return out;
  },
};

const ORDINAL = /(?<![\p{L}\p{N}])(\d+)(st|nd|rd|th)(?![\p{L}])/giu;

function ordinalSuffix(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** "1th", "2th", "11st", "23th": the suffix must agree with the number. */
export const ordinal: PairCheck = {
  id: 'ordinal-suffix',
  family: 'spelling',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/spelling',
  targetLangs: ['en'],
  run(input) {
    const out: Finding[] = [];
    if (!/\d(?:st|nd|rd|th)/i.test(input.target)) return out;
    for (const m of execAll(ORDINAL, input.target)) {
      const n = Number(m[1]);
      const want = ordinalSuffix(n);
      const got = (m[2] ?? '').toLowerCase();
      if (got === want) continue;
      const start = m.index + (m[1] ?? '').length;
      const span = { start, end: start + got.length };
      out.push({
        messageKey: 'checks.spelling.ordinal',
        params: { text: m[0], suggestion: `${m[1]}${want}` },
        target: [{ start: m.index, end: m.index + m[0].length }],
        fix: { span, replacement: want },
      });
    }
    return out;
  },
};
