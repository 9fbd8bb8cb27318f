import { describe, expect, it } from 'vitest';
import {
  applyEdit,
  gapOf,
  goesBelow,
  rowsForApply,
  uncertaintyRank,
  isUncertain,
  record,
  redo,
  rowsFromBeads,
  rowsFromUnits,
  startHistory,
  undo,
  type AlignEdit,
  type AlignRow,
} from '../../../src/core/align/edit.ts';

/** Rows written compactly: "0,1|A. B." is pivot units 0 and 1 with imported sentences "A." and "B.". */
function rows(...specs: string[]): AlignRow[] {
  return specs.map((spec) => {
    const [pivot = '', imported = ''] = spec.split('|');
    return {
      pivot: pivot === '' ? [] : pivot.split(',').map(Number),
      imported: imported === '' ? [] : imported.split(' / '),
      score: 0.9,
    };
  });
}

const show = (list: readonly AlignRow[]) => list.map((r) => `${r.pivot.join(',')}|${r.imported.join(' / ')}`);

const PIVOT = ['Один.', 'Два два два два два два.', 'Три.', 'Четыре.'];
const START = rows('0|One.', '1,2|Two. / Three.', '|Extra.', '3|Four.');

type Case = readonly [name: string, edit: AlignEdit, expected: readonly string[] | 'unchanged'];

const CASES: readonly Case[] = [
  [
    'merge joins a row with the next',
    { type: 'mergeNext', row: 0 },
    ['0,1,2|One. / Two. / Three.', '|Extra.', '3|Four.'],
  ],
  [
    'merge of a pivot-less row',
    { type: 'mergeNext', row: 2 },
    ['0|One.', '1,2|Two. / Three.', '3|Extra. / Four.'],
  ],
  ['merge of the last row does nothing', { type: 'mergeNext', row: 3 }, 'unchanged'],
  ['merge of a row that is not there does nothing', { type: 'mergeNext', row: 9 }, 'unchanged'],
  // "Two. Three." — offset 5 falls between the sentences; the longer first pivot unit stays above.
  [
    'split between sentences shares the pivot units',
    { type: 'split', row: 1, offset: 5 },
    ['0|One.', '1|Two.', '2|Three.', '|Extra.', '3|Four.'],
  ],
  [
    'split inside a sentence cuts it',
    { type: 'split', row: 0, offset: 3 },
    ['0|One', '|.', '1,2|Two. / Three.', '|Extra.', '3|Four.'],
  ],
  ['split at the start does nothing', { type: 'split', row: 1, offset: 0 }, 'unchanged'],
  ['split at the end does nothing', { type: 'split', row: 1, offset: 11 }, 'unchanged'],
  [
    'move a sentence up',
    { type: 'moveUp', row: 1, side: 'imported' },
    ['0|One. / Two.', '1,2|Three.', '|Extra.', '3|Four.'],
  ],
  [
    'move a sentence down',
    { type: 'moveDown', row: 1, side: 'imported' },
    ['0|One.', '1,2|Two.', '|Three. / Extra.', '3|Four.'],
  ],
  [
    'move a unit up',
    { type: 'moveUp', row: 1, side: 'pivot' },
    ['0,1|One.', '2|Two. / Three.', '|Extra.', '3|Four.'],
  ],
  [
    'move a unit down',
    { type: 'moveDown', row: 1, side: 'pivot' },
    ['0|One.', '1|Two. / Three.', '2|Extra.', '3|Four.'],
  ],
  [
    'moving the only item leaves a one-sided row',
    { type: 'moveDown', row: 0, side: 'imported' },
    ['0|', '1,2|One. / Two. / Three.', '|Extra.', '3|Four.'],
  ],
  [
    'a row emptied by a move disappears',
    { type: 'moveUp', row: 2, side: 'imported' },
    ['0|One.', '1,2|Two. / Three. / Extra.', '3|Four.'],
  ],
  ['move up from the first row does nothing', { type: 'moveUp', row: 0, side: 'imported' }, 'unchanged'],
  ['move down from the last row does nothing', { type: 'moveDown', row: 3, side: 'pivot' }, 'unchanged'],
  ['move of a side with nothing does nothing', { type: 'moveUp', row: 2, side: 'pivot' }, 'unchanged'],
  [
    'detach gives the units an empty counterpart',
    { type: 'detach', row: 0 },
    ['0|', '|One.', '1,2|Two. / Three.', '|Extra.', '3|Four.'],
  ],
  ['detach of a one-sided row does nothing', { type: 'detach', row: 2 }, 'unchanged'],
];

/** Every pivot unit once and in order; every imported character once and in order. */
function expectIntact(after: readonly AlignRow[], before: readonly AlignRow[]) {
  expect(after.flatMap((r) => r.pivot)).toEqual(before.flatMap((r) => r.pivot));
  const letters = (list: readonly AlignRow[]) =>
    list
      .flatMap((r) => r.imported)
      .join('')
      .replace(/\s/g, '');
  expect(letters(after)).toBe(letters(before));
  expect(after.every((r) => r.pivot.length + r.imported.length > 0)).toBe(true);
}

