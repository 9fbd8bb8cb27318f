import type { CheckInput } from '../CheckInput.ts';
import type { TextScan } from '../util/codes.ts';
import { findDates, sameDate, type DateMention } from '../util/dates.ts';

/**
 * What one side's text holds that the number, code and date scanners ask about (see Marks), and where its digit
 * runs are, read once per text.
 */
export function scanOf(input: CheckInput, side: 'source' | 'target'): TextScan {
  return side === 'source' ? input.sourceScan : input.targetScan;
}

/** The marks of one side (see Marks). */
export function marksIn(input: CheckInput, side: 'source' | 'target'): number {
  return scanOf(input, side).marks;
}

const sourceDates = (input: CheckInput): DateMention[] => {
  const { marks, runs } = scanOf(input, 'source');
  return findDates(input.source, input.sourceLang, marks, runs);
};
const targetDates = (input: CheckInput): DateMention[] => {
  const { marks, runs } = scanOf(input, 'target');
  return findDates(input.target, input.targetLang, marks, runs);
};

/** Dates of one side, shared by the dates and numbers checks through the pair's memo. */
export function datesIn(input: CheckInput, side: 'source' | 'target'): DateMention[] {
  return side === 'source' ? input.memo('sourceDates', sourceDates) : input.memo('targetDates', targetDates);
}

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

/** A source date the target does not give, with the target date most likely meant for it, if any. */
export type DateMiss = { readonly source: DateMention; readonly wrong?: DateMention };

/** The first target date not yet used that names the same date as `d`, -1 if none. */
function sameDateIn(targets: readonly DateMention[], used: ReadonlySet<number>, d: DateMention): number {
  for (let k = 0; k < targets.length; k += 1) {
    if (!used.has(k) && sameDate(d, targets[k] as DateMention)) return k;
  }
  return -1;
}

function missedDates(input: CheckInput): DateMiss[] {
  const source = datesIn(input, 'source');
  if (source.length === 0) return [];
  const target = datesIn(input, 'target');
  const used = new Set<number>();
  const left: DateMention[] = [];
  let partial: Map<DateMention, DateMention> | undefined;
  for (const d of source) {
    const i = sameDateIn(target, used, d);
    if (i >= 0) {
      used.add(i);
      // "11.06.2000" → "June 2000": a day or year the source gives and the target drops, unless the target
      // states it elsewhere ("from 1 to 5 March 2015" keeps one year for two days).
      if (dropsPart(d, target[i]!, input.target, target)) {
        left.push(d);
        (partial ??= new Map()).set(d, target[i]!);
      }
    } else left.push(d);
  }
  // Every source date given: the common case needs no list of spare target dates.
  if (left.length === 0) return [];
  const spare = target.filter((_, k) => !used.has(k));
  return left.map((d) => {
    const wrong = partial?.get(d) ?? spare.shift();
    return wrong ? { source: d, wrong } : { source: d };
  });
}

/**
 * Source dates the target does not give, matched once per pair for the dates check (which reports them) and
 * the numbers check (which then leaves the parts of those dates to it).
 */
export function dateMisses(input: CheckInput): DateMiss[] {
  return input.memo('dateMisses', missedDates);
}
