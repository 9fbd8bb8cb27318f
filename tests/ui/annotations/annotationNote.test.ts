import { describe, expect, it } from 'vitest';
import { createI18nFor } from '../../../src/i18n/i18n.ts';
import { annotationNote } from '../../../src/ui/features/annotations/annotationNote.ts';

const promoted = {
  fromCheck: 'number-missing',
  message: { key: 'checks.numbers.missing', params: { number: '1 500' } },
};

describe('annotationNote', () => {
  it('renders a promoted QA message in each reader’s language', async () => {
    const readers = await Promise.all((['en', 'ru', 'kk'] as const).map((l) => createI18nFor(l)));
    expect(readers.map((i18n) => annotationNote(i18n.t, promoted))).toEqual([
      'The number 1 500 is missing or changed in the translation.',
      'Число 1 500 пропущено или изменено в переводе.',
      '1 500 саны аудармада жоқ немесе өзгертілген.',
    ]);
  });

  it('shows the note its author typed as it is', async () => {
    const ru = await createI18nFor('ru');
    expect(annotationNote(ru.t, { note: 'калька' })).toBe('калька');
    expect(annotationNote(ru.t, {})).toBe('');
  });
});
