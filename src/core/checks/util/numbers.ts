import type { Span } from '../types.ts';
import type { DateMention } from './dates.ts';
import { sortStable } from './sortStable.ts';

/** A number as written, with every value it can mean ("1,500" is 1500 in English, 1.5 in Russian). */
export type NumberMention = Span & { readonly text: string; readonly values: readonly string[] };

// Space-grouped thousands ("1 500", "15 000,5", with NBSP or thin space), or digits with . and , inside.
const NUMBER =
  /(?<![\p{N}\p{L}.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?(?![\p{N}]|[.,]\d)|(?<![\p{N}\p{L}])\d+(?:[.,]\d+)*/gu;
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

/** Numbers in a text outside `skip` spans; dates contribute their day and year (the month is the dates check's). */
export function findNumbers(
  text: string,
  skip: readonly Span[] = [],
  dates: readonly DateMention[] = [],
): NumberMention[] {
  const out: NumberMention[] = [];
  if (dates.length === 0 && !HAS_DIGIT.test(text)) return out;
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const end = start + m[0].length;
    if (skip.some((s) => start < s.end && s.start < end)) continue;
    if (dates.some((d) => start < d.end && d.start < end)) continue;
    const values = readings(m[0]).filter((v) => Number.isFinite(v));
    if (values.length === 0) continue;
    const after = text.slice(end, end + 14);
    const scaled = SCALE_INITIALS.includes(after.trimStart().charAt(0) || '-')
      ? SCALE.find(([re]) => re.test(after))
      : undefined;
    const all = scaled ? [...values, ...values.map((v) => v * scaled[1])] : values;
    out.push({
      start,
      end,
      text: m[0],
      values: all.length === 1 ? [canon(all[0] as number)] : [...new Set(all.map(canon))],
    });
  }
  for (const d of dates) {
    for (const v of [d.day, d.year]) {
      if (v !== undefined)
        out.push({ start: d.start, end: d.end, text: text.slice(d.start, d.end), values: [String(v)] });
    }
  }
  return sortStable(out, byStart);
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
    ['сто', 100],
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

/** Values written out as words (by prefix for inflecting languages: "двух", "екінші"). */
export function numberWordValues(text: string, lang: string): Set<string> {
  const list = WORDS[lang] ?? WORDS.en ?? [];
  const found = new Set<string>();
  const tokens = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  for (const t of tokens) {
    for (const [w, v] of list) {
      if (
        lang === 'en'
          ? t === w || t === `${w}s` || t === `${w}th`
          : t.startsWith(w) && t.length <= w.length + 5
      )
        found.add(canon(v));
    }
  }
  return found;
}

const ROMAN = /(?<![\p{L}])[IVXLC]{1,7}(?![\p{L}])/gu;
const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** Roman numerals ("XX век" = "20th century"). */
export function romanValues(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(ROMAN)) {
    let total = 0;
    const s = m[0];
    for (let i = 0; i < s.length; i += 1) {
      const v = ROMAN_VALUE[s[i] as string] ?? 0;
      const next = ROMAN_VALUE[s[i + 1] as string] ?? 0;
      total += v < next ? -v : v;
    }
    if (total > 0) out.add(String(total));
  }
  return out;
}
