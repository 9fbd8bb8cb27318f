import type { Span } from '../types.ts';
import type { DateMention } from './dates.ts';
import { sortStable } from './sortStable.ts';
import { execAll } from '../../text/execAll.ts';
import { isSpace } from '../../text/isSpace.ts';
import { digitRuns, Marks, textMarks, unitClass, type DigitRuns } from './codes.ts';

/** A number as written, with every value it can mean ("1,500" is 1500 in English, 1.5 in Russian). */
export type NumberMention = Span & { readonly text: string; readonly values: readonly string[] };

// Space-grouped thousands ("1 500", "15 000,5", with NBSP or thin space), or digits with . and , inside: what
// numbersOutside reads as a number, by hand from the digit runs rather than with this expression.
export const NUMBER =
  /(?<![\p{N}\p{L}.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?(?![\p{N}]|[.,]\d)|(?<![\p{N}\p{L}])\d+(?:[.,]\d+)*/gu;
/**
 * NUMBER's first alternative, sticky: tried at a run of one to three digits followed by a group space, where
 * alone it can begin. Where it fails, the second alternative is read by hand (plainNumberEnd).
 */
const SPACE_GROUPED_NUMBER =
  /(?<![\p{N}\p{L}.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?(?![\p{N}]|[.,]\d)/uy;
const isGroupSpace = (c: number) => c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009;
const NUMBER_OR_LETTER = /^[\p{N}\p{L}]$/u;
const numberOrLetterUnit = unitClass(NUMBER_OR_LETTER);

/** Whether the character before `i` is a number or a letter, as NUMBER's look-behind reads it (a surrogate pair as one). */
function numberOrLetterBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 0x80) return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return NUMBER_OR_LETTER.test(text.slice(i - 2, i));
  }
  return numberOrLetterUnit(c);
}

/**
 * Where NUMBER's second alternative, `\d+(?:[.,]\d+)*`, ends when it begins at run `r`: the run, then each run
 * that follows one "." or "," directly.
 */
function plainNumberEnd(text: string, runs: DigitRuns, r: number): number {
  let end = runs[r + 1] as number;
  for (let k = r + 2; k < runs.length && runs[k] === end + 1; k += 2) {
    const c = text.charCodeAt(end);
    if (c !== 0x2e && c !== 0x2c) break;
    end = runs[k + 1] as number;
  }
  return end;
}

const HAS_DIGIT = /\d/;
const GROUPED = /^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+/u;

// Words that multiply the number before them: "1,5 млн" = "1.5 million" = "1 500 000".
const SCALE: readonly [RegExp, number][] = [
  [/^\s*(?:тыс\.?|тысяч[а-я]*|thousand|мың[а-яәғқңөұүһі]*)/iu, 1e3],
  [/^\s*(?:млн\.?|миллион[а-яәғқңөұүһі]*|million)/iu, 1e6],
  [/^\s*(?:млрд\.?|миллиард[а-яәғқңөұүһі]*|billion)/iu, 1e9],
];

/**
 * Every letter SCALE's words can begin with under its case-insensitive flags (т also matches the old tall
 * forms U+1C84 and U+1C85): a number followed by anything else has no scale.
 */
const SCALE_INITIALS = 'тТ\u1c84\u1c85мМtTmMbB';
/** SCALE_INITIALS by code: a Cyrillic character read with charAt would be a new string each time. */
const SCALE_INITIAL_CODES = new Set(Array.from(SCALE_INITIALS, (c) => c.charCodeAt(0)));

function canon(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

const DIGITS_ONLY = /^\d+$/;

function readings(raw: string): number[] {
  if (DIGITS_ONLY.test(raw)) return [Number(raw)];
  if (GROUPED.test(raw)) return [Number(raw.replace(/[ \u00a0\u202f\u2009]/gu, '').replace(',', '.'))];
  const parts = raw.split(/[.,]/);
  const seps = raw.replace(/[^.,]/g, '');
  if (parts.length === 1) return [Number(raw)];
  if (parts.length === 2) {
    const [int, frac] = parts as [string, string];
    const decimal = Number(`${int}.${frac}`);
    // "1,500" / "1.500": thousands in one convention, a decimal in the other.
    return frac.length === 3 && int.length <= 3 && int !== '0' ? [Number(int + frac), decimal] : [decimal];
  }
  const last = seps.at(-1);
  const first = seps[0];
  const groupsOk = parts.slice(1, last === first ? undefined : -1).every((p) => p.length === 3);
  if (!groupsOk) return [];
  if (seps.split('').every((s) => s === first)) return [Number(parts.join(''))];
  const int = parts.slice(0, -1).join('');
  return [Number(`${int}.${parts.at(-1)}`)];
}

const byStart = (a: Span, b: Span): number => a.start - b.start;

// Any decimal digit that is not ASCII (Arabic-Indic ٣, Devanagari ३, fullwidth ３…).
const OTHER_DIGIT = /(?![0-9])\p{Nd}/u;
const OTHER_DIGITS = /(?![0-9])\p{Nd}/gu;
const ND = /\p{Nd}/u;
const digitValues = new Map<number, number>();

/**
 * The value of a decimal digit of any script. Unicode keeps every script's digits as one run of ten, zero first,
 * and runs of different scripts may touch, so the value is the distance from the run's start modulo ten.
 */
function digitValue(code: number): number {
  let v = digitValues.get(code);
  if (v === undefined) {
    let start = code;
    while (start > 0 && ND.test(String.fromCharCode(start - 1))) start -= 1;
    v = (code - start) % 10;
    digitValues.set(code, v);
  }
  return v;
}

/**
 * Whether OTHER_DIGIT is worth asking: U+0660 (ARABIC-INDIC DIGIT ZERO) is the first decimal digit after ASCII,
 * and the punctuation and currency blocks (U+2000–U+20CF: dashes, quotes, spaces) hold none.
 */
function mayHaveOtherDigit(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x660 && (c < 0x2000 || c > 0x20cf)) return true;
  }
  return false;
}

