import { plainNfc } from '../../glossary/tokens.ts';
import { textLength } from '../documentStats.ts';
import type { CheckInput } from '../CheckInput.ts';
import type { Finding, PairCheck, Span } from '../types.ts';
import {
  isLowerCase,
  isUpper,
  KAZAKH_LETTERS,
  scriptOf,
  touchesAny,
  type Script,
  type Word,
} from '../util/words.ts';
import { execAll } from '../../text/execAll.ts';

const ROMAN_WORD = /^C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

const whole = (text: string): Span => ({ start: 0, end: text.length });

export const emptyTarget: PairCheck = {
  id: 'empty-target',
  family: 'completeness',
  scope: 'pair',
  needsSource: true,
  severity: 'critical',
  category: 'accuracy/omission',
  // A sentence the aligned version dropped is `omission`'s: the text was never there to translate from.
  run: (input) =>
    input.targetBlank && !input.alignedOmitted
      ? [{ messageKey: 'checks.completeness.empty', source: [whole(input.source)] }]
      : [],
};

function norm(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * norm(a) === norm(b), settled by the first letters when they differ (a translation, nearly always). When
 * plainNfc vouches for each text up to the character after its first non-space one, those characters are their
 * own NFC, starters, and compose with nothing that follows, so norm's first character is the first non-space
 * character, lower-cased, whatever the rest of the text holds: only that prefix needs scanning.
 */
function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  const ta = a.trimStart();
  const tb = b.trimStart();
  const x = ta.charAt(0);
  const y = tb.charAt(0);
  if (
    x !== '' &&
    y !== '' &&
    x.toLowerCase() !== y.toLowerCase() &&
    plainNfc(a, a.length - ta.length + 2) &&
    plainNfc(b, b.length - tb.length + 2)
  )
    return false;
  return norm(a) === norm(b);
}

/** Source and target in different scripts (ru → en): a target in the source's script was not translated. */
function crossScript(input: CheckInput): boolean {
  return (
    (input.sourceLang === 'ru' || input.sourceLang === 'kk') !==
    (input.targetLang === 'ru' || input.targetLang === 'kk')
  );
}

/** Whether the target is the source left as it was (or, across scripts, mostly still in the source's script). */
export function isUntranslated(input: CheckInput): boolean {
  return input.memo('untranslated', untranslatedNow);
}

/**
 * Source words that say whether a text was translated: longer than one letter, outside addresses, e-mails and
 * placeholders, and not acronyms ("НАТО", "IT" travel as they are). Counted, with whether any is in `script`
 * and whether any is an ordinary lower-case word (names are capitalised, and shared between Russian and
 * Kazakh).
 */
function longWords(
  words: readonly Word[],
  script: Script,
  skip: readonly Span[],
): { count: number; inScript: boolean; common: boolean } {
  let count = 0;
  let inScript = false;
  let common = false;
  for (const w of words) {
    if (w.text.length <= 1 || isUpper(w.text) || touchesAny(w, skip)) continue;
    count += 1;
    if (w.script === script) inScript = true;
    if (isLowerCase(w.text)) common = true;
  }
  return { count, inScript, common };
}

function untranslatedNow(input: CheckInput): boolean {
  const sourceScriptIsCyrillic = input.sourceLang === 'ru' || input.sourceLang === 'kk';
  // A target that differs from the source and is not mostly in the source's script is translated whatever
  // words the source has, and that is most pairs: the source's words are counted only when it could matter.
  const same = sameText(input.target, input.source);
  if (!same && !(crossScript(input) && mostlyIn(input.target, sourceScriptIsCyrillic))) return false;
  const letters = longWords(
    input.sourceWords,
    sourceScriptIsCyrillic ? 'cyrillic' : 'latin',
    input.sourceProtected,
  );
  if (letters.count === 0) return false;
  if (same) {
    // Same-script languages share names and one-word headings ("Полиция", "Алматы"); two words with an
    // ordinary lower-case one ("Местная полиция") are a phrase, and four words are no longer a name.
    return crossScript(input)
      ? letters.inScript
      : letters.count >= 4 || (letters.count >= 2 && letters.common);
  }
  return !KAZAKH_LETTERS.test(input.target);
}

/**
 * With `same` and `other` the letters letterCounts finds in the source's script and in the other one: whether
 * same >= 12 && same > 3 * other. The scan stops as soon as the letters left could no longer outnumber `other`
 * three to one, which for a translated text is a quarter of the way in.
 */
