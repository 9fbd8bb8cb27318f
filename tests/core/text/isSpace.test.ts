import { describe, expect, it } from 'vitest';
import { isSpace } from '../../../src/core/text/isSpace.ts';
import {
  CLOSING,
  GAP,
  GLUED,
  hasAdjacent,
  MARK,
  MAY_BE_LETTER,
  OPENING,
  REPEATABLE,
  SPACE,
} from '../../../src/core/text/hasAdjacent.ts';

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
  it.each([
    ['a .', SPACE, MARK, true],
    ['a\u00a0;', SPACE, MARK, true],
    ['a. ', SPACE, MARK, false],
    ['..', REPEATABLE, REPEATABLE, true],
    ['?!', REPEATABLE, REPEATABLE, true],
    ['.a.', REPEATABLE, REPEATABLE, false],
    ['', REPEATABLE, REPEATABLE, false],
    ['.', REPEATABLE, REPEATABLE, false],
    ['a,b', GLUED, MAY_BE_LETTER, true],
    ['a,ж', GLUED, MAY_BE_LETTER, true],
    ['a, b', GLUED, MAY_BE_LETTER, false],
    ['a,1', GLUED, MAY_BE_LETTER, false],
    ['( x', OPENING, SPACE, true],
    ['(x )', SPACE, CLOSING, true],
    ['(x)', SPACE, CLOSING, false],
    ['a \t b', GAP, GAP, true],
    ['a b', GAP, GAP, false],
  ] as const)('%j', (text, first, second, expected) => {
    expect(hasAdjacent(text, first, second)).toBe(expected);
  });
});
