import { MQM_SEVERITY_WEIGHTS, type MqmSeverity } from '../model/review.ts';

export const MQM_SEVERITIES: readonly MqmSeverity[] = ['neutral', 'minor', 'major', 'critical'];

/**
 * Default pass threshold. A text passes at a score of 95 or more, that is at most 5 penalty points per
 * 1,000 words: one major or five minor errors per 1,000 words (about four pages), and no critical error.
 * The scale is per 1,000 words, so on a short text one error weighs more: in 200 words one minor error
 * scores exactly 95. A project sets its own threshold in the dashboard (settings key `mqmPassThreshold:<id>`).
 */
export const DEFAULT_PASS_THRESHOLD = 95;

/** An error as scoring sees it: its category path and severity. */
export type MqmError = { readonly category: string; readonly severity: MqmSeverity };

export type MqmScore = {
  readonly evaluatedWords: number;
  readonly errors: number;
  readonly bySeverity: Readonly<Record<MqmSeverity, number>>;
  /** Absolute penalty total: Σ errors × severity multiplier. */
  readonly penalty: number;
  /** Penalty per 1,000 evaluated words; undefined when no words were evaluated. */
  readonly normalisedPenalty: number | undefined;
  /** 100 − normalised penalty (may fall below 0, as in the MQM raw scoring model); undefined without words. */
  readonly score: number | undefined;
  readonly threshold: number;
  readonly hasCritical: boolean;
  /** Score at or above the threshold and no critical error; false when nothing was evaluated. */
  readonly passed: boolean;
};

/** Rounds to one decimal the way reports print it, without binary noise (85.4, not 85.39999999). */
export const roundScore = (value: number): number => Math.round(value * 10) / 10;

/**
 * MQM Council scoring model (linear, uncalibrated): severity multipliers neutral 0, minor 1, major 5,
 * critical 25; normalised penalty = total ÷ evaluated words × 1000; score = 100 − normalised penalty.
 * Any critical error fails the text whatever its score.
 */
export function scoreMqm(
  errors: readonly MqmError[],
  evaluatedWords: number,
  threshold: number = DEFAULT_PASS_THRESHOLD,
): MqmScore {
  const bySeverity: Record<MqmSeverity, number> = { neutral: 0, minor: 0, major: 0, critical: 0 };
  let penalty = 0;
  for (const error of errors) {
    bySeverity[error.severity] += 1;
    penalty += MQM_SEVERITY_WEIGHTS[error.severity];
  }
  const words = Math.max(0, Math.floor(evaluatedWords));
  const normalisedPenalty = words === 0 ? undefined : (penalty / words) * 1000;
  const score = normalisedPenalty === undefined ? undefined : 100 - normalisedPenalty;
  const hasCritical = bySeverity.critical > 0;
  return {
    evaluatedWords: words,
    errors: errors.length,
    bySeverity,
    penalty,
    normalisedPenalty,
    score,
    threshold,
    hasCritical,
    passed: score !== undefined && !hasCritical && score >= threshold - 1e-9,
  };
}

/** Error counts per dimension and severity, dimensions in typology order, unknown categories under "other". */
export function countByDimension(
  errors: readonly MqmError[],
): { readonly dimension: string; readonly bySeverity: Readonly<Record<MqmSeverity, number>> }[] {
  const rows = new Map<string, Record<MqmSeverity, number>>();
  for (const d of [...MQM_TYPOLOGY.map((x) => x.id), OTHER_DIMENSION])
    rows.set(d, { neutral: 0, minor: 0, major: 0, critical: 0 });
  for (const error of errors) {
    const row = rows.get(dimensionOf(error.category));
    if (row) row[error.severity] += 1;
  }
  return [...rows].map(([dimension, bySeverity]) => ({ dimension, bySeverity }));
}

