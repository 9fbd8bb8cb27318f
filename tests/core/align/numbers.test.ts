import { describe, expect, it } from 'vitest';
import { monthNumber, numberKeys, parseNumber } from '../../../src/core/align/numbers.ts';

describe('numberKeys: the same date in Russian, Kazakh, English and digits gives the same key', () => {
  const date = 'd:2015-11-02';
  it.each([
    ['ru', '2 ноября 2015 года'],
    ['ru', 'Встреча прошла 2 ноября 2015 г. в Талдыкоргане.'],
    ['ru', 'состоялась 2-го ноября 2015 года'],
    ['kk', '2015 жылғы 2 қарашада'],
    ['kk', '2015 жылғы 2 қараша'],
    ['kk', '2015 ж. 2 қарашада'],
    ['en', 'November 2, 2015'],
    ['en', 'on November 2nd 2015'],
    ['en', '2 November 2015'],
    ['en', 'the 2nd of November 2015'],
    ['ru', '02.11.2015'],
    ['kk', '02.11.2015'],
    ['en', '2015-11-02'],
    ['en', '11/02/2015'],
    ['ru', '02/11/2015'],
    ['de', '2. November 2015'],
    ['fr', 'le 2 novembre 2015'],
  ])('%s: %s', (lang, text) => {
    const keys = numberKeys(text, lang);
    expect(keys).toContain(date);
    // The year also stands alone, so "в 2015 году" meets a full date.
    expect(keys).toContain('n:2015');
    // The day is part of the date, not a separate number.
    expect(keys).not.toContain('n:2');
  });

  it.each([
    ['ru', 'до 1 декабря', 'md:12-01'],
    ['kk', '1 желтоқсанға дейін', 'md:12-01'],
    ['en', 'by December 1', 'md:12-01'],
    ['ru', 'на март 2016 года', 'ym:2016-03'],
    ['kk', '2016 жылғы наурызға', 'ym:2016-03'],
    ['en', 'for March 2016', 'ym:2016-03'],
    ['ru', 'в 10:30', 't:10:30'],
  ])('partial dates and times, %s: %s', (lang, text, key) => {
    expect(numberKeys(text, lang)).toContain(key);
  });
});

describe('numberKeys: numbers by the conventions of each language', () => {
  it.each([
    ['ru', '1 500,5', 'n:1500.5'],
    ['en', '1,500.5', 'n:1500.5'],
    ['kk', '1 500,5', 'n:1500.5'],
    ['de', '1.500,5', 'n:1500.5'],
    ['ru', '1\u00a0500', 'n:1500'],
    ['ru', '9\u202f870 преступлений', 'n:9870'],
    ['en', '9,870 crimes', 'n:9870'],
    ['ru', '4,7 процента', 'n:4.7'],
    ['en', '4.7 percent', 'n:4.7'],
    ['ru', '512,3 млрд тенге', 'n:512300000000'],
    ['en', '512.3 billion tenge', 'n:512300000000'],
    ['kk', '512,3 млрд теңге', 'n:512300000000'],
    ['ru', '5 млн', 'n:5000000'],
    ['en', '5 million', 'n:5000000'],
    ['kk', '3 мың адам', 'n:3000'],
    ['en', '3 thousand people', 'n:3000'],
    ['kk', '1 500-ден астам', 'n:1500'],
    ['en', 'in 2016.', 'n:2016'],
    ['ru', "1'500", 'n:1500'],
    ['en', '12%', 'n:12'],
  ])('%s: %s → %s', (lang, text, key) => {
    expect(numberKeys(text, lang)).toEqual([key]);
  });

  it('reads 1.500 and 1,500 by the language', () => {
    expect(parseNumber('1.500', 'de')).toBe(1500);
    expect(parseNumber('1.500', 'en')).toBe(1.5);
    expect(parseNumber('1,500', 'en')).toBe(1500);
    expect(parseNumber('1,500', 'ru')).toBe(1.5);
    expect(parseNumber('1,5', 'en')).toBe(1.5);
    expect(parseNumber('1 500 000', 'ru')).toBe(1500000);
    expect(parseNumber('1 50', 'ru')).toBeNaN();
    expect(parseNumber('abc', 'ru')).toBeNaN();
  });

  it('keeps the numbers of a sentence in order and ignores letters glued to digits', () => {
    expect(numberKeys('В регионе построено 312 километров дорог и 14 новых школ.', 'ru')).toEqual([
      'n:312',
      'n:14',
    ]);
    expect(numberKeys('Версия COVID19 и mp3', 'ru')).toEqual([]);
    expect(numberKeys('Раздел 1.2.3 закона', 'ru')).toEqual(['n:1', 'n:2', 'n:3']);
  });
});

describe('monthNumber', () => {
  it.each([
    ['января', 1],
    ['Қаңтар', 1],
    ['ақпанда', 2],
    ['March', 3],
    ['наурыз', 3],
    ['мая', 5],
    ['мамырда', 5],
    ['шілде', 7],
    ['сентября', 9],
    ['қыркүйекте', 9],
    ['қазанда', 10],
    ['ноябре', 11],
    ['қараша', 11],
    ['желтоқсан', 12],
    ['Dezember', 12],
    ['décembre', 12],
    ['Sept.', 9],
  ])('%s → %i', (word, month) => {
    expect(monthNumber(word)).toBe(month);
  });

  it.each(['марка', 'маяк', 'казан', 'июнь2', 'may-be', 'мамыры2'])('%s is not a month', (word) => {
    expect(monthNumber(word)).toBe(0);
  });
});
