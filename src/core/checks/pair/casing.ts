import type { Finding, PairCheck } from '../types.ts';
import { touchesAny } from '../util/words.ts';
import { execAll } from '../../text/execAll.ts';
import { isSpace } from '../../text/isSpace.ts';
import { HAS_INNER_CAPITAL, HAS_LONE_I, targetMarks } from '../util/markScan.ts';

// Words that start in lower case on purpose ("iPhone", "eBay", "e-mail", units, name particles).
const LOWER_OK = new Set([
  'e',
  'i',
  'km',
  'kg',
  'cm',
  'mm',
  'ml',
  'de',
  'van',
  'von',
  'der',
  'al',
  'ibn',
  'pH',
  'x',
  'vs',
]);

/** What the start pattern below skips before its first letter: \s " ' « “ „ ( [. */
const isOpening = (c: number): boolean =>
  c === 0x22 ||
  c === 0x27 ||
  c === 0xab ||
  c === 0x201c ||
  c === 0x201e ||
  c === 0x28 ||
  c === 0x5b ||
  isSpace(c);

/**
 * Whether the first character after white space and opening marks may be a small letter: false for a capital
 * A–Z and any other ASCII character, which the check would let pass anyway, read without an expression.
 */
function mayStartSmall(t: string): boolean {
  let i = 0;
  while (i < t.length && isOpening(t.charCodeAt(i))) i += 1;
  const c = t.charCodeAt(i);
  return (c >= 0x61 && c <= 0x7a) || c >= 0x80;
}

/** A segment that starts with a small letter, where the source (if any) starts with a capital. */
export const lowercaseStart: PairCheck = {
  id: 'lowercase-start',
  family: 'casing',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/grammar',
  run(input) {
    const t = input.target;
    if (!mayStartSmall(t)) return [];
    // List items ("- local police inspectors;") and continuations ending in ; or , start small by design.
    if (/^\s*(?:[-–—•*·]|\(?\d{1,3}[.)]|\(?[\p{L}][)])\s*/u.test(t) || /[;,:]\s*$/u.test(t)) return [];
    const m = /^[\s"'«“„([]*(\p{L}[\p{L}'’-]*)/u.exec(t);
    const word = m?.[1];
    if (!m || !word) return [];
    const first = word.charAt(0);
    // Upper case, or a letter without case.
    if (first === first.toUpperCase()) return [];
    if (LOWER_OK.has(word.split(/[-'’]/)[0] ?? word) || /\p{Lu}/u.test(word.slice(1))) return [];
    if (input.hasSource) {
      const s = /^[\s"'«“„([]*(\p{L})/u.exec(input.source)?.[1];
      if (!s || s === s.toLowerCase()) return [];
    }
    const start = m[0].length - word.length;
    // "info@police.kz мекенжайына": an address starts the sentence, not a word.
    if (touchesAny({ start, end: start + word.length }, input.targetProtected)) return [];
    const span = { start, end: start + 1 };
    return [
      {
        messageKey: 'checks.casing.lowercaseStart',
        target: [{ start, end: start + word.length }],
        fix: { span, replacement: first.toUpperCase() },
      },
    ];
  },
};

// A lone small "i" as the English pronoun ("i think", "i'm"); list labels "(i)" and "i." are left alone.
const LONE_I = /(?<![\p{L}\p{N}('’.-])i(?=[ ,;:!?]|['’](?:m|ve|ll|d)\b)/gu;

export const lowercaseI: PairCheck = {
  id: 'lowercase-i',
  family: 'casing',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/grammar',
  targetLangs: ['en'],
  run(input) {
    const out: Finding[] = [];
    // Without an "i" that has no ASCII letter on either side (the pair's scan looks), no "i" stands alone.
    if ((targetMarks(input).flags & HAS_LONE_I) === 0 || !/(?:^|[^\p{L}])i(?:[^\p{L}]|$)/u.test(input.target))
      return out;
    for (const m of execAll(LONE_I, input.target)) {
      const span = { start: m.index, end: m.index + 1 };
      if (touchesAny(span, input.targetProtected)) continue;
      out.push({ messageKey: 'checks.casing.lowercaseI', target: [span], fix: { span, replacement: 'I' } });
    }
    return out;
  },
};

// Units and brands whose odd capitals are right: kWh, mAh, kHz, dBm, pH, mRNA, iPhone, eGov, eBay.
const CASE_OK = new Set([
  'kwh',
  'mwh',
  'gwh',
  'mah',
  'khz',
  'kbps',
  'mbps',
  'gbps',
  'dbm',
  'dba',
  'ph',
  'mrna',
]);
// "GOvernment", "CApitals": two or more capitals, then two or more small letters (not "PCs", "URLs", "NGOs").
const CAPS_THEN_SMALL = /^\p{Lu}{2,}\p{Ll}{2,}$/u;
// "mInistry", "tHe": a small letter, one capital, then small ones (not iPhone or eGov: i- and e- brands).
const SMALL_CAP_SMALL = /^(?![ie]\p{Lu})\p{Ll}\p{Lu}\p{Ll}+$/u;
// "goVernment": small letters, then a capital inside (camelCase code names are caught by the source test).
const SMALL_THEN_CAP = /^\p{Ll}{2,}\p{Lu}\p{Ll}*$/u;

/**
 * Whether a unit after the first may be a capital: each pattern above has one there. False when every such
 * unit is ASCII other than A–Z or a basic Cyrillic small letter (а–я, ѐ–џ), read without building a string.
 */
function mayHaveInnerCapital(word: string): boolean {
  for (let i = 1; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x80 && (c < 0x430 || c > 0x45f))) return true;
  }
  return false;
}

/**
 * Words with capitals where no spelling puts them: a stuck Shift or Caps Lock, or MT copying an odd source
 * token. Words the source has as they are (code names, brands) are left alone.
 */
export const mixedCase: PairCheck = {
  id: 'mixed-case',
  family: 'casing',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/spelling',
  run(input) {
    const out: Finding[] = [];
    // Every pattern has a capital after a word's first letter, which the pair's scan looks for.
    if ((targetMarks(input).flags & HAS_INNER_CAPITAL) === 0) return out;
    for (const w of input.targetWords) {
      const t = w.text;
      if (t.length < 3 || !mayHaveInnerCapital(t) || t === t.toLowerCase() || t === t.toUpperCase()) continue;
      if (!CAPS_THEN_SMALL.test(t) && !SMALL_CAP_SMALL.test(t) && !SMALL_THEN_CAP.test(t)) continue;
      if (CASE_OK.has(t.toLowerCase()) || input.source.includes(t)) continue;
      if (touchesAny(w, input.targetProtected)) continue;
      const replacement =
        t.charAt(0) === t.charAt(0).toUpperCase() ? t.charAt(0) + t.slice(1).toLowerCase() : t.toLowerCase();
      out.push({
        messageKey: 'checks.casing.mixed',
        params: { word: t, suggestion: replacement },
        target: [w],
        fix: { span: { start: w.start, end: w.end }, replacement },
      });
    }
    return out;
  },
};
