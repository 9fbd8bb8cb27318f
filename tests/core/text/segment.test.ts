import { describe, expect, it } from 'vitest';
import { joinSegments, segmentText, splitSentences } from '../../../src/core/text/segment.ts';

describe('splitSentences keeps abbreviations, initials and numbers inside a sentence', () => {
  const cases: [string, string, string[]][] = [
    ['en', 'See No. 37 of the register.', ['See No. 37 of the register.']],
    ['en', 'Under Art. 10 the akim decides.', ['Under Art. 10 the akim decides.']],
    ['en', 'Bodies, i.e. the akimats, act.', ['Bodies, i.e. the akimats, act.']],
    ['en', 'Police, courts etc. are listed.', ['Police, courts etc. are listed.']],
    ['en', 'Mr. Smith arrived.', ['Mr. Smith arrived.']],
    ['en', 'It was signed by K. Massimov in Astana.', ['It was signed by K. Massimov in Astana.']],
    ['en', 'Growth was 3.5 percent.', ['Growth was 3.5 percent.']],
    [
      'en',
      'Write to mail@municipal-police.ru for details.',
      ['Write to mail@municipal-police.ru for details.'],
    ],
    ['en', 'Visit www.gov.kz. It has the law.', ['Visit www.gov.kz.', 'It has the law.']],
    ['ru', 'Закон принят в 2015 г. парламентом.', ['Закон принят в 2015 г. парламентом.']],
    ['ru', 'Органы, т. е. акиматы, действуют.', ['Органы, т. е. акиматы, действуют.']],
    ['ru', 'Органы, т.е. акиматы, действуют.', ['Органы, т.е. акиматы, действуют.']],
    ['ru', 'Полиция, суды и т. д. перечислены.', ['Полиция, суды и т. д. перечислены.']],
    ['ru', 'Согласно ст. 10 закона аким решает.', ['Согласно ст. 10 закона аким решает.']],
    ['ru', 'Подписал К. Масимов.', ['Подписал К. Масимов.']],
    ['kk', 'Заң 2015 ж. қабылданды.', ['Заң 2015 ж. қабылданды.']],
    ['kk', 'Әкімдер, мәслихаттар т.б. органдар.', ['Әкімдер, мәслихаттар т.б. органдар.']],
  ];
  it.each(cases)('%s: %s', (lang, text, expected) => {
    expect(splitSentences(text, lang)).toEqual(expected);
  });
});

describe('splitSentences splits where a sentence really ends', () => {
  const cases: [string, string, string[]][] = [
    ['en', 'The law was adopted. It entered into force.', ['The law was adopted.', 'It entered into force.']],
    ['en', 'Do you know more? Do you want to tell?', ['Do you know more?', 'Do you want to tell?']],
    ['en', 'It failed! Nobody knew why.', ['It failed!', 'Nobody knew why.']],
    ['en', 'He said «It is over.» Then he left.', ['He said «It is over.»', 'Then he left.']],
    [
      'en',
      'It began in January, 2016. The law followed.',
      ['It began in January, 2016.', 'The law followed.'],
    ],
    [
      'en',
      'The list ends with courts etc. The next part is new.',
      ['The list ends with courts etc.', 'The next part is new.'],
    ],
    [
      'en',
      'It is closed (see the decree.) Work went on.',
      ['It is closed (see the decree.)', 'Work went on.'],
    ],
    ['ru', 'Закон принят. Он вступил в силу.', ['Закон принят.', 'Он вступил в силу.']],
    ['ru', 'Это было в 2015 г. Затем всё изменилось.', ['Это было в 2015 г.', 'Затем всё изменилось.']],
    ['ru', 'Вы знаете больше? Напишите нам!', ['Вы знаете больше?', 'Напишите нам!']],
    ['kk', 'Заң қабылданды. Ол күшіне енді.', ['Заң қабылданды.', 'Ол күшіне енді.']],
    [
      'kk',
      'Бұл 2015 ж. болды. Содан кейін бәрі өзгерді.',
      ['Бұл 2015 ж. болды.', 'Содан кейін бәрі өзгерді.'],
    ],
  ];
  it.each(cases)('%s: %s', (lang, text, expected) => {
    expect(splitSentences(text, lang)).toEqual(expected);
  });
});

describe('segmentText', () => {
  it('never lets a segment cross a line break and numbers paragraphs by line', () => {
    const segments = segmentText('Title\n\nFirst one. Second one.\nThird line\n', 'en');
    expect(segments.map((s) => [s.text, s.paragraph, s.kind])).toEqual([
      ['Title', 0, 'heading'],
      ['First one.', 1, 'sentence'],
      ['Second one.', 1, 'sentence'],
      ['Third line', 2, 'heading'],
    ]);
  });

  it('makes list items and footnote definitions units of their own', () => {
    const segments = segmentText(
      'Services:\n- local police inspectors;\n- road patrol. It grows.\n** Maslikhat – body.',
      'en',
    );
    expect(segments.map((s) => [s.text, s.kind])).toEqual([
      ['Services:', 'heading'],
      ['- local police inspectors;', 'listItem'],
      ['- road patrol. It grows.', 'listItem'],
      ['** Maslikhat – body.', 'listItem'],
    ]);
  });

  it('accepts a BOM and CRLF line ends', () => {
    expect(segmentText('\uFEFFOne.\r\nTwo.\r\n', 'en').map((s) => s.text)).toEqual(['One.', 'Two.']);
  });

  it('rebuilds the text, blank lines included, from separators', () => {
    const text = 'Title\n\n\nFirst one. Second one.\nThird line\n';
    expect(joinSegments(segmentText(text, 'en'))).toBe(text);
  });
});

