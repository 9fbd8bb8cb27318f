import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { documentEffort, effortBin, levenshtein, unitEffort } from '../../../src/core/review/editDistance.ts';
import { timeSpent } from '../../../src/core/review/effort.ts';
import type { Revision } from '../../../src/core/model/types.ts';

/** Textbook full-matrix Levenshtein, the reference the fast version must agree with. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1)
    for (let j = 1; j <= b.length; j += 1)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length]![b.length]!;
}

describe('levenshtein', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['To pass to contents', 'Go to contents', 6],
    ['полиция', 'полицiя', 1],
    ['Жергiлiктi', 'Жергілікті', 3],
    ['әкім', 'аким', 2],
    ['same', 'same', 0],
    ['a'.repeat(40), 'b'.repeat(40), 40],
    ['a'.repeat(70) + 'x', 'a'.repeat(70) + 'y', 1],
  ])('%j → %j is %i', (a, b, n) => {
    expect(levenshtein(a, b)).toBe(n);
    expect(levenshtein(b, a)).toBe(n);
  });

  it('agrees with the full-matrix algorithm on short and long random texts', () => {
    const text = (max: number) =>
      fc.string({ unit: fc.constantFrom('а', 'ә', 'b', 'c', ' ', 'і'), maxLength: max });
    fc.assert(
      fc.property(text(40), text(40), (a, b) => levenshtein(a, b) === reference(a, b)),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(text(150), text(150), (a, b) => levenshtein(a, b) === reference(a, b)),
      { numRuns: 150 },
    );
  });

  it('30,000 heavily post-edited 200-character units take a fraction of what a full matrix would', () => {
    // Every 7th character changed: prefix/suffix stripping leaves ~200 characters on both sides, so the work is
    // Myers' 7 blocks × 200 steps per unit; the textbook matrix fills 40,000 cells per unit, 1.2·10⁹ in all, which
    // took 13 s on the development machine against about 0.5 s here: the bound leaves room for a loaded machine.
    const base =
      'Жергілікті полиция қызметі облыстың жергілікті бюджетінен қаржыландырылатын ішкі істер органдарының бөлімшесі болды. '
        .repeat(2)
        .slice(0, 200);
    const edited = [...base].map((ch, i) => (i % 7 === 3 ? 'x' : ch)).join('');
    const pairs = Array.from({ length: 30_000 }, (_, i) => ({
      machine: `${i} ${base}`,
      final: `${i} ${edited}!`,
    }));
    const started = performance.now();
    const effort = documentEffort(pairs);
    const elapsed = performance.now() - started;
    expect(effort.units).toBe(30_000);
    expect(effort.changed).toBe(30_000);
    expect(levenshtein(base, edited)).toBe(reference(base, edited));
    expect(elapsed).toBeLessThan(6000);
  });
});

describe('post-editing effort', () => {
  it.each([
    ['', '', 0, 0, 0],
    ['Go to contents', 'Go to contents', 0, 14, 0],
    ['To pass to contents', 'Go to contents', 6, 19, 6 / 19],
    ['abc', '', 3, 3, 1],
    ['', 'Мазмұнына өту', 13, 13, 1],
    // NFC: "й" typed as и + combining breve is the same letter.
    ['и\u0306', 'й', 0, 1, 0],
  ])('%j → %j: distance %i of %i', (machine, final, distance, length, ratio) => {
    const effort = unitEffort(machine, final);
    expect(effort).toEqual({ distance, length, ratio });
  });

  it.each([
    [0, 0],
    [0.0001, 1],
    [0.1, 1],
    [0.1001, 2],
    [0.5, 5],
    [0.95, 10],
    [1, 10],
  ])('ratio %d falls in bin %i', (ratio, bin) => {
    expect(effortBin(ratio)).toBe(bin);
  });

  it('sums a document: weighted overall ratio, mean ratio, histogram, per-unit callback', () => {
    const seen: number[] = [];
    const effort = documentEffort(
      [
        { machine: 'abcdefghij', final: 'abcdefghij' },
        { machine: 'abcdefghij', final: 'abcdefghiX' },
        { machine: 'ab', final: 'XY' },
      ],
      (unit) => seen.push(unit.distance),
    );
    expect(seen).toEqual([0, 1, 2]);
    expect(effort).toMatchObject({ units: 3, changed: 2, distance: 3, length: 22 });
    expect(effort.ratio).toBeCloseTo(3 / 22, 10);
    expect(effort.meanRatio).toBeCloseTo((0 + 0.1 + 1) / 3, 10);
    expect(effort.histogram).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('is zero for an empty document', () => {
    expect(documentEffort([])).toMatchObject({ units: 0, ratio: 0, meanRatio: 0 });
  });
});

describe('timeSpent', () => {
  const MIN = 60_000;
  let n = 0;
  const rev = (author: string, at: number, action: Revision['action'] = 'edit'): Revision =>
    ({ id: `r${n++}`, author, at, action }) as unknown as Revision;

  it('sums gaps between consecutive revisions per author, each capped at five minutes', () => {
    const result = timeSpent([
      rev('system', 0, 'import'),
      rev('aigerim', 10 * MIN),
      rev('aigerim', 11 * MIN),
      rev('aigerim', 11 * MIN, 'approve'),
      rev('aigerim', 13 * MIN),
      rev('aigerim', 60 * MIN), // after a break: counted as 5 minutes
      rev('dana', 12 * MIN),
      rev('dana', 12.5 * MIN),
    ]);
    expect(result.byAuthor).toEqual([
      { author: 'aigerim', ms: 8 * MIN, revisions: 5 },
      { author: 'dana', ms: 0.5 * MIN, revisions: 2 },
    ]);
    expect(result.totalMs).toBe(8.5 * MIN);
  });

  it('does not interleave authors and ignores order of input', () => {
    const result = timeSpent([rev('a', 4 * MIN), rev('b', 2 * MIN), rev('a', 0), rev('a', 1 * MIN)]);
    expect(result.byAuthor.find((a) => a.author === 'a')?.ms).toBe(4 * MIN);
    expect(result.byAuthor.find((a) => a.author === 'b')?.ms).toBe(0);
  });

  it('takes another cap', () => {
    expect(timeSpent([rev('a', 0), rev('a', 10 * MIN)], 2 * MIN).totalMs).toBe(2 * MIN);
  });

  it('is zero with imports only', () => {
    expect(timeSpent([rev('system', 0, 'import'), rev('system', 9, 'import')])).toEqual({
      totalMs: 0,
      byAuthor: [],
    });
  });
});
