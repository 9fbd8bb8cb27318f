import { describe, expect, it } from 'vitest';
import { ownCopy } from '../../src/cli/check/ownCopy.ts';

describe('ownCopy', () => {
  const piece = 'id\tОтчёт опубликован на сайте.\tThe report is published on the website.\n';
  it.each([
    ['an English cell cut from a Cyrillic piece', piece.slice(piece.indexOf('The'), -1)],
    ['a Russian cell', piece.slice(3, piece.indexOf('\tThe'))],
    ['a short cell', 'Да.'],
    ['an empty cell', ''],
    ['Latin-1 letters beyond ASCII', 'Café au lait, naïve façade.'],
    ['a lone surrogate and an astral character', 'broken \ud800 here and 😀 there, kept as written'],
    ['a cell longer than the scratch buffer', `${'Ёлка и ель. '.repeat(9_000)}end`],
    ['a long ASCII cell', 'a'.repeat(200_000)],
  ])('gives back %s unchanged', (_, text) => {
    expect(ownCopy(text)).toBe(text);
  });

  it('copies several cells in a row without one overwriting another', () => {
    const cells = ['Первая строка текста.', 'The second line of text.', 'Третья строка текста здесь.'];
    const copies = cells.map(ownCopy);
    expect(copies).toEqual(cells);
  });
});
