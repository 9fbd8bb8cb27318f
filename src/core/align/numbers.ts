/**
 * Language-neutral keys for the numbers, dates and times of a sentence, so that "2 ноября 2015 года",
 * "2015 жылғы 2 қарашада", "November 2, 2015" and "02.11.2015" all give `d:2015-11-02`, and "1 500,5" (ru) and
 * "1,500.5" (en) both give `n:1500.5`.
 *
 * Keys: `d:YYYY-MM-DD` full date, `md:MM-DD` day and month, `ym:YYYY-MM` month and year, `t:H:MM` clock time,
 * `n:VALUE` any other number (canonical decimal, no sign, scale words applied: "5 млн" = "5 million" = `n:5000000`).
 * The year of a date is also given as `n:YYYY`, so that "в 2015 году" still meets "on 2 November 2015".
 */

/** Month names and their inflected forms, by language, as whole-word patterns; 1-based month = index + 1. */
const MONTH_PATTERNS: readonly RegExp[] = [
  /^(?:january|jan|январ[ьяюе]|январ|қаңтар\p{L}*|januar|jänner|janvier|janv|enero|gennaio|січ\p{L}*)$/u,
  /^(?:february|feb|феврал[ьяюе]|февр?|ақпан\p{L}*|februar|février|févr|febrero|febbraio|лют\p{L}*)$/u,
  /^(?:march|mar|март[аеу]?|наурыз\p{L}*|märz|mars|marzo|берез\p{L}*)$/u,
  /^(?:april|apr|апрел[ьяюе]|апр|сәуір\p{L}*|avril|abril|aprile|квіт\p{L}*)$/u,
  /^(?:may|ма[йяюе]|мамыр\p{L}*|mai|mayo|maggio|трав\p{L}*)$/u,
  /^(?:june|jun|июн[ьяюе]|маусым\p{L}*|juni|juin|junio|giugno|черв\p{L}*)$/u,
  /^(?:july|jul|июл[ьяюе]|шілде\p{L}*|juli|juillet|julio|luglio|лип\p{L}*)$/u,
  /^(?:august|aug|август[аеу]?|авг|тамыз\p{L}*|août|agosto|серп\p{L}*)$/u,
  /^(?:september|sept?|сентябр[ьяюе]|сент|қыркүйек\p{L}*|septembre|septiembre|settembre|верес\p{L}*)$/u,
  /^(?:october|oct|октябр[ьяюе]|окт|қазан(?:да|нан|ның|ға|ды)?|oktober|octobre|octubre|ottobre|жовт\p{L}*)$/u,
  /^(?:november|nov|ноябр[ьяюе]|нояб|қараша\p{L}*|novembre|noviembre|листопад\p{L}*)$/u,
  /^(?:december|dec|декабр[ьяюе]|дек|желтоқсан\p{L}*|dezember|décembre|diciembre|dicembre|груд\p{L}*)$/u,
];

/** 1..12 for a month name or abbreviation in any supported language, else 0. */
export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (let m = 0; m < MONTH_PATTERNS.length; m += 1) if (MONTH_PATTERNS[m]!.test(w)) return m + 1;
  return 0;
}

/** Languages that write 1 500,5 / 1.500,5 (decimal comma); the rest write 1,500.5. */
const DECIMAL_POINT_LANGS = new Set(['en', 'zh', 'ja', 'ko', 'he', 'th', 'hi', 'ms']);

export function usesDecimalComma(lang: string): boolean {
  return !DECIMAL_POINT_LANGS.has(lang.toLowerCase().split(/[-_]/)[0] ?? '');
}

const SCALE_WORDS: readonly [RegExp, number][] = [
  [/^(?:тыс|тысяч\p{L}*|thousand|thousands|мың|tausend|mille)$/u, 1e3],
  [/^(?:млн|million|millions|миллион\p{L}*|mio|millionen)$/u, 1e6],
  [/^(?:млрд|billion|billions|миллиард\p{L}*|mrd|milliarde\p{L}*|milliard\p{L}*)$/u, 1e9],
  [/^(?:трлн|trillion|trillions|триллион\p{L}*)$/u, 1e12],
];

function scaleOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const [pattern, scale] of SCALE_WORDS) if (pattern.test(w)) return scale;
  return 0;
}

/** Canonical decimal: no leading zeros, no trailing fractional zeros, "." as the point. */
export function canonicalNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const fixed = Number.isInteger(value)
    ? value.toFixed(0)
    : value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  return fixed;
}

/**
 * Parses one written number by the conventions of `lang`: "1 500,5" (ru, kk, de, fr), "1,500.5" (en), "1.500" (de =
 * 1500, en = 1.5), "1'500" (Swiss). Group separators are spaces (also no-break and thin), apostrophes and, by convention,
 * "." or ",". Returns NaN when the text is not a number.
 */
