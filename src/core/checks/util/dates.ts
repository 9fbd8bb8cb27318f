import type { Span } from '../types.ts';
import { sortStable } from './sortStable.ts';
import { digitRuns, Marks, textMarks, unitClass, type DigitRuns } from './codes.ts';
import { isSpace } from '../../text/isSpace.ts';

/** A calendar date as written: any part may be missing ("February 2018", "2 ноября"). */
export type DateMention = Span & {
  readonly day?: number;
  readonly month: number;
  readonly year?: number;
  /** Numeric dates whose day and month could be read either way ("02/11/2015" in English). */
  readonly swappable?: boolean;
  readonly numeric: boolean;
  /** The first day of a range takes its month from a later date: where that date starts. */
  readonly rangeEnd?: number;
};

// Month names by stem: Russian and Kazakh inflect (ноября, қарашада), so stems, not full words.
const RU_MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма[йяе]',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  // The final к voices before a vowel suffix: "қыркүйегінде".
  'қыркүйе[кг]',
  'қазан',
  'қараша',
  'желтоқсан',
];
const EN_MONTHS = [
  'jan(?:uary|\\.)?',
  'feb(?:ruary|\\.)?',
  'mar(?:ch|\\.)?',
  'apr(?:il|\\.)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust|\\.)?',
  'sep(?:t(?:ember)?)?\\.?',
  'oct(?:ober|\\.)?',
  'nov(?:ember|\\.)?',
  'dec(?:ember|\\.)?',
];

function monthAlternation(stems: readonly string[], tail: string): string {
  return stems.map((s, i) => `(?<m${i}>${s})${tail}`).join('|');
}

const RU_M = `(?:${monthAlternation(RU_MONTHS, '[а-яё]*')})`;
const KK_M = `(?:${monthAlternation(KK_MONTHS, '[а-яёәғқңөұүһі]*')})`;
const EN_M = `(?:${monthAlternation(EN_MONTHS, '')})`;
const D = '(?<d>[0-3]?\\d)';
const Y = '(?<y>[12]\\d{3})';
const NB = '(?<![\\p{L}\\p{N}])';
const NA = '(?![\\p{L}\\p{N}])';

// Groups by number, not by name (a match then builds no object of named groups): day or month a (1), the
// separator (2), month or day b (3), year (4); ISO: year (1), month (2), day (3).
// Sticky: tried only at the start of a digit run that can begin one (see findDates).
const NUMERIC = /(?<![\p{N}.])([0-3]?\d)([./])([01]?\d)\2([12]\d{3}|\d{2})(?![\p{N}]|\.\d)/uy;
const ISO = /(?<![\p{N}])([12]\d{3})-([01]\d)-([0-3]\d)(?![\p{N}])/uy;

/**
 * Where a WRITTEN pattern's matches begin, as bits: at a day (a run of one or two digits, D) or a year (four, Y),
 * or at a month name just before a day or a year. A pattern may begin at more than one of these.
 */
const AT_DAY = 1;
const AT_YEAR = 2;
const BEFORE_DAY = 4;
const BEFORE_YEAR = 8;

const WRITTEN_NAMED: Record<string, readonly (readonly [RegExp, number])[]> = {
  ru: [
    [new RegExp(`${NB}${D}\\s+${RU_M}(?:\\s+${Y})?${NA}`, 'giu'), AT_DAY],
    [new RegExp(`${NB}${RU_M}\\s+${Y}${NA}`, 'giu'), BEFORE_YEAR],
  ],
  // Kazakh: "2015 жылғы 2 қарашада", "2015 ж. 2 қарашада", "2 қарашада", "қараша 2015", and the day after the
  // month in the genitive with its ordinal ending: "2016 жылғы қаңтардың 5-і", "қаңтардың 5-індегі".
  kk: [
    [new RegExp(`${NB}${Y}\\s+(?:жыл[а-яәғқңөұүһі]*|ж\\.)\\s+(?:${D}\\s+)?${KK_M}${NA}`, 'giu'), AT_YEAR],
    [
      new RegExp(
        `${NB}(?:${Y}\\s+(?:жыл[а-яәғқңөұүһі]*|ж\\.)\\s+)?${KK_M}\\s+${D}-[а-яәғқңөұүһі]+${NA}`,
        'giu',
      ),
      AT_YEAR | BEFORE_DAY,
    ],
    [new RegExp(`${NB}${D}\\s+${KK_M}(?:\\s+${Y})?${NA}`, 'giu'), AT_DAY],
    [new RegExp(`${NB}${KK_M}\\s+${Y}${NA}`, 'giu'), BEFORE_YEAR],
  ],
  en: [
    [new RegExp(`${NB}${EN_M}\\s+${D}(?:st|nd|rd|th)?(?:,?\\s+${Y})?${NA}`, 'giu'), BEFORE_DAY],
    [new RegExp(`${NB}${D}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${EN_M}(?:,?\\s+${Y})?${NA}`, 'giu'), AT_DAY],
    [new RegExp(`${NB}${EN_M},?\\s+${Y}${NA}`, 'giu'), BEFORE_YEAR],
  ],
};

