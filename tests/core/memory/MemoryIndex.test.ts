import { describe, expect, it } from 'vitest';
import { buildMemoryIndex, lookupMemory } from '../../../src/core/memory/MemoryIndex.ts';
import { diffToMarkup } from '../../../src/core/review/diff.ts';

type Item = { readonly key: string; readonly target: string; readonly context?: string };

const items: Item[] = [
  { key: 'Article 10 applies to all residents.', target: 'Статья 10 применяется ко всем жителям.' },
  {
    key: 'The office is closed on public holidays.',
    target: 'Офис закрыт в праздничные дни.',
    context: 'Opening hours.',
  },
  { key: 'The office is closed on Sundays.', target: 'Офис закрыт по воскресеньям.' },
  { key: 'Tax forms are available at the library.', target: 'Налоговые формы есть в библиотеке.' },
  { key: '', target: 'no key: never indexed' },
];
const index = buildMemoryIndex(items, (i) => i.key);

describe('lookupMemory', () => {
  it('finds a match that differs only in a number, with the number difference shown', () => {
    const [match] = lookupMemory(index, 'Article 12 applies to all residents.');
    expect(match?.item.target).toBe('Статья 10 применяется ко всем жителям.');
    expect(match?.score).toBeGreaterThanOrEqual(95);
    expect(match?.score).toBeLessThan(100);
    expect(diffToMarkup(match?.diff ?? [])).toBe(
      'Article <del>10</del><ins>12</ins> applies to all residents.',
    );
  });

  it('orders matches best first and keeps at most three at 50 % or more', () => {
    const matches = lookupMemory(index, 'The office is closed on public holidays.');
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
    expect(matches[0]?.score).toBe(100);
    expect(matches.length).toBeLessThanOrEqual(3);
    expect(matches.every((m) => m.score >= 50)).toBe(true);
  });

  it('scores 101 when the previous segment matches as well', () => {
    const [match] = lookupMemory(index, 'The office is closed on public holidays.', {
      context: 'Opening hours.',
      contextOf: (i) => i.context,
    });
    expect(match?.score).toBe(101);
  });

  it('returns nothing for an unrelated sentence', () => {
    expect(lookupMemory(index, 'The bridge will reopen next spring.')).toEqual([]);
  });

  it('leaves out skipped items', () => {
    const matches = lookupMemory(index, 'Tax forms are available at the library.', {
      skip: (i) => i.key.startsWith('Tax'),
    });
    expect(matches.some((m) => m.item.key.startsWith('Tax'))).toBe(false);
  });

  it('indexes only items with a key', () => {
    expect(index.items).toHaveLength(4);
  });
});
