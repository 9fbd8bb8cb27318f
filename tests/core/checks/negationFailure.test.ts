import { describe, expect, it } from 'vitest';
import { checkPair } from '../../../src/core/checks/index.ts';

// Sentences written for this test, apart from the evaluation sets.
const lost = (source: string, target: string, targetLang: string) =>
  checkPair({ id: 'u', source, target }, { sourceLang: 'ru', targetLang }).some(
    (i) => i.check === 'negation-lost',
  );

describe('a failure rendered as an error', () => {
  it.each([
    ['Не удалось сохранить отчёт', 'Есепті сақтау қатесі', 'kk'],
    ['Не удалось открыть архив', 'Error opening the archive', 'en'],
  ])('keeps the negation: %s → %s', (source, target, lang) => {
    expect(lost(source, target, lang)).toBe(false);
  });

  it.each([
    ['Не удалось сохранить отчёт', 'Есеп сақталды', 'kk'],
    ['Не удалось открыть архив', 'The archive was opened', 'en'],
  ])('but a success still loses it: %s → %s', (source, target, lang) => {
    expect(lost(source, target, lang)).toBe(true);
  });
});