/**
 * A WRITTEN pattern with its named groups made plain, and where each name's group is: a match then carries no
 * object of named groups to build and read. Every group of these patterns is named, so the n-th "(?<name>" is
 * group n. The same expression otherwise, so the same matches, but sticky: it is tried only where a match can
 * begin (see writtenDates).
 */
type Written = {
  readonly re: RegExp;
  /** Group numbers of the months January…December. */
  readonly months: readonly number[];
  readonly day: number;
  readonly year: number;
  /** Where its matches begin: AT_DAY, AT_YEAR, BEFORE_DAY, BEFORE_YEAR, or more than one. */
  readonly starts: number;
};

function plainGroups([named, starts]: readonly [RegExp, number]): Written {
  const names: string[] = [];
  const source = named.source.replace(/\(\?<([a-zA-Z]\w*)>/g, (_, name: string) => {
    names.push(name);
    return '(';
  });
  const at = (name: string) => names.indexOf(name) + 1;
  return {
    re: new RegExp(source, named.flags.replace('g', 'y')),
    months: Array.from({ length: 12 }, (_, i) => at(`m${i}`)),
    day: at('d'),
    year: at('y'),
    starts,
  };
}

/** The leading characters of a word, each as a class. */
type Atoms = readonly ((c: number) => boolean)[];

/** What the WRITTEN patterns of one language need to find where their matches can begin. */
type WrittenLang = {
  readonly patterns: readonly Written[];
  /**
   * The letters a month name's class takes (RU_M's [а-яё]*, every letter of EN_M). Every one of them is a
   * letter (\p{L}), so a name that NB lets begin starts where a run of them starts.
   */
  readonly letter: (c: number) => boolean;
  /**
   * The plain letters of the alphabet, which the walk back over a word meets on nearly every step, settled
   * without asking `letter`: the units from `plainFrom` to `plainTo`, ASCII ones with `asciiCase` added as a bit
   * (0x20, so that A–Z read as a–z).
   */
  readonly plainFrom: number;
  readonly plainTo: number;
  readonly asciiCase: number;
  /** What the word after a day or year (a month, Kazakh "жыл", English "of") or a month name begins with. */
  readonly initial: (c: number) => boolean;
  /** The first two or three characters of each of those words, as classes (see nameAt). */
  readonly names: readonly Atoms[];
  /** `names` by the character they begin with, filled in as characters are met. */
  readonly byInitial: Map<number, readonly Atoms[]>;
  /** English: "st", "nd", "rd", "th" may follow a day, and ",", "." a month name. */
  readonly english: boolean;
};

/**
 * The first characters every match of a word's pattern begins with ("jan" of `jan(?:uary|\.)?`, "ма[йяе]"), up
 * to three and none that is optional, each as a class under the patterns' flags.
 */
function leadingAtoms(pattern: string): ((c: number) => boolean)[] {
  const atoms: string[] = [];
  let i = 0;
  while (atoms.length < 3 && i < pattern.length) {
    const c = pattern.charAt(i);
    const end = c === '[' ? pattern.indexOf(']', i) + 1 : c === '\\' ? i + 2 : /\p{L}/u.test(c) ? i + 1 : -1;
    if (end <= i || '?*'.includes(pattern.charAt(end) || '-')) break;
    atoms.push(pattern.slice(i, end));
    i = end;
  }
  return atoms.map((a) => unitClass(new RegExp(`^${a}$`, 'iu')));
}

function writtenLang(lang: string, letters: string, words: readonly string[]): WrittenLang {
  return {
    patterns: (WRITTEN_NAMED[lang] ?? []).map(plainGroups),
    letter: unitClass(new RegExp(`^[${letters}]$`, 'iu')),
    plainFrom: lang === 'en' ? 0x61 : 0x410,
    plainTo: lang === 'en' ? 0x7a : 0x44f,
    asciiCase: lang === 'en' ? 0x20 : 0,
    initial: unitClass(new RegExp(`^[${words.map((w) => w.charAt(0)).join('')}]$`, 'iu')),
    names: words.map(leadingAtoms),
    byInitial: new Map(),
    english: lang === 'en',
  };
}

const WRITTEN: ReadonlyMap<string, WrittenLang> = new Map([
  ['ru', writtenLang('ru', 'а-яё', RU_MONTHS)],
  // After a Kazakh year: "жыл…" or "ж.".
  ['kk', writtenLang('kk', 'а-яёәғқңөұүһі', [...KK_MONTHS, 'жыл', 'ж\\.'])],
  // After an English day: "of" ("5th of June").
  ['en', writtenLang('en', 'a-z', [...EN_MONTHS, 'of'])],
]);

/** The month (1–12) a WRITTEN match names, 0 if none. */
function monthOf(m: RegExpExecArray, months: readonly number[]): number {
  for (let i = 0; i < 12; i += 1) {
    const g = months[i] as number;
    if (g > 0 && m[g] !== undefined) return i + 1;
  }
  return 0;
}

/** A group of a match, undefined where the pattern has no such group or it took no part. */
function groupOf(m: RegExpExecArray, g: number): string | undefined {
  return g > 0 ? m[g] : undefined;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 50 ? 2000 + n : 1900 + n) : n;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The first day of a day range, just before a written date whose month (and year) it shares: "с 1 по 15 июня",
 * "1–15 June", "from 1 to 15 June", "1 мен 15 маусым", "10-нан 20 сәуірге дейін". Without it the first day reads as a bare number, and a
 * rendering that writes the range as two dates ("1 маусымнан 15 маусымға") seems to add one.
 */
const RANGE_START =
  /(?<![\p{L}\p{N}.,])(?<d>[0-3]?\d)(?:-?(?:го|е|й|st|nd|rd|th))?(?:\s*[-–—]\s*|\s+(?:по|до|и|to|till|until|through|and|мен|және)\s+|-(?:нан|нен|дан|ден|тан|тен)\s+)$/u;

/** Whether an ASCII digit is in text[from, to). */
function digitIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (isDigit(text.charCodeAt(i))) return true;
  return false;
}

