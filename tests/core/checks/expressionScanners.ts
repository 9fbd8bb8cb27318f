import type { Span } from '../../../src/core/checks/types.ts';
import { Marks, textMarks } from '../../../src/core/checks/util/codes.ts';
import type { DateMention } from '../../../src/core/checks/util/dates.ts';
import { asciiDigits, NUMBER, valuesOf, type NumberMention } from '../../../src/core/checks/util/numbers.ts';
import { sortStable } from '../../../src/core/checks/util/sortStable.ts';
import { execAll } from '../../../src/core/text/execAll.ts';

// The expression-based scanners that the digit-run scanners of util/dates.ts, util/numbers.ts and util/codes.ts replaced, as
// they were: a global search of each expression over the whole text. The tests hold the scanners to them.

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
const NUMERIC = /(?<![\p{N}.])([0-3]?\d)([./])([01]?\d)\2([12]\d{3}|\d{2})(?![\p{N}]|\.\d)/gu;
const ISO = /(?<![\p{N}])([12]\d{3})-([01]\d)-([0-3]\d)(?![\p{N}])/gu;

const WRITTEN_NAMED: Record<string, readonly RegExp[]> = {
  ru: [
    new RegExp(`${NB}${D}\\s+${RU_M}(?:\\s+${Y})?${NA}`, 'giu'),
    new RegExp(`${NB}${RU_M}\\s+${Y}${NA}`, 'giu'),
  ],
  // Kazakh: "2015 жылғы 2 қарашада", "2015 ж. 2 қарашада", "2 қарашада", "қараша 2015", and the day after the
  // month in the genitive with its ordinal ending: "2016 жылғы қаңтардың 5-і", "қаңтардың 5-індегі".
  kk: [
    new RegExp(`${NB}${Y}\\s+(?:жыл[а-яәғқңөұүһі]*|ж\\.)\\s+(?:${D}\\s+)?${KK_M}${NA}`, 'giu'),
    new RegExp(
      `${NB}(?:${Y}\\s+(?:жыл[а-яәғқңөұүһі]*|ж\\.)\\s+)?${KK_M}\\s+${D}-[а-яәғқңөұүһі]+${NA}`,
      'giu',
    ),
    new RegExp(`${NB}${D}\\s+${KK_M}(?:\\s+${Y})?${NA}`, 'giu'),
    new RegExp(`${NB}${KK_M}\\s+${Y}${NA}`, 'giu'),
  ],
  en: [
    new RegExp(`${NB}${EN_M}\\s+${D}(?:st|nd|rd|th)?(?:,?\\s+${Y})?${NA}`, 'giu'),
    new RegExp(`${NB}${D}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${EN_M}(?:,?\\s+${Y})?${NA}`, 'giu'),
    new RegExp(`${NB}${EN_M},?\\s+${Y}${NA}`, 'giu'),
  ],
};

/**
 * A WRITTEN pattern with its named groups made plain, and where each name's group is: a match then carries no
 * object of named groups to build and read. Every group of these patterns is named, so the n-th "(?<name>" is
 * group n. The same expression otherwise, so the same matches.
 */
type Written = {
  readonly re: RegExp;
  /** Group numbers of the months January…December. */
  readonly months: readonly number[];
  readonly day: number;
  readonly year: number;
};

