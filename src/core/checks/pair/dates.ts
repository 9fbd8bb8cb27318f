import type { Finding, PairCheck } from '../types.ts';
import { EN_MONTH_NAMES } from '../util/dates.ts';
import { dateMisses, datesIn, type DateMiss } from './dateMatching.ts';

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
    const misses = dateMisses(input);
    if (misses.length === 0) return [];
    // A range whose month is wrong ("с 3 по 12 мая" → "3 маусымнан 12 маусымға") is one mistake, not one a day.
    const ends = new Map<number, DateMiss>();
    for (const m of misses) ends.set(m.source.start, m);
    const firstDays = new Map<DateMiss, DateMiss>();
    for (const m of misses) {
      const end = m.source.rangeEnd === undefined ? undefined : ends.get(m.source.rangeEnd);
      if (end) firstDays.set(end, m);
    }
    const folded = new Set(firstDays.values());
    return misses
      .filter((m) => !folded.has(m))
      .map((m): Finding => {
        const first = firstDays.get(m);
        const sources = first ? [first.source, m.source] : [m.source];
        const wrongs = [first?.wrong, m.wrong].filter((w) => w !== undefined);
        const date = input.source.slice(sources[0]!.start, m.source.end);
        if (wrongs.length === 0)
          return { messageKey: 'checks.dates.missing', params: { date }, source: sources };
        const from = Math.min(...wrongs.map((w) => w.start));
        const to = Math.max(...wrongs.map((w) => w.end));
        return {
          messageKey: 'checks.dates.mismatch',
          params: { date, target: input.target.slice(from, to) },
          source: sources,
          target: wrongs,
        };
      });
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
      let replacement: string | undefined;
      if (d.numeric && /^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(text) && d.day !== undefined) {
        replacement = `${EN_MONTH_NAMES[d.month - 1] ?? ''} ${d.day}, ${d.year}`;
      } else if (!d.numeric && /\b0\d\b/.test(text) && d.day !== undefined) {
        replacement = text.replace(/\b0(\d)\b/, '$1');
      } else if (!d.numeric && d.day === undefined && /^\p{L}+\.?,\s+\d{4}$/u.test(text)) {
        replacement = text.replace(',', '');
      }
      if (replacement !== undefined && replacement !== text) {
        // The span only for a date that needs a fix: most are written the English way already.
        const span = { start: d.start, end: d.end };
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