function rangeStarts(text: string, found: DateMention[]): void {
  // Only the dates found so far: the range starts pushed here are no range ends.
  const count = found.length;
  for (let i = 0; i < count; i += 1) {
    const d = found[i] as DateMention;
    if (d.numeric || d.day === undefined || !isDigit(text.charCodeAt(d.start))) continue;
    // RANGE_START begins with a digit: without one in the 16 characters before, it cannot match there.
    if (!digitIn(text, Math.max(0, d.start - 16), d.start)) continue;
    const before = text.slice(Math.max(0, d.start - 16), d.start);
    const m = RANGE_START.exec(before);
    const day = Number(m?.groups?.d);
    if (!m || day < 1 || day > 31 || day >= d.day) continue;
    const start = d.start - before.length + m.index;
    found.push({
      start,
      end: start + (m.groups?.d ?? '').length,
      day,
      month: d.month,
      numeric: false,
      rangeEnd: d.start,
      ...(d.year !== undefined ? { year: d.year } : {}),
    });
  }
}

const byStartLongestFirst = (x: Span, y: Span): number => x.start - y.start || y.end - x.end;

/**
 * Whether the word after a day or year that ends at `end` can begin what a WRITTEN pattern needs there: the
 * patterns put one or more spaces (after "st", "nd", "rd" or "th" in English) before a month, "жыл" or "of".
 */
