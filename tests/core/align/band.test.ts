import { describe, expect, it } from 'vitest';
import { alignSegments } from '../../../src/core/align/index.ts';
import { Band, viterbi } from '../../../src/core/align/dp.ts';

describe('search band', () => {
  it('takes one half-width per row, so it can be wide in one passage and narrow elsewhere', () => {
    const centre = Float64Array.from({ length: 11 }, (_, i) => i);
    const widths = new Float64Array(11).fill(1);
    widths[5] = 4;
    const band = Band.around(10, 10, centre, centre, widths);
    expect([band.lo[5], band.hi[5]]).toEqual([1, 9]);
    expect([band.lo[2], band.hi[2]]).toEqual([1, 3]);
  });

  it('reports the rows where the best path runs along the edge of the band', () => {
    // Matching is cheapest on the line j = i + 3, outside a band of half-width 1 around the diagonal, and cheaper
    // the nearer a pair is to that line.
    const centre = Float64Array.from({ length: 21 }, (_, i) => i);
    const band = Band.around(20, 20, centre, centre, 1);
    const cost = (i0: number, j0: number, a: number, b: number) =>
      a === 1 && b === 1 ? Math.abs(j0 - i0 - 3) : 3;
    const narrow = viterbi(
      band,
      [
        [1, 1],
        [1, 0],
        [0, 1],
      ],
      cost,
      null,
      0,
    );
    expect(narrow.touchesEdge).toBe(true);
    expect(narrow.edgeRows.length).toBeGreaterThan(0);
    const wide = viterbi(
      Band.around(20, 20, centre, centre, 6),
      [
        [1, 1],
        [1, 0],
        [0, 1],
      ],
      cost,
      null,
      0,
    );
    expect(wide.touchesEdge).toBe(false);
    expect(wide.edgeRows).toEqual([]);
  });
});

describe('anchors in a document that repeats its passages', () => {
  // Written for this test: three short passages, each with its numbers, repeated in a shuffled order; the translation
  // drops one sentence of the second repeat, so the path leaves the diagonal.
  const passages: readonly (readonly [string, string])[][] = [
    [
      ['В 2019 году открыли 12 школ.', 'In 2019, 12 schools opened.'],
      ['На это выделили 340 млн тенге.', 'They cost 340 million tenge.'],
    ],
    [
      ['Очередь сократилась до 15 минут.', 'Queues fell to 15 minutes.'],
      ['Центр принял 4 200 заявлений.', 'The centre took 4,200 applications.'],
    ],
    [
      ['Мост длиной 1,2 км построили за 2 года.', 'The 1.2 km bridge took 2 years to build.'],
      ['Движение открыли 1 сентября.', 'Traffic opened on 1 September.'],
    ],
  ];
  const order = [0, 1, 2, 2, 0, 1, 1, 2, 0, 0, 2, 1];

  it('pairs the k-th occurrence of a repeated number on each side and finds every sentence pair', () => {
    const source: { text: string }[] = [];
    const target: { text: string }[] = [];
    const expected: string[] = [];
    let dropped = false;
    for (const [round, p] of order.entries()) {
      for (const [ru, en] of passages[p]!) {
        const s = source.length;
        source.push({ text: ru });
        if (!dropped && round === 4) {
          dropped = true;
          expected.push(`${s}:`);
          continue;
        }
        expected.push(`${s}:${target.length}`);
        target.push({ text: en });
      }
    }
    const beads = alignSegments(source, target, { sourceLang: 'ru', targetLang: 'en' });
    expect(beads.map((b) => `${b.source.join(',')}:${b.target.join(',')}`)).toEqual(expected);
  });
});
