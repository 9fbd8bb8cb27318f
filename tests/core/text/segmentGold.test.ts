import { describe, expect, it } from 'vitest';
import { segmentationScores } from '../../../scripts/segment-gold.ts';

// The gold sets (tests/fixtures/segment, origins in its README.md) were written apart from the abbreviation tables.
describe('segmentation on the held-out gold sets', () => {
  it.each(segmentationScores().map((s) => [s.lang, s] as const))(
    '%s: sentence F1 ≥ 0.98 on 200+ sentences',
    (_, s) => {
      expect(s.sentences).toBeGreaterThanOrEqual(200);
      expect(s.f1).toBeGreaterThanOrEqual(0.98);
    },
  );
});

describe('segmentation on the second, smaller gold set', () => {
  it.each(segmentationScores('fresh').map((s) => [s.lang, s] as const))('%s: sentence F1 ≥ 0.98', (_, s) => {
    expect(s.sentences).toBeGreaterThanOrEqual(45);
    expect(s.f1).toBeGreaterThanOrEqual(0.98);
  });
});
