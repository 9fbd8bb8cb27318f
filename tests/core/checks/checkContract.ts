import type { CheckId } from '../../../src/core/checks/checkIds.ts';
import type { CheckPair } from '../../../src/core/checks/types.ts';
import { fromLabels } from '../../../src/core/text/codeTokens.ts';

/** One pair a check sees; `highlight` is the text its issue must mark (target span, else source span). */
export type Example = {
  readonly lang: 'en' | 'kk';
  readonly source: string;
  readonly target: string;
  readonly highlight?: string;
};

/**
 * What a check is held to: a pair where it must fire and one where it must stay quiet, or, for a document check,
 * a document where it fires on the unit "fires" and not on "quiet". `context` names what it needs beyond the
 * pair: the test glossary or the Kazakh dictionary.
 */
export type Contract = { readonly context?: 'glossary' | 'kazakh-dictionary' } & (
  | { readonly fires: Example & { readonly highlight: string }; readonly quiet: Example }
  | { readonly document: readonly CheckPair[] }
);

// Sentences written for the tests (most also in cases.ts, classCases.ts and the other check tests), none from
// the demo or the held-out set. A check id without an entry here does not compile.
export const CHECK_CONTRACT: { readonly [K in CheckId]: Contract } = {
  'empty-target': {
    fires: { lang: 'en', source: 'Текст.', target: '', highlight: 'Текст.' },
    quiet: { lang: 'en', source: 'Готово.', target: 'Done.' },
  },
  untranslated: {
    fires: {
      lang: 'en',
      source: 'Служба начала работу в январе.',
      target: 'Служба начала работу в январе.',
      highlight: 'Служба начала работу в январе.',
    },
    quiet: { lang: 'en', source: 'Yandex', target: 'Yandex' },
  },
  'wrong-language': {
    fires: {
      lang: 'en',
      source: '',
      target: 'Die Entscheidung tritt in zehn Tagen in Kraft, sagte er gestern.',
      highlight: 'Die Entscheidung tritt in zehn Tagen in Kraft, sagte er gestern.',
    },
    quiet: { lang: 'kk', source: '', target: 'Азаматтар полицияға тәулік бойы жүгіне алады.' },
  },
  'source-script-words': {
    fires: {
      lang: 'en',
      source: '',
      target: 'Funding comes from the местного budget.',
      highlight: 'местного',
    },
    quiet: { lang: 'en', source: '', target: 'Local police service - Жергілікті полиция қызметі (Kazakh).' },
  },
  'source-latin-missing': {
    fires: {
      lang: 'en',
      source: 'Канал на Yandex Zen закрыт.',
      target: 'The channel was closed.',
      highlight: 'Yandex',
    },
    quiet: {
      lang: 'en',
      source: 'Канал на Yandex Zen закрыт.',
      target: 'The Yandex Zen channel was closed.',
    },
  },
  'length-short': {
    fires: {
      lang: 'en',
      source: 'Поезд прибыл с опозданием на два часа из-за сильного снегопада на перевале.',
      target: 'The train was late.',
      highlight: 'The train was late.',
    },
    quiet: {
      lang: 'en',
      source: 'Нажмите <a href="/settings/privacy">здесь</a>.',
      target: 'Click <a href="/settings/privacy">here</a>.',
    },
  },
  'length-long': {
    fires: {
      lang: 'en',
      source: 'Врачи провели встречу.',
      target:
        'The doctors held a meeting that lasted for many hours and covered dozens of unrelated questions from the public.',
      highlight:
        'The doctors held a meeting that lasted for many hours and covered dozens of unrelated questions from the public.',
    },
    quiet: {
      lang: 'en',
      source: 'ВОЗ и ЮНИСЕФ провели встречу.',
      target: 'The World Health Organization and the United Nations Children’s Fund held a meeting.',
    },
  },
  'sentence-count': {
    fires: {
      lang: 'en',
      source: 'Музей закрыт. Вход бесплатный.',
      target: 'The museum is closed.',
      highlight: 'The museum is closed.',
    },
    quiet: {
      lang: 'en',
      source: 'Музей закрыт, но парк открыт.',
      target: 'The museum is closed. The park is open.',
    },
  },
  'negation-lost': {
    fires: {
      lang: 'en',
      source: 'Полиция не подчиняется акиму.',
      target: 'The police report to the akim.',
      highlight: 'не',
    },
    quiet: {
      lang: 'en',
      source: 'Полиция не подчиняется акиму.',
      target: 'The police do not report to the akim.',
    },
  },
  'number-missing': {
    fires: {
      lang: 'en',
      source: 'В городе 1 500 полицейских.',
      target: 'The city has 1,600 police officers.',
      highlight: '1,600',
    },
    quiet: {
      lang: 'en',
      source: 'В городе 1 500 полицейских.',
      target: 'The city has 1,500 police officers.',
    },
  },
  'number-extra': {
    fires: {
      lang: 'en',
      source: 'Отчёт публикуется ежегодно.',
      target: 'The report is published every 2 years.',
      highlight: '2',
    },
    quiet: {
      lang: 'en',
      source: 'Собор построен в ХV веке.',
      target: 'The cathedral was built in the 15th century.',
    },
  },
  'number-format': {
    fires: { lang: 'en', source: '', target: 'The service has 1 500 officers.', highlight: '1 500' },
    quiet: { lang: 'en', source: '', target: 'The service has 1,500 officers.' },
  },
  'date-mismatch': {
    fires: {
      lang: 'en',
      source: 'Закон принят 2 ноября 2015 года.',
      target: 'The law was adopted on December 2, 2015.',
      highlight: 'December 2, 2015',
    },
    quiet: {
      lang: 'en',
      source: 'Закон принят 2 ноября 2015 года.',
      target: 'The law was adopted on November 2, 2015.',
    },
  },
  'date-format': {
    fires: { lang: 'en', source: '', target: 'Resolution No. 37 of 07.02.2019.', highlight: '07.02.2019' },
    quiet: { lang: 'en', source: '', target: 'It began on 2 November 2015 and in February 2018.' },
  },
  'url-mismatch': {
    fires: {
      lang: 'en',
      source: 'См. https://police.kz/news.',
      target: 'See https://police.kz/new.',
      highlight: 'https://police.kz/new',
    },
    quiet: { lang: 'en', source: 'См. https://police.kz/news.', target: 'See https://police.kz/news.' },
  },
  'email-mismatch': {
    fires: {
      lang: 'en',
      source: 'Пишите на info@police.kz.',
      target: 'Write to info@polise.kz.',
      highlight: 'info@polise.kz',
    },
    quiet: { lang: 'en', source: 'Пишите на info@police.kz.', target: 'Write to info@police.kz.' },
  },
  'placeholder-mismatch': {
    fires: { lang: 'en', source: 'Найдено {count} записей.', target: 'Found records.', highlight: '{count}' },
    quiet: { lang: 'en', source: 'Найдено {count} записей.', target: 'Found {count} records.' },
  },
  'tag-mismatch': {
    fires: { lang: 'en', source: 'Нажмите <b>Сохранить</b>.', target: 'Press <b>Save.', highlight: '</b>' },
    quiet: { lang: 'en', source: 'Нажмите <b>Сохранить</b>.', target: 'Press <b>Save</b>.' },
  },
  // Inline codes are private-use characters in the text: ⟨1⟩…⟨/1⟩ written here with their labels.
  'inline-code-mismatch': {
    fires: {
      lang: 'en',
      source: fromLabels('⟨1⟩Важно⟨/1⟩: читать ⟨2/⟩'),
      target: fromLabels('Important: read ⟨2/⟩'),
      highlight: fromLabels('⟨1⟩'),
    },
    quiet: {
      lang: 'en',
      source: fromLabels('⟨1⟩Важно⟨/1⟩: читать ⟨2/⟩'),
      target: fromLabels('⟨1⟩Important⟨/1⟩: read ⟨2/⟩'),
    },
  },
  'markup-malformed': {
    fires: {
      lang: 'en',
      source: '<b>Важно:</b> <i>читать</i>',
      target: '<b>Important: <i>read</b></i>',
      highlight: '<b>',
    },
    quiet: {
      lang: 'en',
      source: '<b>Важно:</b> <i>читать</i><br>',
      target: '<b>Important:</b> <i>read</i><br>',
    },
  },
  'false-friend': {
    fires: { lang: 'en', source: '', target: 'To pass to contents', highlight: 'To pass to contents' },
    quiet: { lang: 'en', source: '', target: 'The realization came too late.' },
  },
  calque: {
    fires: {
      lang: 'en',
      source: '',
      target: 'They carry out a package of measures.',
      highlight: 'a package of measures',
    },
    quiet: { lang: 'en', source: '', target: 'They carry out a set of measures.' },
  },
  'russian-case-ending': {
    fires: {
      lang: 'en',
      source: '',
      target: 'He reports to Akimats and Maslikhatami.',
      highlight: 'Maslikhatami',
    },
    quiet: { lang: 'en', source: '', target: "The akimat and the maslikhat's deputies and akims agreed." },
  },
  'kazakh-lookalike-letters': {
    fires: { lang: 'kk', source: '', target: 'Сіз казакша сөйлейсіз бе?', highlight: 'казакша' },
    quiet: { lang: 'kk', source: '', target: 'Сіз қазақша сөйлейсіз бе?' },
  },
  'mixed-script': {
    fires: { lang: 'en', source: '', target: 'The Аkim agreed.', highlight: 'Аkim' },
    quiet: { lang: 'en', source: '', target: 'The akim and the IT-компания.' },
  },
  'character-set': {
    fires: { lang: 'kk', source: '', target: 'Біз єлге қайттық.', highlight: 'є' },
    quiet: { lang: 'kk', source: '', target: 'Біз елге қайттық, Müller мырза да келді.' },
  },
  spelling: {
    fires: { lang: 'en', source: '', target: 'The police monitor trafic.', highlight: 'trafic' },
    quiet: { lang: 'en', source: '', target: 'The neighbours organised the Maslikhat centre.' },
  },
  'source-spelling': {
    fires: {
      lang: 'en',
      source: 'Заявление принято к расмотрению.',
      target: 'The application was accepted for review.',
      highlight: 'расмотрению',
    },
    quiet: {
      lang: 'en',
      source: 'Решение акимата Шымкента по ЦОН.',
      target: 'The decision of the Shymkent akimat on the PSC.',
    },
  },
  'ordinal-suffix': {
    fires: { lang: 'en', source: '', target: 'The 2th and 11st floors.', highlight: '2th' },
    quiet: { lang: 'en', source: '', target: 'The 2nd, 3rd, 11th and 21st floors.' },
  },
  'article-a-an': {
    fires: { lang: 'en', source: '', target: 'It was a important step.', highlight: 'a important' },
    quiet: { lang: 'en', source: '', target: 'A university, an hour, an MIA unit and a one-off.' },
  },
  'doubled-word': {
    fires: { lang: 'en', source: '', target: 'The police serve the the residents.', highlight: 'the the' },
    quiet: { lang: 'en', source: '', target: 'He said that that was wrong.' },
  },
  'lowercase-start': {
    fires: { lang: 'en', source: '', target: 'we continue the story.', highlight: 'we' },
    quiet: { lang: 'en', source: '', target: '- local police inspectors;' },
  },
  'lowercase-i': {
    fires: { lang: 'en', source: '', target: 'In my view i think so.', highlight: 'i' },
    quiet: { lang: 'en', source: '', target: 'Item (i) applies.' },
  },
  'mixed-case': {
    fires: { lang: 'en', source: '', target: 'The ciTy council met.', highlight: 'ciTy' },
    quiet: { lang: 'en', source: '', target: 'An iPhone, an eSIM, 5 kWh, two PCs, NGOs and McDonald’s.' },
  },
  'final-punctuation': {
    fires: { lang: 'en', source: 'Вы знаете больше?', target: 'Do you know more.', highlight: '.' },
    quiet: { lang: 'en', source: 'Он спросил: «Зачем?»', target: 'He asked: “Why?”' },
  },
  'leading-punctuation': {
    fires: { lang: 'en', source: 'Всё готово.', target: '. All done.', highlight: '.' },
    quiet: { lang: 'en', source: '…и тогда мы ушли.', target: '…and then we left.' },
  },
  brackets: {
    fires: { lang: 'en', source: '', target: 'New rules (order No. 5.', highlight: '(' },
    quiet: { lang: 'en', source: '', target: 'Tasks: 1) patrol; 2) inspect.' },
  },
  'bracket-parity': {
    fires: { lang: 'en', source: 'Служба (МПС) работает.', target: 'The service works.', highlight: '' },
    quiet: { lang: 'en', source: 'Служба (МПС) работает.', target: 'The service (LPS) works.' },
  },
  quotes: {
    fires: { lang: 'en', source: '', target: 'He said “it is over.', highlight: '“' },
    quiet: { lang: 'kk', source: '', target: '«Жергілікті полиция» қызметі.' },
  },
  'quote-parity': {
    fires: {
      lang: 'en',
      source: 'Закон «О полиции» принят.',
      target: 'The Law On the Police was adopted.',
      highlight: '',
    },
    quiet: {
      lang: 'en',
      source: 'Закон «О полиции» принят.',
      target: 'The Law “On the Police” was adopted.',
    },
  },
  'repeated-punctuation': {
    fires: { lang: 'en', source: '', target: 'It ended,, finally..', highlight: ',,' },
    quiet: { lang: 'en', source: '', target: 'It ended... finally, etc., and so on.' },
  },
  'double-space': {
    fires: { lang: 'en', source: '', target: 'Two  spaces.', highlight: '  ' },
    quiet: { lang: 'en', source: 'Два пробела.', target: 'Two spaces.' },
  },
  'space-before-punctuation': {
    fires: { lang: 'en', source: '', target: 'The end , really .', highlight: ' ' },
    quiet: { lang: 'en', source: '', target: 'Built on .NET and 30 %.' },
  },
  'missing-space': {
    fires: { lang: 'en', source: '', target: 'First,second.Third part.', highlight: ',' },
    quiet: { lang: 'en', source: '', target: 'Visit police.kz or 1,500 or т.е. now.' },
  },
  'whitespace-edges': {
    fires: { lang: 'en', source: 'Текст.', target: 'Text. ', highlight: ' ' },
    quiet: { lang: 'en', source: 'Текст.', target: 'Text.' },
  },
  'invisible-character': {
    fires: { lang: 'en', source: 'Чай и кофе.', target: 'Tea​ and coffee.', highlight: '​' },
    quiet: { lang: 'en', source: 'Сверх­проводник.', target: 'Super­conductor.' },
  },
  'term-missing': {
    context: 'glossary',
    fires: {
      lang: 'en',
      source: 'Он отчитывается перед маслихатом.',
      target: 'He reports to the council.',
      highlight: 'маслихатом',
    },
    quiet: {
      lang: 'en',
      source: 'Он отчитывается перед маслихатом.',
      target: 'He reports to the maslikhat.',
    },
  },
  'acronym-mismatch': {
    context: 'glossary',
    fires: {
      lang: 'en',
      source: 'Служба МПС создана.',
      target: 'The MPS service was created.',
      highlight: 'МПС',
    },
    quiet: { lang: 'en', source: 'Служба МПС создана.', target: 'The LPS service was created.' },
  },
  'term-forbidden': {
    context: 'glossary',
    fires: { lang: 'en', source: 'Приказ МВД.', target: 'An order of the MVD.', highlight: 'MVD' },
    quiet: { lang: 'en', source: 'Приказ МВД.', target: 'An order of the MIA.' },
  },
  'kazakh-lookalike-words': {
    context: 'kazakh-dictionary',
    fires: {
      lang: 'kk',
      source: '',
      target: 'Қазақстан Республикасындагы полиция.',
      highlight: 'Республикасындагы',
    },
    quiet: {
      lang: 'kk',
      source: '',
      target: 'Қазақстан Республикасындағы муниципалдық полиция қызметінің жұмысы.',
    },
  },
  'kazakh-vowel-harmony': {
    context: 'kazakh-dictionary',
    fires: { lang: 'kk', source: '', target: 'Құжат әкімдікка жіберілді.', highlight: 'әкімдікка' },
    quiet: { lang: 'kk', source: '', target: 'Құжат әкімдікке жіберілді, реформалаудың нәтижесі белгілі.' },
  },
  'kazakh-spelling': {
    context: 'kazakh-dictionary',
    fires: { lang: 'kk', source: '', target: 'Полиция тәртіпті қорғайдды.', highlight: 'қорғайдды' },
    quiet: { lang: 'kk', source: '', target: 'Газета мен журналдар оқылды.' },
  },
  omission: {
    fires: {
      lang: 'en',
      source:
        'Мост открыли в мае. Его длина составляет 1,2 километра, а ширина — 21 метр. Движение по старому мосту закрыли.',
      target: 'The bridge opened in May. Traffic on the old bridge was closed.',
      highlight: 'Его длина составляет 1,2 километра, а ширина — 21 метр.',
    },
    quiet: {
      lang: 'en',
      source:
        'Мост открыли в мае. Его длина составляет 1,2 километра, а ширина — 21 метр. Движение по старому мосту закрыли.',
      target:
        'The bridge opened in May. It is 1.2 kilometres long and 21 metres wide. Traffic on the old bridge was closed.',
    },
  },
  addition: {
    fires: {
      lang: 'en',
      source: 'Школа рассчитана на 600 учеников. Её построили за год.',
      target:
        'The school has room for 600 pupils. According to unconfirmed reports, the contractor was paid twice for the same work. It was built in a year.',
      highlight: 'According to unconfirmed reports, the contractor was paid twice for the same work.',
    },
    quiet: {
      lang: 'en',
      source: 'Школа рассчитана на 600 учеников. Её построили за год.',
      target: 'The school has room for 600 pupils. It was built in a year.',
    },
  },
  'inconsistent-translation': {
    document: [
      { id: 'quiet', source: 'Контакты', target: 'Contacts' },
      { id: 'b', source: 'Контакты', target: 'Contacts' },
      { id: 'fires', source: 'Контакты', target: 'Contact us' },
    ],
  },
  'inconsistent-source': {
    document: [
      {
        id: 'quiet',
        source: 'Заявление принято к рассмотрению.',
        target: 'The application has been accepted for review.',
      },
      {
        id: 'b',
        source: 'Заявление принято к рассмотрению.',
        target: 'The application has been accepted for review.',
      },
      {
        id: 'fires',
        source: 'Заявление отклонено без рассмотрения.',
        target: 'The application has been accepted for review.',
      },
    ],
  },
  'term-inconsistent': {
    context: 'glossary',
    document: [
      { id: 'quiet', source: 'Полиция работает.', target: 'The police work.' },
      { id: 'b', source: 'Полиция отчиталась.', target: 'The police reported.' },
      { id: 'fires', source: 'Полиция помогла.', target: 'The militia helped.' },
    ],
  },
};
