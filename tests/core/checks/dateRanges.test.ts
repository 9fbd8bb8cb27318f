import { describe, expect, it } from 'vitest';
import { checkPair } from '../../../src/core/checks/index.ts';
import { findDates } from '../../../src/core/checks/util/dates.ts';

// Sentences written for these tests, apart from the Kazakh dates evaluation set.
const dateFindings = (source: string, target: string, sourceLang = 'ru') =>
  checkPair({ id: 'u', source, target }, { sourceLang, targetLang: 'kk' })
    .filter((i) => ['date-mismatch', 'number-missing', 'number-extra'].includes(i.check))
    .map((i) => [i.check, i.target?.[0] ? target.slice(i.target[0].start, i.target[0].end) : '']);

describe('day ranges', () => {
  it.each([
    ['Выставка открыта с 3 по 12 мая 2022 года.', 'Көрме 2022 жылғы 3 мамырдан 12 мамырға дейін ашық.', 'ru'],
    [
      'The exhibition is open from 3 to 12 May 2022.',
      'Көрме 2022 жылғы 3 мамырдан 12 мамырға дейін ашық.',
      'en',
    ],
    ['Заявки принимаются с 4 по 18 ноября.', 'Өтінімдер 4-нен 18 қарашаға дейін қабылданады.', 'ru'],
    ['Курсы проходят 5–9 октября.', 'Курстар 5-9 қазан аралығында өтеді.', 'ru'],
    ['Courses run on 5–9 October.', 'Курстар 5 қазаннан 9 қазанға дейін өтеді.', 'en'],
  ])('are one month for both days: %s = %s', (source, target, lang) => {
    expect(dateFindings(source, target, lang)).toEqual([]);
  });

  it.each([
    [
      'Выставка открыта с 3 по 12 мая 2022 года.',
      'Көрме 2022 жылғы 3 мамырдан 12 маусымға дейін ашық.',
      '12 маусымға',
    ],
    [
      'Заявки принимаются с 4 по 18 ноября.',
      'Өтінімдер 2022 жылғы 5 қарашадан 18 қарашаға дейін қабылданады.',
      '2022 жылғы 5 қарашадан',
    ],
  ])('report the day or month that differs: %s ≠ %s', (source, target, wrong) => {
    expect(dateFindings(source, target)).toEqual([['date-mismatch', wrong]]);
  });

  it('with a wrong month are one mistake, covering both days on each side', () => {
    const source = 'Выставка открыта с 3 по 12 мая 2022 года.';
    const target = 'Көрме 2022 жылғы 3 маусымнан 12 маусымға дейін ашық.';
    const found = checkPair({ id: 'u', source, target }, { sourceLang: 'ru', targetLang: 'kk' }).filter(
      (i) => i.check === 'date-mismatch',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.params).toEqual({
      date: '3 по 12 мая 2022',
      target: '2022 жылғы 3 маусымнан 12 маусымға',
    });
    expect(found[0]!.source?.map((s) => source.slice(s.start, s.end))).toEqual(['3', '12 мая 2022']);
    expect(found[0]!.target?.map((s) => target.slice(s.start, s.end))).toEqual([
      '2022 жылғы 3 маусымнан',
      '12 маусымға',
    ]);
  });

  it('read the first day of a range with the month after it, and nothing else as a day', () => {
    const days = (text: string, lang: string) =>
      findDates(text, lang).map((d) => [text.slice(d.start, d.end), d.day, d.month, d.year]);
    expect(days('с 1 по 15 июня 2023 года', 'ru')).toEqual([
      ['1', 1, 6, 2023],
      ['15 июня 2023', 15, 6, 2023],
    ]);
    expect(days('from 1 to 15 June', 'en')).toEqual([
      ['1', 1, 6, undefined],
      ['15 June', 15, 6, undefined],
    ]);
    expect(days('10-нан 20 сәуірге дейін', 'kk')).toEqual([
      ['10', 10, 4, undefined],
      ['20 сәуірге', 20, 4, undefined],
    ]);
    // Not a range: a number before a date with no range word, a later day first, a decimal, an order number.
    expect(days('пункт 3, 15 мая', 'ru')).toEqual([['15 мая', 15, 5, undefined]]);
    expect(days('с 20 по 5 мая', 'ru')).toEqual([['5 мая', 5, 5, undefined]]);
    expect(days('1,5 – 15 мая', 'ru')).toEqual([['15 мая', 15, 5, undefined]]);
    expect(days('приказ № 7 от 12 мая', 'ru')).toEqual([['12 мая', 12, 5, undefined]]);
  });
});

describe('a date whose month the target drops', () => {
  it.each([
    ['Закон принят 5 июня 2015 года.', 'Заң 2015 жылы қабылданды.', 'kk'],
    ['Закон принят 5 июня 2015 года.', 'Заң 2015 жылғы 5-і қабылданды.', 'kk'],
    ['Закон принят 5 июня 2015 года.', 'The law was adopted on 5, 2015.', 'en'],
  ])('is one missing date, not also numbers the target adds: %s → %s', (source, target, targetLang) => {
    const found = checkPair({ id: 'u', source, target }, { sourceLang: 'ru', targetLang })
      .filter((i) => ['date-mismatch', 'number-missing', 'number-extra'].includes(i.check))
      .map((i) => i.check);
    expect(found).toEqual(['date-mismatch']);
  });

  it('still reports a number the target adds beside it', () => {
    const source = 'Закон принят 5 июня 2015 года.';
    const target = 'Заң 2015 жылы 7 рет қабылданды.';
    const found = checkPair({ id: 'u', source, target }, { sourceLang: 'ru', targetLang: 'kk' })
      .filter((i) => ['date-mismatch', 'number-extra'].includes(i.check))
      .map((i) => [i.check, i.target?.[0] ? target.slice(i.target[0].start, i.target[0].end) : '']);
    expect(found).toEqual([
      ['date-mismatch', ''],
      ['number-extra', '7'],
    ]);
  });
});
