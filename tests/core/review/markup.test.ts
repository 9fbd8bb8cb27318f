import { describe, expect, it } from 'vitest';
import { markPieces, type Piece } from '../../../src/core/review/markup.ts';
import { diffText } from '../../../src/core/review/diff.ts';

const show = (pieces: readonly Piece[]) =>
  pieces
    .map((p) => {
      const body = p.marks.length ? `[${p.text}|${p.marks.join(',')}]` : p.text;
      return p.op === 'insert' ? `<ins>${body}</ins>` : p.op === 'delete' ? `<del>${body}</del>` : body;
    })
    .join('');

describe('markPieces', () => {
  it.each([
    ['no marks', 'To pass to contents', [], 'To pass to contents'],
    [
      'one mark',
      'To pass to contents',
      [{ start: 0, end: 7, kind: 'major' }],
      '[To pass|major]to contents'.replace('|major]', '|major] '),
    ],
    [
      'overlapping marks',
      'Akimats and Maslikhatami',
      [
        { start: 0, end: 11, kind: 'minor' },
        { start: 8, end: 24, kind: 'major' },
      ],
      '[Akimats |minor][and|minor,major][ Maslikhatami|major]',
    ],
    ['mark past the end is clipped', 'abc', [{ start: 1, end: 10, kind: 'x' }], 'a[bc|x]'],
  ])('%s', (_name, text, marks, expected) => {
    expect(show(markPieces(text, marks))).toBe(expected);
  });

  it('marks the current text inside a diff and never the deleted part', () => {
    const before = 'To pass to contents';
    const after = 'Go to the contents';
    const pieces = markPieces(after, [{ start: 0, end: 5, kind: 'minor' }], diffText(before, after));
    expect(show(pieces)).toBe('<del>To pass to</del><ins>[Go to|minor]</ins><ins> the</ins> contents');
    expect(
      pieces
        .filter((p) => p.op !== 'delete')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });
});
