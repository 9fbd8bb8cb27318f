import { describe, expect, it } from 'vitest';
import { Marks, textMarks } from '../../../src/core/checks/util/codes.ts';

// Each mark stands in for a search the scanners used to run on their own: it must agree with that search.
const SEARCHES: readonly [keyof typeof Marks, RegExp][] = [
  ['DIGIT', /\d/],
  ['NEAR', /\d\D{1,3}\d/u],
  ['PLUS', /\+\d/],
  ['BRACKET', /\(\d\d/],
  ['HYPHEN', /\d-\d/],
  ['SPACE', /\d[ \u00a0]\d/u],
  ['GROUPED', /\d[ \u00a0\u2009()-]+\d/u],
  ['DOT_OR_SLASH', /\d[./]\d/],
  ['SEPARATED', /\d[ ,.\u00a0\u202f]\d/u],
  ['ROMAN', /[IVXLCХІС]/u],
];

const TEXTS = [
  '',
  'Без цифр и без знаков.',
  'см. приложение 5134',
  'с 06.12.2014 по 01/04/12',
  '+7 716 220 91 94',
  'тел. 8 (7172) 74-36-89',
  '1 500 и 2\u00a0750 000',
  '15\u202f000,5 тенге',
  '1,500.5 million',
  '12 ab 34',
  '1😀2',
  '1😀😀2',
  '1😀😀😀😀2',
  '1\ud8002',
  '4 - 5',
  '7 ( 8',
  '2019 2020',
  'XIX век, ХХ ғасыр, І кезең, С 5 мая',
  'in the 1990s',
  'Ⅻ ½ ٣ ३',
  '3.2.1',
  'рост на 3,5 млн',
  'страницы 2-3',
  'доля 1/2',
  'ряд 4\u00a05',
  'группы 4\u20095',
  'нет (12',
];

describe('textMarks', () => {
  for (const text of TEXTS) {
    it(`agrees with each search it replaces on ${JSON.stringify(text)}`, () => {
      const marks = textMarks(text);
      for (const [name, search] of SEARCHES) {
        expect([name, (marks & Marks[name]) !== 0]).toEqual([name, search.test(text)]);
      }
    });
  }

  it('marks a character that may be a digit of another script, and none for Cyrillic or dashes', () => {
    expect(textMarks('٣ апреля') & Marks.OTHER_DIGIT).toBe(Marks.OTHER_DIGIT);
    expect(textMarks('3 апреля — «в срок»') & Marks.OTHER_DIGIT).toBe(0);
  });
});
