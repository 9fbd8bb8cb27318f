import { beforeAll, describe, expect, it } from 'vitest';
import { loadLinearRegex } from '../../../src/core/text/linearRegex.ts';

// The regular-expression engine is loaded on first use, as the app does before a regex search.
beforeAll(() => loadLinearRegex());
import { planReplace } from '../../../src/core/review/replace.ts';

const texts = [
  { id: '1', text: 'The head of LPS reports to Akimats and Maslikhatami.' },
  { id: '2', text: 'At once I will note that LPS is new.' },
  { id: '3', text: 'Nothing here.' },
];

describe('planReplace', () => {
  it.each([
    [
      'plain, case-insensitive',
      { find: 'lps', replace: 'the LPS' },
      [
        ['1', 'The head of the LPS reports to Akimats and Maslikhatami.'],
        ['2', 'At once I will note that the LPS is new.'],
      ],
    ],
    ['plain, case-sensitive finds nothing', { find: 'lps', replace: 'x', caseSensitive: true }, []],
    [
      'regex with a group',
      { find: '(\\w+)ami\\b', replace: '$1s', regex: true },
      [['1', 'The head of LPS reports to Akimats and Maslikhats.']],
    ],
    [
      'a dollar in a plain replacement stays literal',
      { find: 'new', replace: '$1 new', caseSensitive: true },
      [['2', 'At once I will note that LPS is $1 new.']],
    ],
    ['empty search changes nothing', { find: '', replace: 'x' }, []],
  ])('%s', (_name, query, expected) => {
    const result = planReplace(texts, query);
    expect(result.ok && result.value.map((r) => [r.id, r.after])).toEqual(expected);
  });

  it('reports a regular expression that does not compile', () => {
    expect(planReplace(texts, { find: '(', replace: '', regex: true }).ok).toBe(false);
  });
});
