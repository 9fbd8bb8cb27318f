import { describe, expect, it } from 'vitest';
import { documentId, unitId } from '../../../src/core/model/ids.ts';
import type { Unit, UnitAlignment } from '../../../src/core/model/types.ts';
import { checkPairOf } from '../../../src/ui/hooks/checkPairOf.ts';

const unit = (alignment?: Record<string, UnitAlignment>): Unit => ({
  id: unitId('d:u1'),
  documentId: documentId('d'),
  index: 0,
  paragraph: 0,
  kind: 'sentence',
  separator: '',
  source: 'Мост открыли в мае.',
  mt: {},
  ...(alignment ? { alignment } : {}),
});

describe('the pair a unit gives the checks', () => {
  it('gives none for a unit not yet translated', () => {
    expect(checkPairOf(unit(), 'en', undefined)).toEqual([]);
    expect(checkPairOf(unit({ en: { score: 0.9 } }), 'en', '')).toEqual([]);
  });

  it('gives an empty pair marked omitted where the aligned version had nothing for the unit', () => {
    expect(checkPairOf(unit({ en: { score: 0.8, gap: 'omitted' } }), 'en', undefined)).toEqual([
      { id: 'd:u1', source: 'Мост открыли в мае.', target: '', alignment: { omitted: true } },
    ]);
    // Another language's gap says nothing about this one.
    expect(checkPairOf(unit({ kk: { gap: 'omitted' } }), 'en', undefined)).toEqual([]);
  });

  it('passes on the sentences that had no unit, and nothing for a unit whose text went to another row', () => {
    expect(checkPairOf(unit({ en: { added: ['Extra.'] } }), 'en', 'The bridge opened. Extra.')).toEqual([
      {
        id: 'd:u1',
        source: 'Мост открыли в мае.',
        target: 'The bridge opened. Extra.',
        alignment: { added: ['Extra.'] },
      },
    ]);
    expect(checkPairOf(unit({ en: { gap: 'merged', into: 0 } }), 'en', undefined)).toEqual([]);
  });
});
