import { describe, expect, it } from 'vitest';
import { dateFormatter } from '../../src/i18n/formatDate.ts';

const at = new Date(2026, 11, 1, 13, 20).getTime();

describe('dateFormatter', () => {
  it.each([
    ['day', '01.12.2026'],
    ['short', '01.12.2026, 13:20'],
    ['long', '2026 ж. 1 желтоқсан, 13:20'],
  ] as const)('writes Kazakh %s dates as Kazakh readers do', (style, expected) => {
    expect(dateFormatter('kk', style)(at)).toBe(expected);
  });

  it('names every month in Kazakh, never "M12"', () => {
    const months = Array.from({ length: 12 }, (_, m) =>
      dateFormatter('kk', 'long')(new Date(2026, m, 5, 9, 0).getTime()),
    );
    expect(months[0]).toBe('2026 ж. 5 қаңтар, 09:00');
    expect(months[8]).toBe('2026 ж. 5 қыркүйек, 09:00');
    expect(months.filter((text) => /M\d/.test(text))).toEqual([]);
  });

  it('leaves Russian and English to the platform', () => {
    expect(dateFormatter('ru', 'day')(at)).toBe('01.12.2026');
    expect(dateFormatter('ru', 'long')(at)).toMatch(/^1 дек\. 2026 г\., 13:20$/);
    expect(dateFormatter('en', 'long')(at)).toMatch(/^Dec 1, 2026, 1:20\sPM$/);
  });
});