describe('alignment edits', () => {
  it.each(CASES)('%s', (_name, edit, expected) => {
    const after = applyEdit(START, edit, PIVOT);
    if (expected === 'unchanged') expect(after).toBe(START);
    else expect(show(after)).toEqual(expected);
    expectIntact(after, START);
  });

  it('marks rows changed by hand as certain and leaves the others as the aligner scored them', () => {
    const start = rows('0|A.', '1|B.', '2|C.').map((r, i) => ({ ...r, score: i === 2 ? 0.2 : 0.3 }));
    expect(start.map(isUncertain)).toEqual([true, true, true]);
    const after = applyEdit(start, { type: 'mergeNext', row: 0 });
    expect(after.map((r) => [r.score, r.manual ?? false])).toEqual([
      [1, true],
      [0.2, false],
    ]);
    expect(after.map(isUncertain)).toEqual([false, true]);
  });

  it('keeps every unit and sentence through a long random sequence of edits', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pivot = Array.from({ length: 40 }, (_, i) => `Unit ${i} text.`);
    const start = rows(...pivot.map((_, i) => `${i}|S${i}a. / S${i}b.`));
    let current: readonly AlignRow[] = start;
    const types = ['mergeNext', 'split', 'moveUp', 'moveDown', 'detach'] as const;
    for (let step = 0; step < 2000; step += 1) {
      const row = Math.floor(random() * current.length);
      const type = types[Math.floor(random() * types.length)]!;
      const side = random() < 0.5 ? 'pivot' : 'imported';
      const text = current[row]?.imported.join(' ') ?? '';
      const edit: AlignEdit =
        type === 'split'
          ? { type, row, offset: Math.floor(random() * (text.length + 1)) }
          : type === 'moveUp' || type === 'moveDown'
            ? { type, row, side }
            : { type, row };
      current = applyEdit(current, edit, pivot);
      expectIntact(current, start);
    }
  });
});

describe('rows from the aligner and from stored units', () => {
  it('turns beads into rows of imported sentences with their scores', () => {
    const beads = [
      { source: [0], target: [0, 1], score: 0.93 },
      { source: [1, 2], target: [], score: 0.4 },
      { source: [], target: [2], score: 0.2 },
    ];
    expect(rowsFromBeads(beads, ['A.', 'B.', 'C.'])).toEqual([
      { pivot: [0], imported: ['A.', 'B.'], score: 0.93 },
      { pivot: [1, 2], imported: [], score: 0.4 },
      { pivot: [], imported: ['C.'], score: 0.2 },
    ]);
  });

  it('reads one row per stored unit, its text split into sentences', () => {
    expect(rowsFromUnits(['Бірінші. Екінші.', '  ', 'Үшінші.'], [0.8, undefined, 1], 'kk')).toEqual([
      { pivot: [0], imported: ['Бірінші.', 'Екінші.'], score: 0.8 },
      { pivot: [1], imported: [] },
      { pivot: [2], imported: ['Үшінші.'], score: 1 },
    ]);
  });
});

describe('undo history', () => {
  it('undoes and redoes in order; a new edit drops the redo steps', () => {
    let h = startHistory('a');
    h = record(h, 'b');
    h = record(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
    h = record(h, 'd');
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
    expect([...h.past, h.present]).toEqual(['a', 'b', 'd']);
  });

  it('records nothing for an edit that did not apply', () => {
    const h = startHistory(START);
    expect(record(h, applyEdit(START, { type: 'mergeNext', row: 3 }))).toBe(h);
  });
});

describe('omissions and additions among the rows', () => {
  const omission: AlignRow = { pivot: [2], imported: [], score: 0.9 };
  const addition: AlignRow = { pivot: [], imported: ['Extra.'], score: 0.8 };
  const doubtful: AlignRow = { pivot: [3], imported: ['Three.'], score: 0.3 };
  const sure: AlignRow = { pivot: [4], imported: ['Four.'], score: 0.95 };
  const byHand: AlignRow = { pivot: [5], imported: [], score: 1, manual: true };

  it.each([
    ['an omission', omission, 'omission', true],
    ['an addition', addition, 'addition', true],
    ['a low score', doubtful, undefined, true],
    ['a sure pair', sure, undefined, false],
    ['an empty counterpart set by hand', byHand, 'omission', false],
  ] as const)('%s: gap %s, uncertain %s', (_, row, gap, uncertain) => {
    expect(gapOf(row)).toBe(gap);
    expect(isUncertain(row)).toBe(uncertain);
  });

  it('ranks omissions and additions before every other uncertain row, rows fixed by hand last', () => {
    const rows = [sure, byHand, doubtful, addition, omission];
    const order = [...rows].sort((a, b) => uncertaintyRank(a) - uncertaintyRank(b));
    expect(order).toEqual([addition, omission, doubtful, sure, byHand]);
  });

  it('writes sentences detached by hand (Alt+D) to the unit below, not back to their own unit', () => {
    const rows: AlignRow[] = [
      { pivot: [0], imported: ['One.'], score: 0.9 },
      { pivot: [1], imported: ['Two.', 'Three.'], score: 0.9 },
      { pivot: [2], imported: ['Four.'], score: 0.9 },
    ];
    const detached = applyEdit(rows, { type: 'detach', row: 1 });
    expect(goesBelow(detached, 2)).toBe(true);
    expect(rowsForApply(detached).map((r) => [r.pivot, r.imported])).toEqual([
      [[0], ['One.']],
      [[1], []],
      [[2], ['Two.', 'Three.', 'Four.']],
    ]);
    // The aligner's own additions keep going to the unit above; so does a detached last unit (nothing below).
    expect(rowsForApply([rows[0]!, { pivot: [], imported: ['Extra.'], score: 0.7 }, rows[2]!])).toHaveLength(
      3,
    );
    const last = applyEdit(rows, { type: 'detach', row: 2 });
    expect(goesBelow(last, 3)).toBe(false);
    expect(rowsForApply(last)).toEqual(last);
  });
});
