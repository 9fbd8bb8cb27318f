import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOf } from '../../../src/core/checks/pair/punctuation.ts';
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

// Character scans that stand in for, or run before, regular expressions on the hot path: each must give the
// answer the expression gives on any text, marks, spaces, quotes and surrogates included.
const PIECES = [
  'a',
  'Я',
  '1',
  ' ',
  '\u00a0',
  '\t',
  '\n',
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  '…',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '»',
  '”',
  '’',
  '“',
  '？',
  '。',
  '𝐀',
];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));

/** endOf as first written, with expressions anchored at the end: the definition the scan must agree with. */
function endOfByExpressions(text: string): string {
  const MARKS: Record<string, string> = { '？': '?', '。': '.' };
  let t = text.replace(/[\s"'»”’“)\]]+$/u, '');
  if (/[？。]/u.test(t.slice(-3))) t = t.replace(/[？。]/gu, (m) => MARKS[m] ?? m);
  if (/\?[!?]*$|\?\.$/u.test(t) || /[!?]*\?$/u.test(t)) return '?';
  if (/!+$/u.test(t)) return '!';
  if (/(?:…|\.\.\.)$/u.test(t)) return '…';
  const last = t.at(-1);
  return last === '.' || last === ':' || last === ';' || last === ',' ? last : 'none';
}

describe('endOf', () => {
  it('reads the ending the anchored expressions read', () => {
    fc.assert(
      fc.property(texts, (t) => {
        expect(endOf(t)).toBe(endOfByExpressions(t));
      }),
      {
        numRuns: 3000,
      },
    );
  });
});

describe('adjacent-pair filters', () => {
  // Each check's pattern, and the pair of classes it cannot match without.
  const filters: [string, RegExp, number, number][] = [
    [
      'repeated punctuation',
      /([,;:!?])\1+|(?<![.\p{L}])\.\.(?!\.)|(?<=\p{L}|\))\.\.(?!\.)|[,;:][.,;:](?!\.)|[?!]\.(?!\.)/u,
      REPEATABLE,
      REPEATABLE,
    ],
    ['double space', /(?<=\S)[ \u00a0\t]{2,}(?=\S)/u, GAP, GAP],
    ['space before a mark', /[ \u00a0]+(?:[,;!?]|[.:](?!\p{L}|\.\.))(?=[\s"'»”)\]]|$)/u, SPACE, MARK],
    ['space after an opening bracket', /[([{][ \u00a0]+/u, OPENING, SPACE],
    ['space before a closing bracket', /(?<=\S)[ \u00a0]+[)\]}]/u, SPACE, CLOSING],
    ['missing space', /(?<=\p{L})[,;](?=\p{L})|(?<=\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll})/u, GLUED, MAY_BE_LETTER],
  ];
  it.each(filters)('%s: no match without the pair', (_, re, first, second) => {
    fc.assert(
      fc.property(texts, (t) => {
        if (re.test(t)) expect(hasAdjacent(t, first, second)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