describe('abbreviations that may end a sentence end it only before a capitalised word', () => {
  // [lang, text, expected sentences]: each abbreviation both ending a sentence and not ending one.
  const cases: [string, string, string[]][] = [
    [
      'ru',
      'Пришли ветераны, студенты и т. д. Встреча длилась час.',
      ['Пришли ветераны, студенты и т. д.', 'Встреча длилась час.'],
    ],
    [
      'ru',
      'Пришли ветераны, студенты и т. д. и все остались.',
      ['Пришли ветераны, студенты и т. д. и все остались.'],
    ],
    [
      'ru',
      'Выступили депутаты, акимы и др. Решение приняли единогласно.',
      ['Выступили депутаты, акимы и др.', 'Решение приняли единогласно.'],
    ],
    ['ru', 'Выступили депутаты, акимы и др. лица.', ['Выступили депутаты, акимы и др. лица.']],
    [
      'ru',
      'Бюджет вырос на 3 млн. Расходы тоже выросли.',
      ['Бюджет вырос на 3 млн.', 'Расходы тоже выросли.'],
    ],
    ['ru', 'Бюджет вырос на 3 млн. тенге за год.', ['Бюджет вырос на 3 млн. тенге за год.']],
    ['ru', 'Это случилось в XIX в. Город тогда был мал.', ['Это случилось в XIX в.', 'Город тогда был мал.']],
    ['ru', 'Он переехал в г. Алматы весной.', ['Он переехал в г. Алматы весной.']],
    ['ru', 'Согласно ст. 10 и п. 2 закона решение верно.', ['Согласно ст. 10 и п. 2 закона решение верно.']],
    ['ru', 'Документ подписал А.Б. Сейткали.', ['Документ подписал А.Б. Сейткали.']],
    [
      'ru',
      '«Кто здесь?» — спросила она. Ответа не было.',
      ['«Кто здесь?» — спросила она.', 'Ответа не было.'],
    ],
    [
      'kk',
      'Жиынға ардагерлер, студенттер т.б. Кездесу бір сағатқа созылды.',
      ['Жиынға ардагерлер, студенттер т.б.', 'Кездесу бір сағатқа созылды.'],
    ],
    ['kk', 'Жиынға ардагерлер, студенттер т.б. қатысты.', ['Жиынға ардагерлер, студенттер т.б. қатысты.']],
    ['kk', 'Заң 2015 ж. 2 қарашада қабылданды.', ['Заң 2015 ж. 2 қарашада қабылданды.']],
    [
      'kk',
      'Оны 1969 ж. К. А. Ақышев тапты. Бұл 2015 ж. болды.',
      ['Оны 1969 ж. К. А. Ақышев тапты.', 'Бұл 2015 ж. болды.'],
    ],
    ['kk', 'Ол Алматы қ. тұрады.', ['Ол Алматы қ. тұрады.']],
    ['kk', 'Бюджет 5 млн. Шығыстар да өсті.', ['Бюджет 5 млн.', 'Шығыстар да өсті.']],
    ['kk', 'Бюджет 5 млн. теңгеге өсті.', ['Бюджет 5 млн. теңгеге өсті.']],
    [
      'en',
      'They bought pens, paper, ink etc. The shop closed at noon.',
      ['They bought pens, paper, ink etc.', 'The shop closed at noon.'],
    ],
    ['en', 'They bought pens, paper, ink etc. and left.', ['They bought pens, paper, ink etc. and left.']],
    ['en', 'See No. 5 of the list.', ['See No. 5 of the list.']],
    ['en', 'It opens at 9 a.m. Visitors queue early.', ['It opens at 9 a.m.', 'Visitors queue early.']],
    ['en', 'It opens at 9 a.m. on weekdays.', ['It opens at 9 a.m. on weekdays.']],
    ['en', 'The letter was signed by J.R. Hartley.', ['The letter was signed by J.R. Hartley.']],
    [
      'en',
      'The play was directed by Ye. Obayev. It ran for a year.',
      ['The play was directed by Ye. Obayev.', 'It ran for a year.'],
    ],
    ['en', 'See vol. 3, no. 4 of the journal.', ['See vol. 3, no. 4 of the journal.']],
    ['en', 'It opens at the Museum of Arts. It is free.', ['It opens at the Museum of Arts.', 'It is free.']],
    ['en', 'Under Art. 12 it is so.', ['Under Art. 12 it is so.']],
    [
      'en',
      'The deadline is 15 Sept. The fine is 15 MCI.',
      ['The deadline is 15 Sept.', 'The fine is 15 MCI.'],
    ],
    ['en', 'It came on Dec. 5, 2022.', ['It came on Dec. 5, 2022.']],
    ['ru', 'Срок — до 15 сент. Штраф — 15 МРП.', ['Срок — до 15 сент.', 'Штраф — 15 МРП.']],
    ['ru', 'Письмо пришло 5 дек. 2022 г. утром.', ['Письмо пришло 5 дек. 2022 г. утром.']],
    [
      'ru',
      'Экспорт вырос до 920 тыс. т. Покупатели довольны.',
      ['Экспорт вырос до 920 тыс. т.', 'Покупатели довольны.'],
    ],
    ['ru', 'Опубликовано в журнале, т. 3, № 4.', ['Опубликовано в журнале, т. 3, № 4.']],
    [
      'ru',
      'Скорость света 299 792 км/с. Это постоянная.',
      ['Скорость света 299 792 км/с.', 'Это постоянная.'],
    ],
    ['ru', 'Уровень зависит от стока р. Или весной.', ['Уровень зависит от стока р. Или весной.']],
  ];
  it.each(cases)('%s: %s', (lang, text, expected) => {
    expect(splitSentences(text, lang)).toEqual(expected);
  });
});
