import { describe, expect, it } from 'vitest';
import { evaluateKazakh, loadKazakhEvalSet } from './kazakhEvaluation.ts';

describe('Kazakh evaluation set (tests/fixtures/kazakh/eval.tsv, held out from the rules)', () => {
  const rows = loadKazakhEvalSet();
  const result = evaluateKazakh(rows);

  it('has at least 150 pairs, half of them clean, with look-alike, harmony and spelling errors', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.filter((r) => r.error === '').length).toBeGreaterThanOrEqual(rows.length / 2 - 1);
    expect(new Set(rows.map((r) => r.error))).toEqual(new Set(['', 'lookalike', 'harmony', 'spelling']));
  });

  it('keeps false alarms and misses within their floors', () => {
    console.table(
      [...result.checks].map(([check, s]) => ({
        check,
        ...s,
        precision: s.precision.toFixed(2),
        recall: s.recall.toFixed(2),
      })),
    );
    console.log(result.recallByError, {
      cleanFlagged: result.cleanFlagged,
      sourcesFlagged: result.sourcesFlagged,
    });
    expect(result.cleanFlagged).toBeLessThanOrEqual(0.07);
    expect(result.sourcesFlagged).toBeLessThanOrEqual(0.06);
    for (const [check, s] of result.checks)
      expect.soft(s.precision, `${check} precision`).toBeGreaterThanOrEqual(0.8);
    expect(result.recallByError.lookalike).toBeGreaterThanOrEqual(0.8);
    expect(result.recallByError.harmony).toBeGreaterThanOrEqual(0.9);
    expect(result.recallByError.spelling).toBeGreaterThanOrEqual(0.7);
  });
});
