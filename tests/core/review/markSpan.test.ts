import { describe, expect, it } from 'vitest';
import { markRange, moveCaret, moveMark } from '../../../src/core/review/markSpan.ts';

const TEXT = 'Akim’s office, 2016: «Жергілікті полиция»';

describe('moving the caret of a keyboard mark', () => {
  it.each([
    [0, 'right', 1],
    [0, 'left', 0],
    [TEXT.length, 'right', TEXT.length],
    [0, 'wordRight', 4],
    [4, 'wordRight', 6],
    [6, 'wordRight', 13],
    [13, 'wordRight', 19],
    [22, 'wordRight', 32],
    [33, 'wordLeft', 22],
    [22, 'wordLeft', 15],
    [3, 'wordLeft', 0],
  ] as const)('from %i, %s lands at %i', (at, move, expected) => {
    expect(moveCaret(TEXT, at, move)).toBe(expected);
  });
});

describe('extending a mark', () => {
  it('extends from the anchor and shrinks back past it', () => {
    let mark = { anchor: 4, focus: 4 };
    mark = moveMark(TEXT, mark, 'right', true);
    mark = moveMark(TEXT, mark, 'right', true);
    expect(markRange(mark)).toEqual({ start: 4, end: 6 });
    for (let i = 0; i < 4; i += 1) mark = moveMark(TEXT, mark, 'left', true);
    expect(markRange(mark)).toEqual({ start: 2, end: 4 });
  });

  it('collapses to a caret when moved without extending', () => {
    const mark = moveMark(TEXT, { anchor: 0, focus: 5 }, 'right', false);
    expect(markRange(mark)).toEqual({ start: 6, end: 6 });
  });
});
