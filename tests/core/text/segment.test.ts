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
    ['kk', 'Бұл 2015 ж. Содан кейін бәрі өзгерді.', ['Бұл 2015 ж.', 'Содан кейін бәрі өзгерді.']],
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
