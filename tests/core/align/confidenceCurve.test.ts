import { describe, expect, it } from 'vitest';
import {
  beadConfidence,
  CONFIDENCE_CURVE,
  logisticConfidence,
  throughCurve,
  type BeadEvidence,
} from '../../../src/core/align/confidence.ts';

const CURVE: [number, number][] = [
  [0, 0],
  [0.5, 0.4],
  [0.9, 0.8],
  [1, 1],
];

describe('throughCurve', () => {
  it.each([
    [0, 0],
    [0.25, 0.2],
    [0.5, 0.4],
    [0.7, 0.6],
    [0.95, 0.9],
    [1, 1],
  ])('maps %f to %f between knots', (p, want) => expect(throughCurve(p, CURVE)).toBeCloseTo(want, 10));

  it('leaves a probability as it is without knots', () => expect(throughCurve(0.37, [])).toBe(0.37));
});

describe('the shipped confidence curve', () => {
  it('rises with the model probability and stays within 0..1', () => {
    for (let k = 1; k < CONFIDENCE_CURVE.length; k += 1) {
      expect(CONFIDENCE_CURVE[k]![0]).toBeGreaterThan(CONFIDENCE_CURVE[k - 1]![0]);
      expect(CONFIDENCE_CURVE[k]![1]).toBeGreaterThanOrEqual(CONFIDENCE_CURVE[k - 1]![1]);
    }
    expect(CONFIDENCE_CURVE[0]).toEqual([0, 0]);
    expect(CONFIDENCE_CURVE.at(-1)).toEqual([1, 1]);
  });

  it('scores a bead lower when its posterior is lower or an anchor is missing', () => {
    const base: BeadEvidence = { posterior: 0.95, source: 1, target: 1, anchorsOneSide: 0, lengthDelta: 0.5 };
    const doubtful = beadConfidence({ ...base, posterior: 0.6 });
    const missing = beadConfidence({ ...base, anchorsOneSide: 2 });
    expect(doubtful).toBeLessThan(beadConfidence(base));
    expect(missing).toBeLessThan(beadConfidence(base));
    expect(beadConfidence(base)).toBeCloseTo(throughCurve(logisticConfidence(base), CONFIDENCE_CURVE), 3);
  });
});
