import { describe, expect, it } from 'vitest';
import { isSpace } from '../../../src/core/text/isSpace.ts';
import { hasAdjacent } from '../../../src/core/text/hasAdjacent.ts';

describe('isSpace', () => {
  it('agrees with \\s on every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c += 1) {
      if (isSpace(c) !== /\s/u.test(String.fromCharCode(c))) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it.each([
    [' ', true],
    ['\t', true],
    ['\u00a0', true],
    ['\u202f', true],
    ['\ufeff', true],
    ['a', false],
    ['\u200b', false],
    ['_', false],
  ])('%j → %s', (ch, expected) => {
    expect(isSpace(ch.charCodeAt(0))).toBe(expected);
  });
});

describe('hasAdjacent', () => {
  const dot = (c: number) => c === 0x2e;
  const space = (c: number) => c === 32;
  it.each([
    ['a .', space, dot, true],
    ['a. ', space, dot, false],
    ['..', dot, dot, true],
    ['.a.', dot, dot, false],
    ['', dot, dot, false],
    ['.', dot, dot, false],
  ] as const)('%j', (text, first, second, expected) => {
    expect(hasAdjacent(text, first, second)).toBe(expected);
  });
});