function monthAfter(text: string, end: number, lang: WrittenLang): boolean {
  let j = end;
  if (lang.english && ORDINAL_FIRST(text.charCodeAt(j))) j += 2;
  if (!isSpace(text.charCodeAt(j))) return false;
  do j += 1;
  while (isSpace(text.charCodeAt(j)));
  return nameAt(text, j, lang);
}

/** Whether one of the words a WRITTEN pattern needs beside a day or year (see WrittenLang) can begin at `k`. */
function nameAt(text: string, k: number, lang: WrittenLang): boolean {
  if (k >= text.length) return false;
  const c = text.charCodeAt(k);
  if (!lang.initial(c)) return false;
  for (const atoms of namesFrom(lang, c)) {
    let i = 1;
    while (i < atoms.length && (atoms[i] as (c: number) => boolean)(text.charCodeAt(k + i))) i += 1;
    if (i === atoms.length) return true;
  }
  return false;
}

/** The words of a language whose first character can be `c`, sorted out once per character. */
function namesFrom(lang: WrittenLang, c: number): readonly Atoms[] {
  let names = lang.byInitial.get(c);
  if (names === undefined) {
    names = lang.names.filter((atoms) => (atoms[0] as (c: number) => boolean)(c));
    lang.byInitial.set(c, names);
  }
  return names;
}

/** What "st", "nd", "rd" and "th" can begin with as the patterns' case folding reads them. */
const ORDINAL_FIRST = unitClass(/^[snrt]$/iu);

/**
 * Where a month name before the digit run starting at `start` begins, if it may be one, or -1: the patterns put
 * one or more spaces between them (after "," and "." in English). The name is a run of the language's letters,
 * and NB allows no letter before it, so only the start of that run can begin a match.
 */
function monthBefore(text: string, start: number, lang: WrittenLang): number {
  let j = start;
  while (j > 0 && isSpace(text.charCodeAt(j - 1))) j -= 1;
  if (j === start) return -1;
  if (lang.english) {
    if (text.charCodeAt(j - 1) === 0x2c) j -= 1;
    if (text.charCodeAt(j - 1) === 0x2e) j -= 1;
  }
  let k = j;
  for (; k > 0; k -= 1) {
    const c = text.charCodeAt(k - 1);
    const plain = c < 0x80 ? c | lang.asciiCase : c;
    if (plain >= lang.plainFrom && plain <= lang.plainTo) continue;
    // No other ASCII character is a letter of these classes.
    if (c < 0x80 || !lang.letter(c)) break;
  }
  return k < j && nameAt(text, k, lang) ? k : -1;
}

/**
 * The written dates of a text ("2 ноября 2015", "June 5th"), pushed to `found`; whether there were any. Every
 * match of a WRITTEN pattern begins at a day or year, which starts a digit run, or at a month name just before
 * one, so each pattern is tried only there, in order and from the end of its last match, as a global search
 * would find them: most texts offer no such place, and no pattern runs at all.
 */
function writtenDates(text: string, lang: WrittenLang, runs: DigitRuns, found: DateMention[]): boolean {
  let at: number[] | undefined;
  let kinds: number[] | undefined;
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r] as number;
    const length = (runs[r + 1] as number) - start;
    // D is one or two digits, Y four, and each is followed by no digit.
    const year = length === 4;
    if (length > 2 && !year) continue;
    const before = monthBefore(text, start, lang);
    if (before >= 0) {
      (at ??= []).push(before);
      (kinds ??= []).push(year ? BEFORE_YEAR : BEFORE_DAY);
    }
    if (monthAfter(text, start + length, lang)) {
      (at ??= []).push(start);
      (kinds ??= []).push(year ? AT_YEAR : AT_DAY);
    }
  }
  if (at === undefined || kinds === undefined) return false;
  const count = found.length;
  for (const w of lang.patterns) {
    const re = w.re;
    let pos = 0;
    for (let i = 0; i < at.length; i += 1) {
      const from = at[i] as number;
      if (from < pos || ((kinds[i] as number) & w.starts) === 0) continue;
      re.lastIndex = from;
      const m = re.exec(text);
      if (m === null) continue;
      pos = from + m[0].length;
      const month = monthOf(m, w.months);
      const d = groupOf(m, w.day);
      const y = groupOf(m, w.year);
      const day = d === undefined ? undefined : Number(d);
      if (month === 0 || (day !== undefined && (day < 1 || day > 31))) continue;
      const date: { -readonly [K in keyof DateMention]: DateMention[K] } = {
        start: from,
        end: pos,
        month,
        numeric: false,
      };
      if (day !== undefined) date.day = day;
      if (y !== undefined) date.year = Number(y);
      found.push(date);
    }
    re.lastIndex = 0;
  }
  return found.length > count;
}