/**
 * The text with every BMP decimal digit written as its ASCII twin, so "٤٥" reads as 45. Each digit is one UTF-16
 * unit either way, so every offset stays where it was.
 */
export function asciiDigits(text: string): string {
  if (!mayHaveOtherDigit(text) || !OTHER_DIGIT.test(text)) return text;
  return text.replace(OTHER_DIGITS, (d) => (d.length === 1 ? String(digitValue(d.charCodeAt(0))) : d));
}

// A decade written the Russian or Kazakh way: "90-х", "90-е годы", "80-жылдары" mean the 1990s, 1980s.
const DECADE_AFTER = /^-(?:х|е|ые|ых|ым|ыми|жыл|шы|ші|ыншы|інші)/u;
/** "XIX век", "ХХ ғасыр", "II квартал": the word after a one-letter numeral that makes it one. */
const ROMAN_CONTEXT =
  /^\s*(?:век|вв?\.|веке|века|веков|ғасыр|квартал|тоқсан|съезд|созыв|степен|групп|century|centuries|quarter)/iu;
// Latin roman numerals, and the Cyrillic letters that look like them (Х, І, С) as Russian typists write them.
const ROMAN_TOKEN = /(?<![\p{L}\p{N}])[IVXLCХІС]{1,7}(?![\p{L}\p{N}])/gu;
const STRICT_ROMAN = /^C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

function romanValue(latin: string): number {
  let total = 0;
  for (let i = 0; i < latin.length; i += 1) {
    const v = ROMAN_VALUE[latin[i] as string] ?? 0;
    const next = ROMAN_VALUE[latin[i + 1] as string] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * Roman numerals that count as numbers: well-formed, at most C, and either two letters or more ("XIX") or one
 * followed by a word that takes them ("V век"); a lone "I" or "С" is a pronoun or a preposition.
 */
export function romanNumerals(
  text: string,
  skip: readonly Span[] = [],
  marks = textMarks(text),
): NumberMention[] {
  const out: NumberMention[] = [];
  if ((marks & Marks.ROMAN) === 0) return out;
  for (const m of execAll(ROMAN_TOKEN, text)) {
    const latin = m[0].replace(/Х/g, 'X').replace(/І/g, 'I').replace(/С/g, 'C');
    if (!STRICT_ROMAN.test(latin)) continue;
    // All-Cyrillic tokens are words ("С", "ХС") unless a century word follows.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if ((latin.length < 2 || !/[IVXLC]/.test(m[0])) && !ROMAN_CONTEXT.test(after)) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (skip.some((s) => start < s.end && s.start < end)) continue;
    const v = romanValue(latin);
    if (v > 0 && v <= 100) out.push({ start, end, text: m[0], values: [String(v)] });
  }
  return out;
}

/** Whether [start, end) overlaps one of the spans. */
function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const s of spans) if (start < s.end && s.start < end) return true;
  return false;
}