function mostlyIn(text: string, cyrillic: boolean): boolean {
  let same = 0;
  let other = 0;
  for (let i = 0; i < text.length; i += 1) {
    const s = scriptOf(text.charCodeAt(i));
    if (s === 'cyrillic') {
      if (cyrillic) same += 1;
      else other += 1;
    } else if (s === 'latin') {
      if (cyrillic) other += 1;
      else same += 1;
    }
    if (3 * other >= same + (text.length - i - 1)) return false;
  }
  return same >= 12 && same > 3 * other;
}

export const untranslated: PairCheck = {
  id: 'untranslated',
  family: 'completeness',
  scope: 'pair',
  needsSource: true,
  severity: 'major',
  category: 'accuracy/untranslated',
  run: (input) =>
    isUntranslated(input)
      ? [
          {
            messageKey: 'checks.completeness.untranslated',
            target: [whole(input.target)],
            source: [whole(input.source)],
          },
        ]
      : [],
};

/**
 * Runs of Cyrillic words inside a Latin-script target. A run with a Kazakh letter is a Kazakh name kept on
 * purpose ("Жергілікті полиция қызметі"), so it is left alone, as are glossary terms and quoted glosses that
 * the source also quotes.
 */
function cyrillicRuns(input: CheckInput): Word[][] {
  const runs: Word[][] = [];
  if (!input.targetWords.some((w) => w.script === 'cyrillic')) return runs;
  let run: Word[] = [];
  let lastEnd = -1;
  for (const w of input.targetWords) {
    if (w.script !== 'cyrillic') {
      if (run.length) {
        runs.push(run);
        run = [];
      }
      continue;
    }
    const gap = lastEnd >= 0 ? input.target.slice(lastEnd, w.start) : '';
    if (run.length && !/^[\s-]*$/u.test(gap)) {
      runs.push(run);
      run = [];
    }
    run.push(w);
    lastEnd = w.end;
  }
  if (run.length) runs.push(run);
  return runs;
}

export const sourceScriptWords: PairCheck = {
  id: 'source-script-words',
  family: 'completeness',
  scope: 'pair',
  needsSource: false,
  severity: 'major',
  category: 'accuracy/untranslated',
  targetLangs: ['en'],
  run(input) {
    if (input.hasSource && isUntranslated(input)) return [];
    const out: Finding[] = [];
    for (const run of cyrillicRuns(input)) {
      if (run.some((w) => KAZAKH_LETTERS.test(w.text))) continue;
      const span = { start: (run[0] as Word).start, end: (run.at(-1) as Word).end };
      if (touchesAny(span, input.targetTerms) || touchesAny(span, input.targetProtected)) continue;
      out.push({
        messageKey: 'checks.completeness.sourceWords',
        params: { text: input.target.slice(span.start, span.end) },
        target: [span],
      });
    }
    return out;
  },
};

const NO_SPANS: readonly Span[] = [];

// The letters scriptOf calls Latin.
const LATIN_LETTER = /[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]/g;

/**
 * Whether a Latin letter stands outside `skip`: a Latin word outside it needs one, and most Cyrillic sources
 * have none, so their words need not be read at all.
 */
function latinOutside(text: string, skip: readonly Span[]): boolean {
  LATIN_LETTER.lastIndex = 0;
  for (let m = LATIN_LETTER.exec(text); m !== null; m = LATIN_LETTER.exec(text)) {
    const at = m.index;
    if (!skip.some((s) => at >= s.start && at < s.end)) return true;
  }
  return false;
}

// Latin words in a Cyrillic source are names, brands, codes ("Yandex", "IT", "COVID-19"): they travel as they are.
export const sourceLatinMissing: PairCheck = {
  id: 'source-latin-missing',
  family: 'completeness',
  scope: 'pair',
  needsSource: true,
  severity: 'minor',
  category: 'accuracy/omission',
  run(input) {
    if (input.sourceLang !== 'ru' && input.sourceLang !== 'kk') return [];
    // Most Cyrillic sources have no Latin letter at all: settled before their addresses are even looked for.
    if (!latinOutside(input.source, NO_SPANS) || !latinOutside(input.source, input.sourceProtected))
      return [];
    const out: Finding[] = [];
    // Lower-cased only once a Latin word needs looking for: most Cyrillic sources have none.
    let target: string | undefined;
    for (const w of input.sourceWords) {
      if (w.script !== 'latin' || w.text.length < 2 || touchesAny(w, input.sourceProtected)) continue;
      // A roman numeral ("XIX век") is a number: the numbers check knows "19th century" answers it.
      if (ROMAN_WORD.test(w.text.replace(/Х/g, 'X').replace(/І/g, 'I'))) continue;
      target ??= input.target.toLowerCase();
      if (!target.includes(w.text.toLowerCase())) {
        out.push({ messageKey: 'checks.completeness.latinMissing', params: { text: w.text }, source: [w] });
      }
    }
    return out;
  },
};

