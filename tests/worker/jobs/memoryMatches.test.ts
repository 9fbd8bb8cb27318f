import { describe, expect, it } from 'vitest';
import { memoryMatchesJob } from '../../../src/worker/jobs/memoryMatches.ts';
import type { MemoryEntry } from '../../../src/core/memory/types.ts';
import type { Unit } from '../../../src/core/model/types.ts';

const entries: MemoryEntry[] = [
  {
    id: 'd1:u0:en',
    memoryId: 'p',
    sourceLang: 'ru',
    targetLang: 'en',
    source: 'Офис закрыт в праздничные дни.',
    target: 'The office is closed on public holidays.',
    context: 'Часы работы.',
    createdBy: 'ann',
    createdAt: 1,
    updatedBy: 'ann',
    updatedAt: 1,
  },
];
const unit = (index: number, source: string) =>
  ({
    id: `d2:u${index}`,
    documentId: 'd2',
    index,
    paragraph: 0,
    kind: 'sentence',
    separator: '',
    source,
    mt: {},
  }) as unknown as Unit;

describe('memoryMatchesJob', () => {
  it('answers stale for a read it does not hold, then keeps the sent entries for later look-ups', () => {
    const ask = {
      key: 'read-a',
      sourceLang: 'ru',
      unit: unit(1, 'Офис закрыт в праздничные дни.'),
      lang: 'en',
    };
    expect(memoryMatchesJob(ask)).toEqual({ stale: true });
    const first = memoryMatchesJob({ ...ask, entries });
    expect('stale' in first ? [] : first.matches.map((m) => m.score)).toEqual([100]);
    const inContext = memoryMatchesJob({ ...ask, previous: unit(0, 'Часы работы.') });
    expect('stale' in inContext ? [] : inContext.matches.map((m) => m.score)).toEqual([101]);
    expect(memoryMatchesJob({ ...ask, key: 'read-b' })).toEqual({ stale: true });
  });
});