function plainGroups(named: RegExp): Written {
  const names: string[] = [];
  const source = named.source.replace(/\(\?<([a-zA-Z]\w*)>/g, (_, name: string) => {
    names.push(name);
    return '(';
  });
  const at = (name: string) => names.indexOf(name) + 1;
  return {
    re: new RegExp(source, named.flags),
    months: Array.from({ length: 12 }, (_, i) => at(`m${i}`)),
    day: at('d'),
    year: at('y'),
  };
}

const WRITTEN: Readonly<Record<string, readonly Written[]>> = Object.fromEntries(
  Object.entries(WRITTEN_NAMED).map(([lang, list]) => [lang, list.map(plainGroups)]),
);

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

// Cheap guards: the full month patterns only run on text where a month stem touches a number the way each
// pattern needs (a day or year after it, a day before it, a Kazakh year before "жыл"). Same flags as WRITTEN,
// and each alternative is a part every match of a WRITTEN pattern contains, so nothing is skipped that would match.
const RU_STEMS = 'январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр';
const KK_STEMS = KK_MONTHS.join('|');
const EN_STEMS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const MONTHISH: Readonly<Record<string, RegExp>> = {
  ru: new RegExp(`\\d\\s+(?:${RU_STEMS})|(?:${RU_STEMS})[а-яё]*\\s+\\d`, 'iu'),
  kk: new RegExp(`\\d\\s+ж(?:ыл|\\.)|\\d\\s+(?:${KK_STEMS})|(?:${KK_STEMS})[а-яёәғқңөұүһі]*\\s+\\d`, 'iu'),
  en: new RegExp(
    `(?:${EN_STEMS})[a-z]*\\.?,?\\s+\\d|\\d(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${EN_STEMS})`,
    'iu',
  ),
};

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
 * Where the WRITTEN patterns of a language can first match, -1 if nowhere. Every match of them holds a MONTHISH
 * match that starts at most three characters later (the last digit of a Kazakh year before "жыл"), so no match
 * starts before the first MONTHISH match less three, and the scan can begin there.
 */
function writtenFrom(text: string, lang: string): number {
  const guard = MONTHISH[lang];
  if (guard === undefined) return -1;
  const at = text.search(guard);
  return at < 0 ? -1 : Math.max(0, at - 3);
}

const NO_WRITTEN: readonly Written[] = [];

/** Every date in a text, numeric and written, with spans; overlapping matches keep the longest. */
export function referenceFindDates(text: string, lang: string, marks = textMarks(text)): DateMention[] {
  if ((marks & Marks.DIGIT) === 0) return [];
  const from = writtenFrom(text, lang);
  const written = from < 0 ? NO_WRITTEN : (WRITTEN[lang] ?? NO_WRITTEN);
  const found: DateMention[] = [];
  // exec on the expressions themselves: a list of matches would be one more allocation per text.
  NUMERIC.lastIndex = 0;
  for (
    let m = (marks & Marks.DOT_OR_SLASH) !== 0 ? NUMERIC.exec(text) : null;
    m !== null;
    m = NUMERIC.exec(text)
  ) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = fullYear(m[4] ?? '');
    const start = m.index;
    const end = start + m[0].length;
    // In English "/" dates are often month first; accept either reading where both are possible.
    const swappable = lang === 'en' && m[2] === '/' && a <= 12 && b <= 12;
    // Object literals, not spreads of a span: a spread takes V8's slow generic copy.
    if (b >= 1 && b <= 12 && a >= 1 && a <= 31)
      found.push({ start, end, day: a, month: b, year: y, swappable, numeric: true });
    else if (lang === 'en' && a >= 1 && a <= 12 && b >= 1 && b <= 31)
      found.push({ start, end, day: b, month: a, year: y, numeric: true });
  }
  NUMERIC.lastIndex = 0;
  ISO.lastIndex = 0;
  for (let m = (marks & Marks.HYPHEN) !== 0 ? ISO.exec(text) : null; m !== null; m = ISO.exec(text)) {
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      day: Number(m[3]),
      month: Number(m[2]),
      year: Number(m[1]),
      numeric: true,
    });
  }
  ISO.lastIndex = 0;
  for (const w of written) {
    const re = w.re;
    re.lastIndex = from;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const month = monthOf(m, w.months);
      const d = groupOf(m, w.day);
      const y = groupOf(m, w.year);
      const day = d === undefined ? undefined : Number(d);
      if (month === 0 || (day !== undefined && (day < 1 || day > 31))) continue;
      const date: { -readonly [K in keyof DateMention]: DateMention[K] } = {
        start: m.index,
        end: m.index + m[0].length,
        month,
        numeric: false,
      };
      if (day !== undefined) date.day = day;
      if (y !== undefined) date.year = Number(y);
      found.push(date);
    }
    re.lastIndex = 0;
  }
  if (written.length > 0) rangeStarts(text, found);
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