/** Whether the text is one or more ASCII digits and nothing else, as DIGITS_ONLY tests. */
function digitsOnly(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return text.length > 0;
}

/** Whether the first character after `end` that String#trimStart would keep, within 14, can begin a SCALE word. */
function scaleMayFollow(text: string, end: number): boolean {
  const stop = Math.min(text.length, end + 14);
  for (let i = end; i < stop; i += 1) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) return SCALE_INITIAL_CODES.has(c);
  }
  return false;
}

const DOTTED = /^\d+(?:\.\d+){2,}$/;

/**
 * Every value a number token can mean, with the scale word or decade ending written after it, canonical and
 * without repeats; undefined when the token reads as no quantity.
 */
export function valuesOf(text: string, token: string, end: number): readonly string[] | undefined {
  // A plain digit run, the common case, has one reading: read it without the arrays `readings` builds.
  const plain = digitsOnly(token);
  // SCALE and DECADE_AFTER are only asked when the next character can begin what they look for.
  const scaleNext = scaleMayFollow(text, end);
  const hyphenNext = text.charCodeAt(end) === 45;
  // Nothing after it to scale it or make it a decade: the digits are the value as written.
  if (plain && !scaleNext && !hyphenNext && canonicalAsWritten(token)) return [token];
  const read = plain ? [Number(token)] : readings(token).filter((v) => Number.isFinite(v));
  if (read.length === 0 || !Number.isFinite(read[0] as number)) return undefined;
  const values = read;
  const scaled = scaleNext ? SCALE.find(([re]) => re.test(text.slice(end, end + 14))) : undefined;
  let all = scaled ? [...values, ...values.map((v) => v * scaled[1])] : values;
  if (values.length === 1 && (values[0] as number) % 10 === 0 && (values[0] as number) < 100) {
    if (hyphenNext && DECADE_AFTER.test(text.slice(end, end + 14)))
      all = [...all, 1900 + (values[0] as number), 2000 + (values[0] as number)];
  }
  if (all.length > 1) return [...new Set(all.map(canon))];
  return [plain && canonicalAsWritten(token) ? token : canon(all[0] as number)];
}

/**
 * Whether a run of digits is its own canonical value: no leading zero, and below 10⁹, where scaling by 10⁶ and
 * back in `canon` is exact. It then needs no round trip through a number.
 */
function canonicalAsWritten(digits: string): boolean {
  return digits.length <= 9 && (digits.length === 1 || digits.charCodeAt(0) !== 48);
}

/**
 * Numbers in a text outside the spans of `skip`, `skipToo` and `dates`; dates contribute their day and year
 * (the month is the dates check's). Three lists rather than one so callers need not join them.
 */