// Without a document to learn from: ln(target/source) centred on 0 with a wide spread.
const PRIOR = { medianLogRatio: 0, spread: 0.3 };
const MIN_SAMPLES = 8;
/** A target at most 1/1.7 or at least 1.7 times its expected length, and well outside the document's spread. */
const MIN_DEVIATION = Math.log(1.7);
const Z = 3.5;

// Letters an acronym's expansion is expected to take per acronym letter: "МВД" → "Ministry of Internal
// Affairs" is ~9 per letter in English, a little less in Kazakh.
const EXPANSION_PER_LETTER = 8;
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}])/gu;

/** Characters of the text that markup (tags, placeholders) takes: no reader sees them as length. */
function markupLength(spans: readonly { start: number; end: number }[], text: string): number {
  let n = 0;
  for (const s of spans) n += textLength(text.slice(s.start, s.end));
  return n;
}

/**
 * ln(target/source length) as a reader would weigh it: markup on either side does not count and, with
 * `expand`, each source acronym counts as long as its usual expansion, since translators spell acronyms out
 * ("МВД РК" → "the Ministry of Internal Affairs of the Republic of Kazakhstan"). Only a target that looks too
 * long gets that credit: it must never make a short target look shorter.
 */
function pairLogRatio(input: CheckInput, expand: boolean): number | undefined {
  const r = input.lengthLogRatio;
  if (r === undefined) return undefined;
  let extra = 0;
  if (expand) for (const m of execAll(ACRONYM, input.source)) extra += m[0].length * EXPANSION_PER_LETTER;
  // A tag opens with '<': a text without one has no markup to discount, and it need not be looked for.
  const sourceMarkup = input.source.includes('<') ? markupLength(input.sourceMarkup.tags, input.source) : 0;
  const targetMarkup = input.target.includes('<') ? markupLength(input.targetMarkup.tags, input.target) : 0;
  if (extra === 0 && sourceMarkup === 0 && targetMarkup === 0) return r;
  const s = textLength(input.source) - sourceMarkup + extra;
  const t = textLength(input.target) - targetMarkup;
  return s > 0 && t > 0 ? Math.log(t / s) : undefined;
}

function deviation(r: number | undefined, input: CheckInput): number {
  if (r === undefined) return 0;
  const stats = input.stats && input.stats.samples >= MIN_SAMPLES ? input.stats : PRIOR;
  const d = r - stats.medianLogRatio;
  const spread = Math.max(stats.spread, 0.1);
  if (!(Math.abs(d) >= MIN_DEVIATION && Math.abs(d) / spread >= Z)) return 0;
  // Read only for the few pairs whose length is off: a target of one letter is no measure.
  return input.target.trim().length < 2 ? 0 : d;
}

/** How far the target's length is off (negative: too short), shared by the short and the long check. */
function lengthDeviation(input: CheckInput): number {
  return input.memo('completeness:lengthDeviation', lengthDeviationNow);
}

function lengthDeviationNow(input: CheckInput): number {
  const d = deviation(pairLogRatio(input, false), input);
  return d > 0 ? deviation(pairLogRatio(input, true), input) : d;
}

function ratioParams(input: CheckInput): Record<string, number> {
  const r = Math.exp(pairLogRatio(input, false) ?? 0);
  const stats = input.stats && input.stats.samples >= MIN_SAMPLES ? input.stats : PRIOR;
  return {
    ratio: Math.round(r * 100) / 100,
    expected: Math.round(Math.exp(stats.medianLogRatio) * 100) / 100,
  };
}

export const tooShort: PairCheck = {
  id: 'length-short',
  family: 'completeness',
  scope: 'pair',
  needsSource: true,
  severity: 'major',
  category: 'accuracy/omission',
  run: (input) =>
    lengthDeviation(input) < 0
      ? [
          {
            messageKey: 'checks.completeness.short',
            params: ratioParams(input),
            target: [whole(input.target)],
          },
        ]
      : [],
};

export const tooLong: PairCheck = {
  id: 'length-long',
  family: 'completeness',
  scope: 'pair',
  needsSource: true,
  severity: 'minor',
  category: 'accuracy/addition',
  run: (input) =>
    lengthDeviation(input) > 0
      ? [
          {
            messageKey: 'checks.completeness.long',
            params: ratioParams(input),
            target: [whole(input.target)],
          },
        ]
      : [],
};
