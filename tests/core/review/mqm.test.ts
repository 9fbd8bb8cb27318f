import { describe, expect, it } from 'vitest';
import {
  countByDimension,
  countWords,
  DEFAULT_PASS_THRESHOLD,
  dimensionOf,
  findCategory,
  MQM_TYPOLOGY,
  roundScore,
  scoreMqm,
  type MqmError,
} from '../../../src/core/review/mqm.ts';
import type { MqmSeverity } from '../../../src/core/model/review.ts';
import en from '../../../locales/en/translation.json';
import ru from '../../../locales/ru/translation.json';
import kk from '../../../locales/kk/translation.json';

const errors = (
  counts: Partial<Record<MqmSeverity, number>>,
  category = 'accuracy/mistranslation',
): MqmError[] =>
  Object.entries(counts).flatMap(([severity, n]) =>
    Array.from({ length: n }, () => ({ category, severity: severity as MqmSeverity })),
  );

describe('scoreMqm', () => {
  it('reproduces the MQM Council worked example: 2 critical, 3 major, 8 minor in 5,000 words score 85.4', () => {
    const score = scoreMqm(errors({ critical: 2, major: 3, minor: 8 }), 5000);
    expect(score.penalty).toBe(73);
    expect(score.normalisedPenalty).toBeCloseTo(14.6, 10);
    expect(roundScore(score.score!)).toBe(85.4);
    expect(score.hasCritical).toBe(true);
    expect(score.passed).toBe(false);
  });

  it.each([
    // errors, words, threshold, penalty, score, passed
    [{}, 1000, 95, 0, 100, true],
    [{ neutral: 7 }, 1000, 95, 0, 100, true],
    [{ minor: 1 }, 1000, 95, 1, 99, true],
    [{ major: 1 }, 1000, 95, 5, 95, true],
    [{ minor: 5 }, 1000, 95, 5, 95, true],
    [{ major: 1, minor: 1 }, 1000, 95, 6, 94, false],
    [{ minor: 3 }, 10_000, 95, 3, 99.7, true],
    [{ major: 1 }, 100, 95, 5, 50, false],
    [{ major: 1 }, 100, 40, 5, 50, true],
    [{ critical: 1 }, 100_000, 95, 25, 99.75, false],
    [{ minor: 3 }, 2, 95, 3, -1400, false],
  ] as const)(
    '%o in %i words against %i: penalty %i, score %d, passed %s',
    (counts, words, threshold, penalty, score, passed) => {
      const result = scoreMqm(errors(counts), words, threshold);
      expect(result.penalty).toBe(penalty);
      expect(result.score).toBeCloseTo(score, 10);
      expect(result.passed).toBe(passed);
    },
  );

  it('has no score when nothing was evaluated, and does not pass', () => {
    const result = scoreMqm(errors({ minor: 1 }), 0);
    expect(result.score).toBeUndefined();
    expect(result.normalisedPenalty).toBeUndefined();
    expect(result.passed).toBe(false);
  });

  it('counts errors by severity and uses 95 as the default threshold', () => {
    const result = scoreMqm(errors({ neutral: 1, minor: 2, major: 3 }), 1000);
    expect(result.bySeverity).toEqual({ neutral: 1, minor: 2, major: 3, critical: 0 });
    expect(result.errors).toBe(6);
    expect(result.threshold).toBe(DEFAULT_PASS_THRESHOLD);
    expect(DEFAULT_PASS_THRESHOLD).toBe(95);
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['Municipal police in the Republic of Kazakhstan', 7],
    ['Муниципальная полиция в Республике Казахстан', 5],
    ['Қазақстан Республикасындағы муниципалдық полиция', 4],
    ['Qazaqstan Respublikasyndağy munisipaldyq polisia', 4],
    ['кое-что, Алма-Ата — и т.д.', 5],
    ["It's the akimat's decision.", 4],
    ['1,500.5 tenge; 02.11.2015', 3],
    ['1\u00a0500,5 теңге', 2],
    ['2015 жылғы 2 қарашада', 4],
    ['« — » … !!', 0],
    ['Ішкі істер министрлігі (ІІМ)', 4],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe('MQM typology', () => {
  const lookup = (tree: unknown, key: string): unknown =>
    key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

  it('has the seven MQM dimensions in order', () => {
    expect(MQM_TYPOLOGY.map((d) => d.id)).toEqual([
      'terminology',
      'accuracy',
      'linguistic',
      'style',
      'locale-convention',
      'audience',
      'design',
    ]);
  });

  it('names every dimension and subcategory in all three UI languages', () => {
    const keys = [
      'mqm.dimension.other',
      ...MQM_TYPOLOGY.flatMap((d) => [d.key, ...d.subcategories.map((s) => s.key)]),
    ];
    for (const locale of [en, ru, kk])
      expect(keys.filter((key) => typeof lookup(locale, key) !== 'string')).toEqual([]);
  });

  it('places every category the QA engine uses', () => {
    for (const category of [
      'accuracy/mistranslation',
      'accuracy/omission',
      'accuracy/addition',
      'accuracy/untranslated',
      'terminology',
      'linguistic/grammar',
      'linguistic/spelling',
      'linguistic/punctuation',
      'locale-convention',
      'style',
    ])
      expect(findCategory(category)?.id).toBe(category);
  });

  it.each([
    ['accuracy/omission', 'accuracy'],
    ['terminology/inconsistent', 'terminology'],
    ['locale-convention/date-format', 'locale-convention'],
    ['fluency/grammar', 'other'],
    ['', 'other'],
  ])('%s belongs to %s', (category, dimension) => {
    expect(dimensionOf(category)).toBe(dimension);
  });

  it('counts errors by dimension and severity, unknown categories under other', () => {
    const rows = countByDimension([
      { category: 'accuracy/omission', severity: 'major' },
      { category: 'accuracy', severity: 'minor' },
      { category: 'terminology/wrong-term', severity: 'critical' },
      { category: 'nonsense', severity: 'minor' },
    ]);
    expect(rows.map((r) => r.dimension)).toEqual([...MQM_TYPOLOGY.map((d) => d.id), 'other']);
    expect(rows.find((r) => r.dimension === 'accuracy')?.bySeverity).toEqual({
      neutral: 0,
      minor: 1,
      major: 1,
      critical: 0,
    });
    expect(rows.find((r) => r.dimension === 'other')?.bySeverity.minor).toBe(1);
    expect(rows.find((r) => r.dimension === 'style')?.bySeverity).toEqual({
      neutral: 0,
      minor: 0,
      major: 0,
      critical: 0,
    });
  });
});