export function parseNumber(text: string, lang: string): number {
  const t = text.replace(/[\u00a0\u202f\u2009 '’]/g, ' ').trim();
  if (!/^\d[\d ,.]*$/.test(t) || /[ ,.]$/.test(t)) return Number.NaN;
  const comma = usesDecimalComma(lang);
  let s = t;
  if (s.includes(' ')) {
    // Spaces only ever group thousands; what follows the last group is the fraction.
    if (!/^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/.test(s)) return Number.NaN;
    s = s.replace(/ /g, '').replace(',', '.');
    return Number(s);
  }
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  if (dots > 0 && commas > 0) {
    // Both present: the last one is the decimal mark.
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    s = s.split(group).join('').replace(decimal, '.');
    return Number(s);
  }
  const mark = dots > 0 ? '.' : commas > 0 ? ',' : '';
  if (!mark) return Number(s);
  const count = dots + commas;
  const groupsOfThree = new RegExp(`^\\d{1,3}(?:\\${mark}\\d{3})+$`).test(s);
  if (count > 1) return groupsOfThree ? Number(s.split(mark).join('')) : Number.NaN;
  // One mark: a group separator when it stands before exactly three digits and the language groups with it.
  const isGroup = groupsOfThree && ((mark === ',' && !comma) || (mark === '.' && comma));
  return Number(isGroup ? s.replace(mark, '') : s.replace(mark, '.'));
}

const DAY = String.raw`(\d{1,2})(?:-?(?:го|е|ое|ого|ші|шы|інші|ыншы|st|nd|rd|th|er|ème|e)(?!\p{L})|\.)?`;
const YEAR = String.raw`(\d{4})`;
const WORD = String.raw`([\p{L}]+\.?)`;
const YEAR_WORDS = String.raw`(?:\s*(?:года|году|год|г\.|гг\.|жылғы|жылы|жылдың|жыл|ж\.|jahres|year))?`;

type Match = { readonly start: number; readonly end: number; readonly keys: readonly string[] };

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validDay(d: number): boolean {
  return d >= 1 && d <= 31;
}

function validYear(y: number): boolean {
  return y >= 1000 && y <= 2999;
}

function dateKeys(year: number, month: number, day: number): string[] {
  return [`d:${year}-${pad2(month)}-${pad2(day)}`, `n:${year}`];
}

/** Every pattern with a function that turns its groups into keys, or null when they are not a valid date. */
const MONTH_NEAR_NUMBER =
  /\d\s*(?:жылғы|жылы|жылдың|ж\.)\s+(?:\d{1,2}\s+)?(\p{L}{3,})|(\p{L}{3,})\.?,?\s+\d|\d(?:-?\p{L}{1,4})?\.?\s+(?:of\s+)?(\p{L}{3,})/gu;

/** Whether a month name stands next to a number somewhere in the text (the month-name rules are skipped otherwise). */
function mentionsMonth(text: string): boolean {
  for (const m of text.matchAll(MONTH_NEAR_NUMBER)) {
    if (monthNumber(m[1] ?? m[2] ?? m[3] ?? '')) return true;
  }
  return false;
}

/** Date rules in order of precedence: pattern, keys from its groups (null: not a date), whether it needs a month name. */
const DATE_RULES: readonly [RegExp, (g: readonly string[], lang: string) => string[] | null, boolean][] = [
  // ISO 2015-11-02
  [
    /(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?![\d])/gu,
    (g) => {
      const y = Number(g[1]);
      const m = Number(g[2]);
      const d = Number(g[3]);
      return validYear(y) && m >= 1 && m <= 12 && validDay(d) ? dateKeys(y, m, d) : null;
    },
    false,
  ],
  // 02.11.2015, 2.11.2015, 02/11/2015 (day first everywhere except en with "/", which is month first)
  [
    /(?<![\d.,])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d])/gu,
    (g, lang) => {
      const a = Number(g[1]);
      const b = Number(g[3]);
      const y = Number(g[4]);
      // 11/02/2015 is month first in English unless the first part cannot be a month.
      const monthFirst = g[2] === '/' && ((!usesDecimalComma(lang) && a <= 12) || b > 12);
      const d = monthFirst ? b : a;
      const m = monthFirst ? a : b;
      return validYear(y) && m >= 1 && m <= 12 && validDay(d) ? dateKeys(y, m, d) : null;
    },
    false,
  ],
  // 2015 жылғы 2 қарашада, 2015 ж. 2 қараша
  [
    new RegExp(String.raw`(?<!\d)${YEAR}\s*(?:жылғы|жылы|ж\.)\s+${DAY}\s+${WORD}`, 'gu'),
    (g) => {
      const y = Number(g[1]);
      const d = Number(g[2]);
      const m = monthNumber(g[3] ?? '');
      return m && validYear(y) && validDay(d) ? dateKeys(y, m, d) : null;
    },
    true,
  ],
  // 2 ноября 2015 года, 2 November 2015, 9. September 1988, le 2 novembre 2015, 2-го ноября 2015
  [
    new RegExp(String.raw`(?<![\d.,])${DAY}\s*(?:of\s+)?${WORD}\s+${YEAR}(?!\d)${YEAR_WORDS}`, 'gu'),
    (g) => {
      const d = Number(g[1]);
      const m = monthNumber(g[2] ?? '');
      const y = Number(g[3]);
      return m && validYear(y) && validDay(d) ? dateKeys(y, m, d) : null;
    },
    true,
  ],
  // November 2, 2015 / November 2nd 2015
  [
    new RegExp(String.raw`${WORD}\s+${DAY},?\s+${YEAR}(?!\d)`, 'gu'),
    (g) => {
      const m = monthNumber(g[1] ?? '');
      const d = Number(g[2]);
      const y = Number(g[3]);
      return m && validYear(y) && validDay(d) ? dateKeys(y, m, d) : null;
    },
    true,
  ],
  // 2 ноября, 2 November, 2 қарашада (no year)
  [
    new RegExp(String.raw`(?<![\d.,])${DAY}\s*(?:of\s+)?${WORD}`, 'gu'),
    (g) => {
      const d = Number(g[1]);
      const m = monthNumber(g[2] ?? '');
      return m && validDay(d) ? [`md:${pad2(m)}-${pad2(d)}`] : null;
    },
    true,
  ],
  // November 2 (no year)
  [
    new RegExp(String.raw`${WORD}\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d.,:])`, 'gu'),
    (g) => {
      const m = monthNumber(g[1] ?? '');
      const d = Number(g[2]);
      return m && validDay(d) ? [`md:${pad2(m)}-${pad2(d)}`] : null;
    },
    true,
  ],
  // ноябрь 2015 года, November 2015, в ноябре 2015 г.
  [
    new RegExp(String.raw`${WORD}\s+${YEAR}(?!\d)${YEAR_WORDS}`, 'gu'),
    (g) => {
      const m = monthNumber(g[1] ?? '');
      const y = Number(g[2]);
      return m && validYear(y) ? [`ym:${y}-${pad2(m)}`, `n:${y}`] : null;
    },
    true,
  ],
  // 2015 жылғы қарашада, 2015 жылдың қарашасында
  [
    new RegExp(String.raw`(?<!\d)${YEAR}\s*(?:жылғы|жылы|жылдың|ж\.)\s+${WORD}`, 'gu'),
    (g) => {
      const y = Number(g[1]);
      const m = monthNumber(g[2] ?? '');
      return m && validYear(y) ? [`ym:${y}-${pad2(m)}`, `n:${y}`] : null;
    },
    true,
  ],
  // 10:30, 9.30 Uhr is left to the number rule
  [
    /(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])/gu,
    (g) => {
      const h = Number(g[1]);
      const m = Number(g[2]);
      return h <= 24 && m < 60 ? [`t:${h}:${pad2(m)}`] : null;
    },
    false,
  ],
];

