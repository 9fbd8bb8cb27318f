import { describe, expect, it } from 'vitest';
import { checkPair } from '../../../src/core/checks/index.ts';

// Sentences written for this test, apart from the evaluation sets.
const wrongLanguage = (source: string, target: string, targetLang: string) =>
  checkPair({ id: 'u', source, target }, { sourceLang: 'ru', targetLang })
    .filter((i) => i.check === 'wrong-language')
    .map((i) => i.params?.found);

describe('wrong-language on Cyrillic text with Latin names', () => {
  it.each([
    ['Редактор Adobe Acrobat Reader DC', 'Adobe Acrobat Reader DC редакторы', 'kk'],
    ['Магазин Google Chrome Web Store', 'Google Chrome Web Store дүкені', 'kk'],
    ['Microsoft Visual Studio Code Insiders', 'Редактор Microsoft Visual Studio Code Insiders', 'ru'],
  ])('is silent when the Latin words are names: %s → %s', (source, target, lang) => {
    expect(wrongLanguage(source, target, lang)).toEqual([]);
  });

  it.each([
    ['Служба полиции начала работу в январе.', 'The police service began its work in January.', 'kk'],
    ['Нажмите кнопку сохранения.', 'Click the Save button to keep the file — сақтау', 'kk'],
    ['Служба полиции начала работу в январе.', 'The police service began its work in January.', 'ru'],
  ])('still fires on Latin prose: %s → %s', (source, target, lang) => {
    expect(wrongLanguage(source, target, lang)).toHaveLength(1);
  });
});
