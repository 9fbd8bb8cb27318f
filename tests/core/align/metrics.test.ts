import { describe, expect, it } from 'vitest';
import { poolScores, scoreCounts, strictPrecisionRecall } from '../../../src/core/align/metrics.ts';
import type { BeadShape } from '../../../src/core/align/types.ts';

const b = (source: number[], target: number[]): BeadShape => ({ source, target });

describe('strictPrecisionRecall (vecalign score.py semantics)', () => {
  const gold = [b([0], [0]), b([1, 2], [1]), b([3], [2, 3]), b([], [4]), b([4], [5])];

  it('is 1 for a perfect alignment', () => {
    const s = strictPrecisionRecall(gold, gold);
    expect([s.precision, s.recall, s.f1, s.laxPrecision, s.laxRecall]).toEqual([1, 1, 1, 1, 1]);
  });

  it('counts exact beads for precision, and recall without insertions and omissions', () => {
    // Test: 1-2 split wrongly as two 1-1s, the insertion merged into the last bead.
    const test = [b([0], [0]), b([1], [1]), b([2], []), b([3], [2, 3]), b([4], [4, 5])];
    const s = strictPrecisionRecall(gold, test);
    // Precision: 2 of 5 test beads are gold beads ([0]:[0] and [3]:[2,3]).
    expect(s.precision).toBeCloseTo(2 / 5);
    // Recall: gold without the insertion has 4 beads, 2 found exactly.
    expect(s.recall).toBeCloseTo(2 / 4);
    // Lax: [1]:[1] and [4]:[4,5] overlap gold links; [2]:[] has no target, so it cannot.
    expect(s.laxPrecision).toBeCloseTo(4 / 5);
    expect(s.f1).toBeCloseTo((2 * 0.4 * 0.5) / 0.9);
  });

  it('ignores beads empty on both sides and duplicates', () => {
    const test = [b([0], [0]), b([], []), b([0], [0])];
    const c = scoreCounts([b([0], [0])], test);
    expect(c.precisionTotal).toBe(1);
    expect(c.precisionStrict).toBe(1);
  });

  it('pools counts over documents before dividing', () => {
    const one = scoreCounts([b([0], [0])], [b([0], [0])]);
    const two = scoreCounts([b([0], [0]), b([1], [1]), b([2], [2])], [b([0, 1], [0, 1]), b([2], [2])]);
    const pooled = poolScores([one, two]);
    expect(pooled.precision).toBeCloseTo(2 / 3);
    expect(pooled.recall).toBeCloseTo(2 / 4);
  });
});
