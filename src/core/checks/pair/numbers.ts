import type { CheckInput } from '../CheckInput.ts';
import type { Finding, PairCheck, Span } from '../types.ts';
import { datesIn, dateMisses, marksIn, scanOf } from './dateMatching.ts';
import { numbersOutside, romanNumerals, spelledValues, type NumberMention } from '../util/numbers.ts';
import { sortStable } from '../util/sortStable.ts';
import { codeSpans, codeValues, Marks, type DigitRuns, type TextScan } from '../util/codes.ts';

/** Spans to skip from two lists (only overlap is asked of them, so order does not matter), copied only if both have some. */
function both(a: readonly Span[], b: readonly Span[]): readonly Span[] {
  return b.length === 0 ? a : a.length === 0 ? b : [...a, ...b];
}

/** Numbers of one side; number words and roman numerals are only read when a number is left unmatched. */
class Side {
  #spelled: Set<string> | undefined;

  constructor(
    readonly numbers: NumberMention[],
    /** Telephone, postcode and document numbers, also in `numbers` as one token each. */
    readonly codes: readonly Span[],
    private readonly text: string,
    private readonly lang: string,
  ) {}

  /** Values the side writes as words or roman numerals, read on first use. */
  spelled(): Set<string> {
    return (this.#spelled ??= spelledValues(this.text, this.lang));
  }
}

/** Numbers of one text. Module level: a function declared inside the memo would be a new closure per pair. */
function side(
  text: string,
  lang: string,
  dates: readonly Span[],
  skip: readonly Span[],
  { marks, runs }: TextScan,
): Side {
  // Dates are the dates check's: a wrong day is reported once, as a wrong date.
  // A telephone or document number is one token compared digit for digit, not a row of quantities.
  const codes = codeMentions(text, both(skip, dates), marks, runs);
  const found =
    codes.length === 0
      ? numbersOutside(text, skip, dates, [], marks, runs)
      : numbersOutside(text, [...skip, ...dates, ...codes], [], [], marks, runs);
  // "XIX век" is as much a number as "19th century"; roman numerals are rare, so usually nothing is added.
  const roman = romanNumerals(text, skip, marks);
  const numbers =
    codes.length === 0 && roman.length === 0
      ? found
      : sortStable([...found, ...codes, ...roman], (a, b) => a.start - b.start);
  return new Side(numbers, codes, text, lang);
}

function codeMentions(text: string, skip: readonly Span[], marks: number, runs: DigitRuns): NumberMention[] {
  const spans = codeSpans(text, skip, marks, runs);
  if (spans.length === 0) return spans as NumberMention[];
  // Object literals, not spreads of a span: a spread takes V8's slow generic copy.
  return spans.map((c): NumberMention => {
    const written = text.slice(c.start, c.end);
    return { start: c.start, end: c.end, text: written, values: codeValues(written) };
  });
}

function bothSides(input: CheckInput): { source: Side; target: Side } {
  return {
    source: side(
      input.source,
      input.sourceLang,
      datesIn(input, 'source'),
      input.sourceProtected,
      scanOf(input, 'source'),
    ),
    target: side(
      input.target,
      input.targetLang,
      datesIn(input, 'target'),
      input.targetProtected,
      scanOf(input, 'target'),
    ),
  };
}

function sides(input: CheckInput): { source: Side; target: Side } {
  return input.memo('numbers', bothSides);
}

/** Whether two value lists share a value. */
function shareValue(a: readonly string[], b: readonly string[]): boolean {
  for (const v of a) if (b.includes(v)) return true;
  return false;
}

/**
 * Pairs numbers by value, each target number used once: "1 500" (ru) = "1,500" (en), "1 500,5" = "1,500.5",
 * "30%" = "30 %". A source number written out as a word in the target ("2" → "two") is not missing.
 */
function unmatched(from: Side, to: Side): NumberMention[] {
  let used: Set<number> | undefined;
  const out: NumberMention[] = [];
  const candidates = to.numbers;
  for (const n of from.numbers) {
    let i = -1;
    for (let k = 0; k < candidates.length; k += 1) {
      if (used?.has(k) !== true && shareValue((candidates[k] as NumberMention).values, n.values)) {
        i = k;
        break;
      }
    }
    if (i >= 0) (used ??= new Set()).add(i);
    else if (!n.values.some((v) => to.spelled().has(v))) out.push(n);
  }
  return out;
}

// Both directions are asked by both checks: matched once per pair.
const missingOf = (input: CheckInput): NumberMention[] => {
  const { source, target } = sides(input);
  return unmatched(source, target);
};
const extraOf = (input: CheckInput): NumberMention[] => {
  const { source, target } = sides(input);
  return unmatched(target, source);
};
const missingNumbers = (input: CheckInput) => input.memo('numbers:missing', missingOf);
const extraNumbers = (input: CheckInput) => input.memo('numbers:extra', extraOf);

export const numberMissing: PairCheck = {
  id: 'number-missing',
  family: 'numbers',
  scope: 'pair',
  needsSource: true,
  severity: 'major',
  category: 'accuracy/mistranslation',
  run(input) {
    const { source } = sides(input);
    if (source.numbers.length === 0) return [];
    const missing = missingNumbers(input);
    if (missing.length === 0) return [];
    const extra = extraNumbers(input);
    // A target number left over is most likely the wrong rendering of this one: highlight it too.
    const wrong = extra.length === 1 ? extra.find((e) => /\d/.test(e.text)) : undefined;
    return missing.map((n): Finding => ({
      messageKey: 'checks.numbers.missing',
      params: { number: n.text },
      source: [n],
      ...(wrong ? { target: [wrong] } : {}),
    }));
  },
};

/**
 * Days and years of the source dates the target does not give: "5 июня 2015" → "2015 жылы" is one dropped
 * month, reported by the dates check, not also a year the target adds.
 */
function missedDateParts(input: CheckInput): string[] {
  const parts: string[] = [];
  for (const { source } of dateMisses(input)) {
    if (source.day !== undefined) parts.push(String(source.day));
    if (source.year !== undefined) parts.push(String(source.year));
  }
  return parts;
}

export const numberExtra: PairCheck = {
  id: 'number-extra',
  family: 'numbers',
  scope: 'pair',
  needsSource: true,
  severity: 'minor',
  category: 'accuracy/addition',
  run(input) {
    const { target } = sides(input);
    if (target.numbers.length === 0) return [];
    const missing = missingNumbers(input);
    // One missing and one extra is one wrong number, reported once by number-missing.
    if (missing.length > 0) return [];
    const extra = extraNumbers(input);
    if (extra.length === 0) return [];
    const parts = missedDateParts(input);
    return extra
      .filter((n) => {
        const i = parts.findIndex((p) => n.values.includes(p));
        if (i >= 0) parts.splice(i, 1);
        return i < 0;
      })
      .map((n) => ({
        messageKey: 'checks.numbers.extra',
        params: { number: n.text },
        target: [n],
      }));
  },
};

// Russian/Kazakh-style numbers in English ("1 500", "2,5 million") and English-style in Russian/Kazakh ("1,500.5").
// Sticky: each begins at a digit run (its look-behind refuses a digit before) and is tried only at the runs
// whose length and next character it can begin with (see runMatches).
const SPACE_GROUPED = /(?<![\p{N}.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\p{N}]|[.,]\d)/uy;
const DECIMAL_COMMA =
  /(?<![\p{N}.,])\d+,\d{1,2}(?![\p{N}]|[.,]\d)(?=\s*(?:%|million|billion|thousand|percent|times|km|kg|m\b|tenge|rubles|dollars))/uy;
const EN_GROUPED = /(?<![\p{N}.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\p{N}]|[.,]\d)/uy;

/** Whether a run of `length` digits followed by `next` can begin each expression's match. */
const groupSpaced = (length: number, next: number) =>
  length <= 3 && (next === 32 || next === 0xa0 || next === 0x202f);
const commaAfter = (_length: number, next: number) => next === 0x2c;
const commaGrouped = (length: number, next: number) => length <= 3 && next === 0x2c;

type RunPattern = readonly [RegExp, (length: number, next: number) => boolean];

/** What number-format looks for in an English target, and in a Russian or Kazakh one, in this order. */
export const FORMAT_PATTERNS: { readonly en: readonly RunPattern[]; readonly other: readonly RunPattern[] } =
  {
    en: [
      [SPACE_GROUPED, groupSpaced],
      [DECIMAL_COMMA, commaAfter],
    ],
    other: [[EN_GROUPED, commaGrouped]],
  };

/**
 * The matches of a sticky expression that begins at a digit run, as a global search finds them (in order, each
 * from the end of the last), tried only at the runs `may` allows.
 */
export function runMatches([re, may]: RunPattern, text: string, runs: DigitRuns): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let pos = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r] as number;
    const end = runs[r + 1] as number;
    if (start < pos || !may(end - start, text.charCodeAt(end))) continue;
    re.lastIndex = start;
    const m = re.exec(text);
    if (m === null) continue;
    out.push(m);
    pos = start + m[0].length;
  }
  re.lastIndex = 0;
  return out;
}

