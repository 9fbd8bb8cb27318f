import { describe, expect, it } from 'vitest';
import { composeRows } from '../../../src/core/align/compose.ts';
import type { Bead } from '../../../src/core/align/types.ts';

const b = (source: number[], target: number[], score = 0.9): Bead => ({ source, target, score });

describe('composeRows', () => {
  it('gives one row per pivot segment when every version is one to one', () => {
    const rows = composeRows(3, {
      en: [b([0], [0]), b([1], [1]), b([2], [2])],
      kk: [b([0], [0]), b([1], [1]), b([2], [2], 0.4)],
    });
    expect(rows).toEqual([
      { pivot: [0], versions: { en: [0], kk: [0] }, score: 0.9 },
      { pivot: [1], versions: { en: [1], kk: [1] }, score: 0.9 },
      { pivot: [2], versions: { en: [2], kk: [2] }, score: 0.4 },
    ]);
  });

  it('joins pivot segments that one version merges, with the other version split accordingly', () => {
    // Kazakh merges pivot 1 and 2; English splits pivot 2 in two.
    const rows = composeRows(4, {
      en: [b([0], [0]), b([1], [1]), b([2], [2, 3]), b([3], [4])],
      kk: [b([0], [0]), b([1, 2], [1]), b([3], [2])],
    });
    expect(rows.map((r) => [r.pivot, r.versions.en, r.versions.kk])).toEqual([
      [[0], [0], [0]],
      [[1, 2], [1, 2, 3], [1]],
      [[3], [4], [2]],
    ]);
  });

  it('keeps omissions and gives insertions on row boundaries rows of their own', () => {
    const rows = composeRows(3, {
      en: [b([0], [0]), b([], [1], 0.3), b([1], [2]), b([2], [])],
      kk: [b([0], [0]), b([1], [1]), b([], [2]), b([2], [3])],
    });
    expect(rows.map((r) => [r.pivot, r.versions.en, r.versions.kk, r.score])).toEqual([
      [[0], [0], [0], 0.9],
      [[], [1], [], 0.3],
      [[1], [2], [1], 0.9],
      [[], [], [2], 0.9],
      [[2], [], [3], 0.9],
    ]);
  });

  it('puts an insertion inside a merged row into that row', () => {
    const rows = composeRows(2, {
      en: [b([0], [0]), b([], [1]), b([1], [2])],
      kk: [b([0, 1], [0])],
    });
    expect(rows.map((r) => [r.pivot, r.versions.en, r.versions.kk])).toEqual([[[0, 1], [0, 1, 2], [0]]]);
  });

  it('handles insertions at the very start and end, and an empty pivot', () => {
    const rows = composeRows(1, { en: [b([], [0]), b([0], [1]), b([], [2])] });
    expect(rows.map((r) => [r.pivot, r.versions.en])).toEqual([
      [[], [0]],
      [[0], [1]],
      [[], [2]],
    ]);
    expect(composeRows(0, { en: [b([], [0])] }).map((r) => r.versions.en)).toEqual([[0]]);
    expect(composeRows(0, { en: [] })).toEqual([]);
  });

  it('refuses an alignment that does not cover the pivot', () => {
    expect(() => composeRows(3, { en: [b([0], [0]), b([2], [1])] })).toThrow(/pivot segment 1/);
    expect(() => composeRows(3, { en: [b([0], [0])] })).toThrow(/covers 1 of 3/);
  });
});