export function numbersOutside(
  raw: string,
  skip: readonly Span[],
  skipToo: readonly Span[],
  dates: readonly DateMention[],
  marks = textMarks(raw),
  rawRuns?: DigitRuns,
): NumberMention[] {
  const out: NumberMention[] = [];
  const text = (marks & Marks.OTHER_DIGIT) === 0 ? raw : asciiDigits(raw);
  const hasDigit = text === raw ? (marks & Marks.DIGIT) !== 0 : HAS_DIGIT.test(text);
  if (dates.length === 0 && !hasDigit) return out;
  // Every NUMBER match begins at the start of a digit run (both look-behinds refuse a digit before it), so it is
  // tried only there, in order and from the end of the last match, as a global search would find them. Its
  // first alternative needs a group separator between digits (Marks GROUPED or SEPARATED).
  const runs = text === raw ? (rawRuns ?? digitRuns(raw)) : digitRuns(text);
  const grouped = text !== raw || (marks & (Marks.GROUPED | Marks.SEPARATED)) !== 0;
  let pos = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r] as number;
    if (start < pos) continue;
    let end = -1;
    if (
      grouped &&
      (runs[r + 1] as number) - start <= 3 &&
      isGroupSpace(text.charCodeAt(runs[r + 1] as number))
    ) {
      SPACE_GROUPED_NUMBER.lastIndex = start;
      if (SPACE_GROUPED_NUMBER.test(text)) end = SPACE_GROUPED_NUMBER.lastIndex;
    }
    if (end < 0) {
      if (numberOrLetterBefore(text, start)) continue;
      end = plainNumberEnd(text, runs, r);
    }
    pos = end;
    if (overlapsAny(skip, start, end) || overlapsAny(skipToo, start, end) || overlapsAny(dates, start, end))
      continue;
    const token = text.slice(start, end);
    const values = valuesOf(text, token, end);
    if (values === undefined) {
      // Dotted identifiers ("3.2.1", "12.34.56", "2.10.4") are no quantity: they must come through as written.
      if (DOTTED.test(token)) out.push({ start, end, text: token, values: [`#${token}`] });
      continue;
    }
    out.push({ start, end, text: raw === text ? token : raw.slice(start, end), values });
  }
  SPACE_GROUPED_NUMBER.lastIndex = 0;
  for (const d of dates) {
    for (const v of [d.day, d.year]) {
      if (v !== undefined)
        out.push({ start: d.start, end: d.end, text: text.slice(d.start, d.end), values: [String(v)] });
    }
  }
  return sortStable(out, byStart);
}

/** Numbers in a text outside `skip` spans; dates contribute their day and year (the month is the dates check's). */
export function findNumbers(
  raw: string,
  skip: readonly Span[] = [],
  dates: readonly DateMention[] = [],
): NumberMention[] {
  return numbersOutside(raw, skip, [], dates);
}

// Number words, so "two" in the target answers "2" in the source (and "двух" answers "2" in the target).
const WORDS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  en: [
    ['zero', 0],
    ['one', 1],
    ['once', 1],
    ['first', 1],
    ['single', 1],
    ['two', 2],
    ['twice', 2],
    ['second', 2],
    ['both', 2],
    ['double', 2],
    ['dual', 2],
    ['pair', 2],
    ['three', 3],
    ['third', 3],
    ['thrice', 3],
    ['triple', 3],
    ['four', 4],
    ['fourth', 4],
    ['five', 5],
    ['fifth', 5],
    ['six', 6],
    ['sixth', 6],
    ['seven', 7],
    ['seventh', 7],
    ['eight', 8],
    ['eighth', 8],
    ['nine', 9],
    ['ninth', 9],
    ['ten', 10],
    ['tenth', 10],
    ['eleven', 11],
    ['twelve', 12],
    ['dozen', 12],
    ['thirteen', 13],
    ['fourteen', 14],
    ['fifteen', 15],
    ['sixteen', 16],
    ['seventeen', 17],
    ['eighteen', 18],
    ['nineteen', 19],
    ['twenty', 20],
    ['thirty', 30],
    ['forty', 40],
    ['fifty', 50],
    ['sixty', 60],
    ['seventy', 70],
    ['eighty', 80],
    ['ninety', 90],
    ['twentieth', 20],
    ['thirtieth', 30],
    ['hundred', 100],
    ['thousand', 1000],
    ['million', 1e6],
    ['billion', 1e9],
    ['half', 0.5],
    ['quarter', 0.25],
  ],
  ru: [
    ['ноль', 0],
    ['нол', 0],
    ['один', 1],
    ['одн', 1],
    ['перв', 1],
    ['два', 2],
    ['две', 2],
    ['двух', 2],
    ['двум', 2],
    ['втор', 2],
    ['двое', 2],
    ['оба', 2],
    ['обе', 2],
    ['дважды', 2],
    ['три', 3],
    ['трёх', 3],
    ['трех', 3],
    ['трет', 3],
    ['трое', 3],
    ['трижды', 3],
    ['четыр', 4],
    ['четвёрт', 4],
    ['четверт', 4],
    ['пят', 5],
    ['шест', 6],
    ['сем', 7],
    ['седьм', 7],
    ['восем', 8],
    ['восьм', 8],
    ['девят', 9],
    ['десят', 10],
    ['одиннадцат', 11],
    ['двенадцат', 12],
    ['дюжин', 12],
    ['двадцат', 20],
    ['тридцат', 30],
    ['сорок', 40],
    ['пятьдесят', 50],
    ['шестьдесят', 60],
    ['семьдесят', 70],
    ['восемьдесят', 80],
    ['девяност', 90],
    ['сто', 100],
    ['двест', 200],
    ['двухсот', 200],
    ['трист', 300],
    ['трёхсот', 300],
    ['трехсот', 300],
    ['четырест', 400],
    ['пятьсот', 500],
    ['шестьсот', 600],
    ['семьсот', 700],
    ['восемьсот', 800],
    ['девятьсот', 900],
    ['полтор', 1.5],
    ['сотн', 100],
    ['тысяч', 1000],
    ['миллион', 1e6],
    ['половин', 0.5],
  ],
  kk: [
    ['нөл', 0],
    ['бір', 1],
    ['екі', 2],
    ['үш', 3],
    ['төрт', 4],
    ['бес', 5],
    ['алты', 6],
    ['жеті', 7],
    ['сегіз', 8],
    ['тоғыз', 9],
    ['он', 10],
    ['жиырма', 20],
    ['отыз', 30],
    ['қырық', 40],
    ['елу', 50],
    ['алпыс', 60],
    ['жетпіс', 70],
    ['сексен', 80],
    ['тоқсан', 90],
    ['жүз', 100],
    ['мың', 1000],
    ['миллион', 1e6],
    ['жарты', 0.5],
    ['екеу', 2],
    ['үшеу', 3],
  ],
};

