import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { evaluate, loadEvalSet, loadHeldOutSet } from './evaluate.ts';

const require = createRequire(import.meta.url);
const nspell = require('nspell') as typeof import('nspell');
const dictionary = new URL('../../../node_modules/dictionary-en/', import.meta.url);
const speller = nspell({
  aff: readFileSync(new URL('index.aff', dictionary)),
  dic: readFileSync(new URL('index.dic', dictionary)),
});

describe('evaluation set (tests/fixtures/checks/eval.tsv)', () => {
  const rows = loadEvalSet();
  const result = evaluate(rows, (w) => speller.correct(w));

  it('has at least 150 realistic pairs, clean and with labelled errors, for English and Kazakh', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.filter((r) => r.expected.length === 0).length).toBeGreaterThanOrEqual(50);
    expect(new Set(rows.map((r) => r.targetLang))).toEqual(new Set(['en', 'kk']));
  });

  it('keeps precision and recall above their floors in every check family', () => {
    const table = [...result.families].map(([family, s]) => ({
      family,
      tp: s.tp,
      fp: s.fp,
      fn: s.fn,
      precision: s.precision.toFixed(2),
      recall: s.recall.toFixed(2),
    }));
    console.table(table);
    console.log('overall', result.overall, '\n', result.mistakes.join('\n'));
    for (const [family, s] of result.families) {
      expect.soft(s.precision, `${family} precision`).toBeGreaterThanOrEqual(0.9);
      expect.soft(s.recall, `${family} recall`).toBeGreaterThanOrEqual(0.75);
    }
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.98);
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('held-out set (tests/fixtures/checks-heldout), written apart from the rules', () => {
  const rows = loadHeldOutSet();
  const result = evaluate(rows, (w) => speller.correct(w));

  it('has at least 300 ru→en and 100 ru→kk pairs, at least half of them clean', () => {
    expect(rows.filter((r) => r.targetLang === 'en').length).toBeGreaterThanOrEqual(300);
    expect(rows.filter((r) => r.targetLang === 'kk').length).toBeGreaterThanOrEqual(100);
    expect(rows.filter((r) => r.expected.length === 0).length * 2).toBeGreaterThanOrEqual(rows.length);
  });

  it('flags at most 2% of clean segments and finds at least 93% of error segments', () => {
    console.log('held-out', result.segments, '\n', result.mistakes.join('\n'));
    expect(result.segments.cleanFlaggedRate).toBeLessThanOrEqual(0.02);
    expect(result.segments.errorRecall).toBeGreaterThanOrEqual(0.93);
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.9);
  });
});
