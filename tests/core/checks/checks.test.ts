import { describe, expect, it } from 'vitest';
import { checkPair, type CheckContext, type Issue } from '../../../src/core/checks/index.ts';

/** Issues of one check as [checkId, highlighted text] (target span, or source span when there is none). */
function found(
  check: string,
  source: string,
  target: string,
  context: Partial<CheckContext> = {},
): [string, string][] {
  const issues = checkPair({ id: 'u1', source, target }, { sourceLang: 'ru', targetLang: 'en', ...context });
  return issues
    .filter((i: Issue) => i.check === check)
    .map((i) => {
      const t = i.target?.[0];
      const s = i.source?.[0];
      return [i.check, t ? target.slice(t.start, t.end) : s ? source.slice(s.start, s.end) : ''];
    });
}

type Case = readonly [
  check: string,
  lang: 'en' | 'kk',
  source: string,
  target: string,
  highlight: string | null,
];

// highlight: the text the issue must highlight; null: the check must stay quiet.
const CASES: readonly Case[] = [
  // numbers
  ['number-missing', 'en', 'В городе 1 500 полицейских.', 'The city has 1,500 police officers.', null],
  ['number-missing', 'en', 'Сумма 1 500,5 тенге.', 'The sum is 1,500.5 tenge.', null],
  ['number-missing', 'en', 'Рост на 30%.', 'Growth of 30 %.', null],
  ['number-missing', 'en', 'Два раза в год.', 'Twice a year.', null],
  ['number-missing', 'en', 'Это было 2 раза.', 'It happened two times.', null],
  ['number-missing', 'en', 'Бюджет 2,5 млн тенге.', 'A budget of 2,500,000 tenge.', null],
  ['number-missing', 'en', 'В XX веке.', 'In the 20th century.', null],
  ['number-missing', 'en', 'В городе 1 500 полицейских.', 'The city has 1,600 police officers.', '1,600'],
  ['number-missing', 'kk', 'Бюджет вырос на 30%.', 'Бюджет 13% өсті.', '13'],
  ['number-extra', 'en', 'Отчёт публикуется ежегодно.', 'The report is published every 2 years.', '2'],
  ['number-format', 'en', '', 'The service has 1 500 officers.', '1 500'],
  ['number-format', 'en', '', 'The service has 1,500 officers.', null],
  ['number-format', 'kk', '', 'Айыппұл 50,000.00 теңге.', '50,000.00'],
  ['number-format', 'kk', '', 'Айыппұл 50 000 теңге.', null],
  // dates
  [
    'date-mismatch',
    'en',
    'Закон принят 2 ноября 2015 года.',
    'The law was adopted on November 2, 2015.',
    null,
  ],
  [
    'date-mismatch',
    'en',
    'Закон принят 2 ноября 2015 года.',
    'The law was adopted on 2 November 2015.',
    null,
  ],
  ['date-mismatch', 'en', 'Закон принят 02.11.2015.', 'The law was adopted on 2 November 2015.', null],
  ['date-mismatch', 'kk', 'Закон принят 2 ноября 2015 года.', 'Заң 2015 жылғы 2 қарашада қабылданды.', null],
  [
    'date-mismatch',
    'en',
    'Закон принят 2 ноября 2015 года.',
    'The law was adopted on December 2, 2015.',
    'December 2, 2015',
  ],
  [
    'date-mismatch',
    'en',
    'Закон принят 2 ноября 2015 года.',
    'The law was adopted on November 12, 2015.',
    'November 12, 2015',
  ],
  [
    'date-mismatch',
    'kk',
    'Закон принят 02.11.2015.',
    'Заң 2015 жылғы 2 желтоқсанда қабылданды.',
    '2015 жылғы 2 желтоқсанда',
  ],
  ['date-format', 'en', '', 'Resolution No. 37 of 07.02.2019.', '07.02.2019'],
  ['date-format', 'en', '', 'It began on November 02, 2015.', 'November 02, 2015'],
  ['date-format', 'en', '', 'It began in February, 2018.', 'February, 2018'],
  ['date-format', 'en', '', 'It began on 2 November 2015 and in February 2018.', null],
  // links and markup
  ['url-mismatch', 'en', 'См. https://police.kz/news.', 'See https://police.kz/news.', null],
  [
    'url-mismatch',
    'en',
    'См. https://police.kz/news.',
    'See https://police.kz/new.',
    'https://police.kz/new',
  ],
  ['email-mismatch', 'en', 'Пишите на info@police.kz.', 'Write to info@police.kz.', null],
  ['email-mismatch', 'en', 'Пишите на info@police.kz.', 'Write to info@polise.kz.', 'info@polise.kz'],
  ['placeholder-mismatch', 'en', 'Найдено {count} записей.', 'Found {count} records.', null],
  ['placeholder-mismatch', 'en', 'Найдено {count} записей.', 'Found records.', '{count}'],
  ['tag-mismatch', 'en', 'Нажмите <b>Сохранить</b>.', 'Press <b>Save</b>.', null],
  ['tag-mismatch', 'en', 'Нажмите <b>Сохранить</b>.', 'Press <b>Save.', '</b>'],
  // completeness and language
  [
    'untranslated',
    'en',
    'Служба начала работу в январе.',
    'Служба начала работу в январе.',
    'Служба начала работу в январе.',
  ],
  ['untranslated', 'en', 'Yandex', 'Yandex', null],
  ['untranslated', 'kk', 'Полиция', 'Полиция', null],
  ['source-script-words', 'en', '', 'Funding comes from the местного budget.', 'местного'],
  ['source-script-words', 'en', '', 'Local police service - Жергілікті полиция қызметі (Kazakh).', null],
  ['source-latin-missing', 'en', 'Канал на Yandex Zen закрыт.', 'The channel was closed.', 'Yandex'],
  ['source-latin-missing', 'en', 'Канал на Yandex Zen закрыт.', 'The Yandex Zen channel was closed.', null],
  [
    'wrong-language',
    'en',
    '',
    'Die Entscheidung tritt in zehn Tagen in Kraft, sagte er gestern.',
    'Die Entscheidung tritt in zehn Tagen in Kraft, sagte er gestern.',
  ],
  [
    'wrong-language',
    'kk',
    '',
    'Граждане могут обратиться в полицию в любое время суток.',
    'Граждане могут обратиться в полицию в любое время суток.',
  ],
  ['wrong-language', 'kk', '', 'Азаматтар полицияға тәулік бойы жүгіне алады.', null],
  ['wrong-language', 'en', '', 'Local police service – Жергілікті полиция қызметі (Kazakh).', null],
  ['empty-target', 'en', 'Текст.', '', 'Текст.'],
  // meaning
  ['negation-lost', 'en', 'Полиция не подчиняется акиму.', 'The police report to the akim.', 'не'],
  ['negation-lost', 'en', 'Полиция не подчиняется акиму.', 'The police do not report to the akim.', null],
  ['negation-lost', 'en', 'Проверено не менее 200 объектов.', 'At least 200 sites were inspected.', null],
  ['negation-lost', 'en', 'Он не раз говорил об этом.', 'He said so more than once.', null],
  ['negation-lost', 'kk', 'Полиция не подчиняется акимату.', 'Полиция әкімдікке бағынбайды.', null],
  ['negation-lost', 'kk', 'Полиция не подчиняется акимату.', 'Полиция әкімдікке бағынады.', 'не'],
  // MT artefacts
  ['calque', 'en', '', 'They carry out a package of measures.', 'a package of measures'],
  ['calque', 'en', '', 'They carry out a set of measures.', null],
  ['false-friend', 'en', '', 'To pass to contents', 'To pass to contents'],
  ['false-friend', 'en', '', 'The realization of the reform failed.', 'realization of the reform'],
  ['false-friend', 'en', '', 'The realization came too late.', null],
  ['russian-case-ending', 'en', '', 'He reports to Akimats and Maslikhatami.', 'Maslikhatami'],
  ['russian-case-ending', 'en', '', 'Orders of akimatov were ignored.', 'akimatov'],
  ['russian-case-ending', 'en', '', "The akimat and the maslikhat's deputies and akims agreed.", null],
  ['kazakh-lookalike-letters', 'kk', '', 'Сіз казакша сөйлейсіз бе?', 'казакша'],
  ['kazakh-lookalike-letters', 'kk', '', 'Казакстанда полиция реформасы жүрді.', 'Казакстанда'],
  ['kazakh-lookalike-letters', 'kk', '', 'Сіз қазақша сөйлейсіз бе?', null],
  ['kazakh-lookalike-letters', 'kk', '', 'Полиция реформасы туралы мақала.', null],
  ['mixed-script', 'en', '', 'The Аkim agreed.', 'Аkim'],
  ['mixed-script', 'kk', '', 'Қазақстан Iшкі істер министрлігі.', 'Iшкі'],
  ['mixed-script', 'en', '', 'The akim and the IT-компания.', null],
  // language conventions, grammar, spelling
  ['spelling', 'en', '', 'The police monitor trafic.', 'trafic'],
  ['spelling', 'en', '', 'The neighbours organised the Maslikhat centre.', null],
  ['ordinal-suffix', 'en', '', 'The 2th and 11st floors.', '2th'],
  ['ordinal-suffix', 'en', '', 'The 2nd, 3rd, 11th and 21st floors.', null],
  ['article-a-an', 'en', '', 'It was a important step.', 'a important'],
  ['article-a-an', 'en', '', 'It was an useful step.', 'an useful'],
  ['article-a-an', 'en', '', 'A university, an hour, an MIA unit and a one-off.', null],
  ['doubled-word', 'en', '', 'The police serve the the residents.', 'the the'],
  ['doubled-word', 'en', '', 'He said that that was wrong.', null],
  ['lowercase-start', 'en', '', 'we continue the story.', 'we'],
  ['lowercase-start', 'en', '', '- local police inspectors;', null],
  ['lowercase-start', 'en', '', 'iPhone users complained.', null],
  ['lowercase-start', 'en', 'в этом году', 'in this year', null],
  ['lowercase-i', 'en', '', 'In my view i think so.', 'i'],
  ['lowercase-i', 'en', '', 'Item (i) applies.', null],
  // punctuation and spacing
  ['final-punctuation', 'en', 'Вы знаете больше?', 'Do you know more.', '.'],
  ['final-punctuation', 'en', 'Он спросил: «Зачем?»', 'He asked: “Why?”', null],
  ['final-punctuation', 'en', 'Функции и задачи', 'Functions and tasks', null],
  ['brackets', 'en', '', 'New rules (order No. 5.', '('],
  ['brackets', 'en', '', 'Tasks: 1) patrol; 2) inspect.', null],
  ['quotes', 'en', '', 'He said “it is over.', '“'],
  ['quotes', 'kk', '', '«Жергілікті полиция» қызметі.', null],
  ['quote-parity', 'en', 'Закон «О полиции» принят.', 'The Law “On the Police” was adopted.', null],
  ['quote-parity', 'en', 'Закон «О полиции» принят.', 'The Law On the Police was adopted.', ''],
  ['bracket-parity', 'en', 'Служба (МПС) работает.', 'The service works.', ''],
  ['repeated-punctuation', 'en', '', 'It ended,, finally..', ',,'],
  ['repeated-punctuation', 'en', '', 'It ended... finally, etc., and so on.', null],
  ['double-space', 'en', '', 'Two  spaces.', '  '],
  ['space-before-punctuation', 'en', '', 'The end , really .', ' '],
  ['space-before-punctuation', 'en', '', 'Built on .NET and 30 %.', null],
  ['missing-space', 'en', '', 'First,second.Third part.', ','],
  ['missing-space', 'en', '', 'Visit police.kz or 1,500 or т.е. now.', null],
  ['whitespace-edges', 'en', 'Текст.', 'Text. ', ' '],
];

describe('each check: cases that must fire and cases that must not', () => {
  it.each(CASES)('%s (%s): %s → %s', (check, lang, source, target, highlight) => {
    const spell = (w: string) => !/^trafic$/i.test(w);
    const issues = found(check, source, target, { targetLang: lang, spell });
    if (highlight === null) expect(issues).toEqual([]);
    else expect(issues).toContainEqual([check, highlight]);
  });
});
