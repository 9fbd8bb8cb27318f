import { describe, expect, it } from 'vitest';
import { pivotAlignment, type AlignedWrite } from '../../../src/core/align/gapSides.ts';
import type { UnitAlignment } from '../../../src/core/model/types.ts';

// A Russian source aligned against the English a unit already has: what the English side is left with.
const CASES: [string, AlignedWrite, string, UnitAlignment | undefined][] = [
  [
    'a unit with no source sentence: its English has no source',
    { alignScore: 0.4, gap: 'omitted' },
    ' Critics say the project ran late. ',
    { score: 0.4, added: ['Critics say the project ran late.'] },
  ],
  [
    'source sentences with no unit of their own: the English lacks them',
    { alignScore: 0.6, added: ['Подрядчику заплатили дважды.'] },
    'The school opened in May.',
    { score: 0.6, untranslated: ['Подрядчику заплатили дважды.'] },
  ],
  [
    'both at once',
    { gap: 'omitted', added: ['Аким поблагодарил строителей.'] },
    'Critics say the project ran late.',
    { added: ['Critics say the project ran late.'], untranslated: ['Аким поблагодарил строителей.'] },
  ],
  ['a one-to-one unit: nothing to record', { alignScore: 0.97 }, 'The school opened in May.', undefined],
  [
    'a unit whose source went to the unit before (a merge), not a gap',
    { alignScore: 0.8, gap: 'merged', into: 3 },
    'It opened in May.',
    undefined,
  ],
  ['a unit with no source and no English either', { gap: 'omitted' }, '  ', undefined],
  ['blank source sentences are not gaps', { added: [' '] }, 'The school opened in May.', undefined],
];

describe('pivotAlignment: gaps of a source alignment, seen from the translation', () => {
  it.each(CASES)('%s', (_, write, pivotText, expected) => {
    expect(pivotAlignment(write, pivotText)).toEqual(expected);
  });
});