function enForm(raw: string): string {
  const [int = '', frac] = raw.replace(/[ \u00a0\u202f]/gu, '').split(',');
  const grouped = int.length > 4 || /[ \u00a0\u202f]/u.test(raw) ? int.replace(/\B(?=(\d{3})+$)/g, ',') : int;
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function ruForm(raw: string): string {
  const [int = '', frac] = raw.split('.');
  const grouped = int.replace(/,/g, '\u00a0');
  return frac === undefined ? grouped : `${grouped},${frac}`;
}

export const numberFormat: PairCheck = {
  id: 'number-format',
  family: 'numbers',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'locale-convention',
  targetLangs: ['en', 'ru', 'kk'],
  run(input) {
    const t = input.target;
    // A number to regroup has a separator between two digits.
    if ((marksIn(input, 'target') & Marks.SEPARATED) === 0) return [];
    const out: Finding[] = [];
    const dates = datesIn(input, 'target');
    // Telephone, postcode and document numbers are copied as they are written, not localised.
    const { codes } = sides(input).target;
    const skip =
      codes.length === 0
        ? both(input.targetProtected, dates)
        : [...input.targetProtected, ...dates, ...codes];
    const { runs } = scanOf(input, 'target');
    for (const pattern of input.targetLang === 'en' ? FORMAT_PATTERNS.en : FORMAT_PATTERNS.other) {
      for (const m of runMatches(pattern, t, runs)) {
        const span = { start: m.index, end: m.index + m[0].length };
        if (skip.some((s) => span.start < s.end && s.start < span.end)) continue;
        // "1,500" alone may be a Russian decimal or an English thousand: only a full "1,500.5" is sure.
        if (input.targetLang !== 'en' && !m[0].includes('.') && m[0].split(',').length < 3) continue;
        const replacement = input.targetLang === 'en' ? enForm(m[0]) : ruForm(m[0]);
        out.push({
          messageKey: 'checks.numbers.format',
          params: { number: m[0], suggestion: replacement },
          target: [span],
          fix: { span, replacement },
        });
      }
    }
    return out;
  },
};