// Word counting: a word is a run of letters, digits and combining marks; a hyphen or apostrophe between two such
// runs keeps them one word ("кое-что", "Алма-Ата", "don't", "Қазақстан’ның"); "." or "," between digits keeps a
// number one word ("1,500.5", "02.11.2015"), and so does a no-break or thin space between digit groups ("1 500,5"
// typed with U+00A0 or U+202F, as Russian and Kazakh typography writes thousands). Punctuation, symbols and
// stray dashes are not words. The same rule serves Russian, English and Kazakh (Cyrillic and Latin).
const WORD =
  /[\p{L}\p{N}\p{M}]+(?:(?:[-‐'’][\p{L}\p{N}\p{M}]+)|(?:(?<=\p{N})[.,\u00a0\u202f](?=\p{N})[\p{N}]+))*/gu;

/** Number of words in a text (Russian, English, Kazakh alike). */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n += 1;
  return n;
}

/** One MQM category: a path ("accuracy/mistranslation") and the i18n key of its name. */
export type MqmCategoryInfo = { readonly id: string; readonly key: string };
export type MqmDimension = MqmCategoryInfo & { readonly subcategories: readonly MqmCategoryInfo[] };

export const OTHER_DIMENSION = 'other';

const dimension = (id: string, keyName: string, subs: readonly [string, string][]): MqmDimension => ({
  id,
  key: `mqm.dimension.${keyName}`,
  subcategories: subs.map(([sub, subKey]) => ({
    id: `${id}/${sub}`,
    key: `mqm.category.${keyName}.${subKey}`,
  })),
});

/**
 * The MQM error typology (MQM 2.0, themqm.org): its seven dimensions with their common subcategories. Ids
 * match the categories the QA engine gives its issues ("accuracy/untranslated", "linguistic/spelling",
 * "locale-convention"), so a promoted issue lands in the right place. Names are i18n keys.
 */
export const MQM_TYPOLOGY: readonly MqmDimension[] = [
  dimension('terminology', 'terminology', [
    ['inconsistent-with-termbase', 'inconsistentWithTermbase'],
    ['inconsistent', 'inconsistent'],
    ['wrong-term', 'wrongTerm'],
  ]),
  dimension('accuracy', 'accuracy', [
    ['mistranslation', 'mistranslation'],
    ['overly-literal', 'overlyLiteral'],
    ['false-friend', 'falseFriend'],
    ['over-translation', 'overTranslation'],
    ['under-translation', 'underTranslation'],
    ['addition', 'addition'],
    ['omission', 'omission'],
    ['do-not-translate', 'doNotTranslate'],
    ['untranslated', 'untranslated'],
    ['entity', 'entity'],
    ['number', 'number'],
  ]),
  dimension('linguistic', 'linguistic', [
    ['grammar', 'grammar'],
    ['punctuation', 'punctuation'],
    ['spelling', 'spelling'],
    ['unintelligible', 'unintelligible'],
    ['character-encoding', 'characterEncoding'],
    ['textual-conventions', 'textualConventions'],
  ]),
  dimension('style', 'style', [
    ['organizational', 'organizational'],
    ['third-party', 'thirdParty'],
    ['register', 'register'],
    ['awkward', 'awkward'],
    ['unidiomatic', 'unidiomatic'],
    ['inconsistent', 'inconsistent'],
  ]),
  dimension('locale-convention', 'localeConvention', [
    ['number-format', 'numberFormat'],
    ['currency-format', 'currencyFormat'],
    ['measurement-format', 'measurementFormat'],
    ['date-format', 'dateFormat'],
    ['time-format', 'timeFormat'],
    ['address-format', 'addressFormat'],
    ['telephone-format', 'telephoneFormat'],
    ['shortcut-key', 'shortcutKey'],
  ]),
  dimension('audience', 'audience', [
    ['culture-specific', 'cultureSpecific'],
    ['offensive', 'offensive'],
    ['inappropriate-for-context', 'inappropriateForContext'],
  ]),
  dimension('design', 'design', [
    ['layout', 'layout'],
    ['markup', 'markup'],
    ['truncation', 'truncation'],
    ['missing-text', 'missingText'],
    ['link', 'link'],
  ]),
];

/** Dimension id of a category path: "accuracy/omission" → "accuracy"; unknown ones → "other". */
export function dimensionOf(category: string): string {
  const head = category.split('/')[0] ?? '';
  return MQM_TYPOLOGY.some((d) => d.id === head) ? head : OTHER_DIMENSION;
}

const BY_ID = new Map<string, MqmCategoryInfo>(
  MQM_TYPOLOGY.flatMap((d): [string, MqmCategoryInfo][] => [
    [d.id, d],
    ...d.subcategories.map((s): [string, MqmCategoryInfo] => [s.id, s]),
  ]),
);

/** The typology entry for a category path, falling back to its dimension, or undefined when unknown. */
export function findCategory(category: string): MqmCategoryInfo | undefined {
  return BY_ID.get(category) ?? BY_ID.get(category.split('/')[0] ?? '');
}

/** i18n key naming a dimension id, including "other". */
export const dimensionKey = (id: string): string =>
  MQM_TYPOLOGY.find((d) => d.id === id)?.key ?? 'mqm.dimension.other';