/**
 * Numeric dates ("06.12.2014", "01/04/12"): NUMERIC begins at a digit run of one or two digits followed by "."
 * or "/" (its look-behind refuses a digit before), so it is tried only there.
 */
function numericDates(text: string, lang: string, runs: DigitRuns, found: DateMention[]): void {
  let pos = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r] as number;
    const run = (runs[r + 1] as number) - start;
    const sep = text.charCodeAt(start + run);
    if (start < pos || run > 2 || (sep !== 0x2e && sep !== 0x2f)) continue;
    NUMERIC.lastIndex = start;
    const m = NUMERIC.exec(text);
    if (m === null) continue;
    const end = start + m[0].length;
    pos = end;
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = fullYear(m[4] ?? '');
    // In English "/" dates are often month first; accept either reading where both are possible.
    const swappable = lang === 'en' && m[2] === '/' && a <= 12 && b <= 12;
    // Object literals, not spreads of a span: a spread takes V8's slow generic copy.
    if (b >= 1 && b <= 12 && a >= 1 && a <= 31)
      found.push({ start, end, day: a, month: b, year: y, swappable, numeric: true });
    else if (lang === 'en' && a >= 1 && a <= 12 && b >= 1 && b <= 31)
      found.push({ start, end, day: b, month: a, year: y, numeric: true });
  }
  NUMERIC.lastIndex = 0;
}

/** ISO dates ("2014-12-06"), tried only at a run of four digits followed by "-". */
function isoDates(text: string, runs: DigitRuns, found: DateMention[]): void {
  let pos = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r] as number;
    if (start < pos || (runs[r + 1] as number) - start !== 4 || text.charCodeAt(start + 4) !== 0x2d) continue;
    ISO.lastIndex = start;
    const m = ISO.exec(text);
    if (m === null) continue;
    pos = start + m[0].length;
    found.push({
      start,
      end: pos,
      day: Number(m[3]),
      month: Number(m[2]),
      year: Number(m[1]),
      numeric: true,
    });
  }
  ISO.lastIndex = 0;
}

/** Every date in a text, numeric and written, with spans; overlapping matches keep the longest. */
export function findDates(
  text: string,
  lang: string,
  marks = textMarks(text),
  runs: DigitRuns = digitRuns(text),
): DateMention[] {
  if ((marks & Marks.DIGIT) === 0) return [];
  const found: DateMention[] = [];
  if ((marks & Marks.DOT_OR_SLASH) !== 0) numericDates(text, lang, runs, found);
  if ((marks & Marks.HYPHEN) !== 0) isoDates(text, runs, found);
  const written = WRITTEN.get(lang);
  // Range starts are read before written dates only: with none there is nothing for them to start.
  if (written !== undefined && writtenDates(text, written, runs, found)) rangeStarts(text, found);
  if (found.length < 2) return found;
  sortStable(found, byStartLongestFirst);
  const out: DateMention[] = [];
  for (const d of found) {
    const last = out.at(-1);
    if (last && d.start < last.end) continue;
    out.push(d);
  }
  return out;
}

/** The date with day and month read the other way, where it can be ("02/11/2015" in English). */
function swap(d: DateMention): DateMention {
  return d.swappable && d.day !== undefined ? { ...d, day: d.month, month: d.day, swappable: false } : d;
}

/** Same date, written in any form: missing parts on either side do not count against it. */
export function sameDate(a: DateMention, b: DateMention): boolean {
  const direct =
    a.month === b.month &&
    (a.day === undefined || b.day === undefined || a.day === b.day) &&
    (a.year === undefined || b.year === undefined || a.year === b.year);
  if (direct) return true;
  if (a.swappable || b.swappable)
    return sameDate(swap(a), swap(b)) || sameDate(swap(a), b) || sameDate(a, swap(b));
  return false;
}

export const EN_MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