const NUMBER =
  /(?<![\p{L}\d.,])\d{1,3}(?:[ \u00a0\u202f\u2009'’]\d{3})+(?:[.,]\d+)?(?![\d])|(?<![\p{L}\d])\d+(?:[.,]\d+)*/gu;
const AFTER_NUMBER = /^\s*(\p{L}+\.?)/u;

/**
 * Number, date and time keys of a text, in order of appearance. `lang` decides how "1.500" and "1,500" are read.
 * `mayHaveMonth` false skips the month-name rules (the caller already knows that no month is named).
 */
export function numberKeys(text: string, lang: string, mayHaveMonth?: boolean): string[] {
  const found: Match[] = [];
  const withMonths = mayHaveMonth ?? mentionsMonth(text);
  const taken = new Uint8Array(text.length);
  const isFree = (start: number, end: number): boolean => {
    for (let i = start; i < end; i += 1) if (taken[i]) return false;
    return true;
  };
  for (const [pattern, toKeys, needsMonth] of DATE_RULES) {
    if (needsMonth && !withMonths) continue;
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!isFree(start, end)) continue;
      const keys = toKeys(match as unknown as string[], lang);
      if (!keys) continue;
      taken.fill(1, start, end);
      found.push({ start, end, keys });
    }
  }
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    let raw = match[0];
    let end = start + raw.length;
    if (!isFree(start, end)) continue;
    // A trailing "." or "," belongs to the sentence, not the number ("in 2015.").
    raw = raw.replace(/[.,]+$/, '');
    end = start + raw.length;
    let value = parseNumber(raw, lang);
    if (Number.isNaN(value)) {
      // "1.2.3" section numbers and the like: each part on its own.
      const parts = raw.split(/[.,]/).filter((p) => p !== '');
      found.push({ start, end, keys: parts.map((p) => `n:${canonicalNumber(Number(p))}`) });
      continue;
    }
    const next = AFTER_NUMBER.exec(text.slice(end, end + 24));
    if (next) {
      const scale = scaleOf(next[1] ?? '');
      // 12 significant digits: 512,3 × 10⁹ is 512300000000, not 512299999999.99994.
      if (scale) value = Number((value * scale).toPrecision(12));
    }
    found.push({ start, end, keys: [`n:${canonicalNumber(value)}`] });
  }
  found.sort((a, b) => a.start - b.start);
  return found.flatMap((f) => f.keys);
}
