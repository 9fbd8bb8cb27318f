import { describe, expect, it } from 'vitest';
import { evaluateKazakhDates, loadKazakhDateSet } from './kazakhDatesEvaluation.ts';

// The floors sit below the figures `npm run bench -- kazakh` prints, so a rule change that loses Kazakh dates or
// numbers fails here; the set is held out from the rule tables (tests/fixtures/kazakh-dates/README.md).
describe('Kazakh dates and numbers on the held-out set', () => {
  const rows = loadKazakhDateSet();
  const { result, mistakes } = evaluateKazakhDates(rows);

  it('has every pair of the file, half of them clean, each with where it came from', () => {
    expect(rows).toHaveLength(150);
    expect(rows.filter((r) => r.error === '')).toHaveLength(75);
    expect(rows.filter((r) => r.origin.trim() === '')).toEqual([]);
  });

  it.each(['ru', 'en'])(
    'against the %s text: precision and recall at least 0.9, clean pairs flagged ≤ 5%%',
    (lang) => {
      const score = result.get(lang)!;
      expect(mistakes.filter((m) => m.startsWith(`${lang} `)).length).toBeLessThanOrEqual(3);
      expect(score.precision).toBeGreaterThanOrEqual(0.9);
      expect(score.recall).toBeGreaterThanOrEqual(0.9);
      expect(score.cleanFlagged / score.clean).toBeLessThanOrEqual(0.05);
    },
  );
});
