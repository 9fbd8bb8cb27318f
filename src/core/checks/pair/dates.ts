import type { Finding, PairCheck } from '../types.ts';
import { EN_MONTH_NAMES, sameDate, type DateMention } from '../util/dates.ts';
import { datesIn } from './numbers.ts';

const NUMBER_OR_LETTER = /[\p{N}\p{L}]/u;
const NUMBER_CHAR = /\p{N}/u;

/**
 * Whether the number stands in the text on its own (not inside "info16@…"), outside the spans given (other
 * dates' own days): where `(?<![\p{N}\p{L}])0?N(?![\p{N}])` matches, found by searching for the digits rather
 * than by an expression built for each number.
 */
function mentions(text: string, n: number, outside: readonly DateMention[] = []): boolean {
  const digits = String(n);
  for (let i = text.indexOf(digits); i >= 0; i = text.indexOf(digits, i + 1)) {
    if (NUMBER_CHAR.test(text.charAt(i + digits.length))) continue;
    // A leading zero belongs to the match ("05"), and then the character before it must be neither.
    const start = text.charAt(i - 1) === '0' ? i - 1 : i;
    if (start > 0 && NUMBER_OR_LETTER.test(text.charAt(start - 1))) continue;
    if (!outside.some((d) => start >= d.start && start < d.end)) return true;
  }
  return false;
}

/**
 * A day or year the source gives and the target date drops, unless the target states it elsewhere: a year may
 * be shared ("from 1 March to 5 April 2015"), a day may not — "from November 2003 to 2 July" has lost the 2 of
 * "с 02.11.2003", however many other dates fall on a 2nd.
 */
function dropsPart(
  source: DateMention,
  target: DateMention,
  targetText: string,
  targets: readonly DateMention[],
): boolean {
  if (source.day !== undefined && target.day === undefined) {
    const withDays = targets.filter((d) => d !== target && d.day !== undefined);
    if (!mentions(targetText, source.day, withDays)) return true;
  }
  return source.year !== undefined && target.year === undefined && !mentions(targetText, source.year);
}

/**
 * Every source date must have a target date naming the same day, month and year. The form may differ:
 * "2 ноября 2015 года" = "2015 жылғы 2 қарашада" = "November 2, 2015" = "2 November 2015" = "02.11.2015".
 */
export const dateMismatch: PairCheck = {
  id: 'date-mismatch',
  family: 'dates',
  scope: 'pair',
  needsSource: true,
  severity: 'major',
  category: 'accuracy/mistranslation',
  run(input) {
    const source = datesIn(input, 'source');
    if (source.length === 0) return [];
    const target = datesIn(input, 'target');
    const used = new Set<number>();
    const out: Finding[] = [];
    const left: typeof source = [];
    const partial = new Map<DateMention, DateMention>();
    for (const d of source) {
      const i = target.findIndex((t, k) => !used.has(k) && sameDate(d, t));
      if (i >= 0) {
        used.add(i);
        // "11.06.2000" → "June 2000": a day or year the source gives and the target drops, unless the target
        // states it elsewhere ("from 1 to 5 March 2015" keeps one year for two days).
        if (dropsPart(d, target[i]!, input.target, target)) {
          left.push(d);
          partial.set(d, target[i]!);
        }
      } else left.push(d);
    }
    const spare = target.filter((_, k) => !used.has(k));
    for (const d of left) {
      const wrong = partial.get(d) ?? spare.shift();
      out.push({
        messageKey: wrong ? 'checks.dates.mismatch' : 'checks.dates.missing',
        params: {
          date: input.source.slice(d.start, d.end),
          ...(wrong ? { target: input.target.slice(wrong.start, wrong.end) } : {}),
        },
        source: [d],
        ...(wrong ? { target: [wrong] } : {}),
      });
    }
    return out;
  },
};

/**
 * English dates written the Russian way: "07.02.2019" (day first, unreadable for half the English-speaking
 * world), "November 02, 2015" (zero-padded day) and "February, 2018" (comma before a bare year).
 */
export const dateFormat: PairCheck = {
  id: 'date-format',
  family: 'dates',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'locale-convention',
  targetLangs: ['en'],
  run(input) {
    const t = input.target;
    const out: Finding[] = [];
    // The check runs on English targets only, so these are the target's dates as the pair has them.
    for (const d of datesIn(input, 'target')) {
      const text = t.slice(d.start, d.end);
      const span = { start: d.start, end: d.end };
      const month = EN_MONTH_NAMES[d.month - 1] ?? '';
      let replacement: string | undefined;
      if (d.numeric && /^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(text) && d.day !== undefined) {
        replacement = `${month} ${d.day}, ${d.year}`;
      } else if (!d.numeric && /\b0\d\b/.test(text) && d.day !== undefined) {
        replacement = text.replace(/\b0(\d)\b/, '$1');
      } else if (!d.numeric && d.day === undefined && /^\p{L}+\.?,\s+\d{4}$/u.test(text)) {
        replacement = text.replace(',', '');
      }
      if (replacement !== undefined && replacement !== text) {
        out.push({
          messageKey: 'checks.dates.format',
          params: { date: text, suggestion: replacement },
          target: [span],
          fix: { span, replacement },
        });
      }
    }
    return out;
  },
};