type WordEntry = { readonly word: string; readonly value: string };

/** A list's words by their first letter, each with its canonical value: a token is held only against its own. */
function byInitial(list: readonly (readonly [string, number])[]): ReadonlyMap<string, readonly WordEntry[]> {
  const index = new Map<string, WordEntry[]>();
  for (const [word, v] of list) {
    const initial = word.charAt(0);
    const entries = index.get(initial) ?? [];
    entries.push({ word, value: canon(v) });
    index.set(initial, entries);
  }
  return index;
}

/** English words are whole ("two", "twos", "fourth"): every form a token can take, with the values it means. */
function englishForms(list: readonly (readonly [string, number])[]): ReadonlyMap<string, readonly string[]> {
  const forms = new Map<string, string[]>();
  for (const [word, v] of list) {
    for (const form of [word, `${word}s`, `${word}th`]) {
      const values = forms.get(form) ?? [];
      values.push(canon(v));
      forms.set(form, values);
    }
  }
  return forms;
}

const EN_FORMS = englishForms(WORDS.en ?? []);
const INITIALS = new Map<readonly (readonly [string, number])[], ReadonlyMap<string, readonly WordEntry[]>>();
const LETTER_RUN = /[\p{L}]+/gu;

/** Values written out as words (by prefix for inflecting languages: "двух", "екінші"). */
export function numberWordValues(text: string, lang: string): Set<string> {
  const list = WORDS[lang] ?? WORDS.en ?? [];
  const found = new Set<string>();
  const tokens = text.toLowerCase().match(LETTER_RUN) ?? [];
  if (lang === 'en') {
    for (const t of tokens) for (const v of EN_FORMS.get(t) ?? []) found.add(v);
    return found;
  }
  let index = INITIALS.get(list);
  if (index === undefined) {
    index = byInitial(list);
    INITIALS.set(list, index);
  }
  for (const t of tokens) {
    for (const { word, value } of index.get(t.charAt(0)) ?? []) {
      if (t.startsWith(word) && t.length <= word.length + 5) found.add(value);
    }
  }
  return found;
}

/** Numbers written as words or roman numerals in a text, for a number the other side gives in digits. */
export function spelledValues(text: string, lang: string): Set<string> {
  const found = numberWordValues(text, lang);
  for (const n of romanNumerals(text)) for (const v of n.values) found.add(v);
  return found;
}

const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** Values of roman numerals ("XX век" = "20th century"), Latin or typed with Cyrillic look-alikes. */
export function romanValues(text: string): Set<string> {
  return new Set(romanNumerals(text).flatMap((n) => n.values));
}
