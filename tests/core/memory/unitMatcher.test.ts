import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/core/memory/unitMatcher.ts';
import type { MemoryEntry } from '../../../src/core/memory/types.ts';
import type { Unit } from '../../../src/core/model/types.ts';

const entry = (over: Partial<MemoryEntry>): MemoryEntry => ({
  id: 'x',
  memoryId: 'p',
  sourceLang: 'ru',
  targetLang: 'en',
  source: '',
  target: '',
  createdBy: 'ann',
  createdAt: 1,
  updatedBy: 'ann',
  updatedAt: 1,
  ...over,
});

const unit = (index: number, source: string, mt: Record<string, string> = {}): Unit =>
  ({
    id: `d2:u${index}`,
    documentId: 'd2',
    index,
    paragraph: 0,
    kind: 'sentence',
    separator: '',
    source,
    mt,
  }) as unknown as Unit;

// Sentences written for this test.
const entries = [
  entry({
    id: 'd1:u0:en',
    source: 'Офис закрыт в праздничные дни.',
    target: 'The office is closed on public holidays.',
  }),
  entry({
    id: 'd1:u1:kk',
    targetLang: 'kk',
    source: 'Офис закрыт в праздничные дни.',
    target: 'Кеңсе мереке күндері жабық.',
  }),
  entry({
    id: 'd1:u2:en',
    mt: 'Office is closed in festive days.',
    target: 'The office is closed on public holidays.',
  }),
  entry({
    id: 'tmx:1',
    sourceLang: 'de',
    source: 'Das Büro ist geschlossen.',
    target: 'The office is closed.',
  }),
];

describe('createMatcher', () => {
  it('matches the source against entries of the same languages only', () => {
    const matchesFor = createMatcher(entries, 'ru');
    const found = matchesFor(unit(0, 'Офис закрыт в выходные дни.'), 'en');
    expect(found.kind).toBe('source');
    expect(found.matches.map((m) => m.item.id)).toEqual(['d1:u0:en']);
    expect(matchesFor(unit(0, 'Офис закрыт в выходные дни.'), 'kk').matches.map((m) => m.item.id)).toEqual([
      'd1:u1:kk',
    ]);
  });

  it('where there is no source, matches the machine translation against corrected earlier ones', () => {
    const mtUnit = unit(0, '', { en: 'Office is closed in holiday days.' });
    const found = createMatcher(entries, 'ru')(mtUnit, 'en');
    expect(found.kind).toBe('mt');
    expect(found.matches.map((m) => [m.item.id, m.item.target])).toEqual([
      ['d1:u2:en', 'The office is closed on public holidays.'],
    ]);
    expect(found.matches[0]?.score).toBeGreaterThanOrEqual(70);
  });

  it("leaves out the unit's own entry and finds nothing without a unit or text", () => {
    const own = { ...unit(0, 'Офис закрыт в праздничные дни.'), id: 'd1:u0' } as Unit;
    const matchesFor = createMatcher(entries, 'ru');
    expect(matchesFor(own, 'en').matches.map((m) => m.item.id)).not.toContain('d1:u0:en');
    expect(matchesFor(undefined, 'en').matches).toEqual([]);
    expect(matchesFor(unit(0, ''), 'en').matches).toEqual([]);
  });
});