const DOTTED = /^\d+(?:\.\d+){2,}$/;
const overlapsAny = (spans: readonly Span[], start: number, end: number) =>
  spans.some((s) => start < s.end && s.start < end);

/** numbersOutside as a global search of NUMBER. */
export function referenceNumbersOutside(
  raw: string,
  skip: readonly Span[],
  dates: readonly DateMention[],
): NumberMention[] {
  const out: NumberMention[] = [];
  const text = asciiDigits(raw);
  for (const m of text.matchAll(NUMBER)) {
    const token = m[0];
    const start = m.index;
    const end = start + token.length;
    if (overlapsAny(skip, start, end) || overlapsAny(dates, start, end)) continue;
    const values = valuesOf(text, token, end);
    if (values === undefined) {
      if (DOTTED.test(token)) out.push({ start, end, text: token, values: [`#${token}`] });
      continue;
    }
    out.push({ start, end, text: raw.slice(start, end), values });
  }
  for (const d of dates) {
    for (const v of [d.day, d.year]) {
      if (v !== undefined)
        out.push({ start: d.start, end: d.end, text: text.slice(d.start, d.end), values: [String(v)] });
    }
  }
  return sortStable(out, (a, b) => a.start - b.start);
}

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
const GROUPED_RUN = /(?<![\p{L}\p{N}])\d+(?:[ \u00a0\u2009()-]+\d+)+/gu;
const LOOK_BACK = 24;

/** Whether space-separated groups could be a thousands grouping ("1 500", "48 300", "2 750 000"). */
function thousandsLike(text: string): boolean {
  return /^\d{1,3}(?:[ \u00a0]\d{3})+$/u.test(text);
}

/** A separator GROUPED_RUN allows between digit groups: space, no-break space, thin space, bracket, hyphen. */
/** The marks each of CODE_PATTERNS needs, in their order. */
const PATTERN_MARKS = [Marks.PLUS, Marks.BRACKET, Marks.HYPHEN, Marks.SPACE];
const ANY_CODE_MARK = Marks.PLUS | Marks.BRACKET | Marks.HYPHEN | Marks.SPACE | Marks.GROUPED;

/** Adds [start, end) to `found` unless it overlaps `skip`. */
function add(found: Span[], skip: readonly Span[], start: number, end: number): void {
  for (const s of skip) if (start < s.end && s.start < end) return;
  found.push({ start, end });
}

/** Spans of codes in a text, leaving out any that overlap `skip` (its dates). Sorted, not overlapping. */
export function referenceCodeSpans(
  text: string,
  skip: readonly Span[] = [],
  marks = textMarks(text),
): Span[] {
  if ((marks & Marks.NEAR) === 0) return [];
  const found: Span[] = [];
  // Most texts carry no mark at all: they leave here without a list of matches to sort and merge.
  if ((marks & ANY_CODE_MARK) === 0) return found;
  // Each pattern needs its own mark: "+" before a digit, a bracket before two digits, a hyphen between digits,
  // a space between digits.
  for (let i = 0; i < CODE_PATTERNS.length; i += 1) {
    if ((marks & (PATTERN_MARKS[i] as number)) === 0) continue;
    for (const m of execAll(CODE_PATTERNS[i] as RegExp, text)) {
      if (i === 3 && thousandsLike(m[0])) continue;
      add(found, skip, m.index, m.index + m[0].length);
    }
  }
  const grouped = (marks & Marks.GROUPED) !== 0;
  for (const m of grouped ? execAll(GROUPED_RUN, text) : []) {
    if (LABEL_BEFORE.test(text.slice(Math.max(0, m.index - LOOK_BACK), m.index))) {
      add(found, skip, m.index, m.index + m[0].replace(/[ \u00a0\u2009()-]+$/u, '').length);
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
