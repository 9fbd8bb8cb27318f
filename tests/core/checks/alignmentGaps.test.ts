import { describe, expect, it } from 'vitest';
import { checkPair, type Issue } from '../../../src/core/checks/index.ts';

/** Issues of the omission and addition checks as [checkId, highlighted text]. */
function found(source: string, target: string, targetLang: 'en' | 'kk' = 'en'): [string, string][] {
  return checkPair({ id: 'u1', source, target }, { sourceLang: 'ru', targetLang })
    .filter((i: Issue) => i.check === 'omission' || i.check === 'addition')
    .map((i) => {
      const t = i.target?.[0];
      const s = i.source?.[0];
      return [i.check, t ? target.slice(t.start, t.end) : s ? source.slice(s.start, s.end) : ''];
    });
}

// Written for these tests: each unit is a short paragraph of two to four sentences.
const MUST_FIRE: readonly [string, string, string, 'en' | 'kk', [string, string][]][] = [
  [
    'a dropped middle sentence',
    'Мост открыли в мае. Его длина составляет 1,2 километра, а ширина — 21 метр. Движение по старому мосту закрыли.',
    'The bridge opened in May. Traffic on the old bridge was closed.',
    'en',
    [['omission', 'Его длина составляет 1,2 километра, а ширина — 21 метр.']],
  ],
  [
    'an added sentence with no source',
    'Школа рассчитана на 600 учеников. Её построили за год.',
    'The school has room for 600 pupils. According to unconfirmed reports, the contractor was paid twice for the same work. It was built in a year.',
    'en',
    [['addition', 'According to unconfirmed reports, the contractor was paid twice for the same work.']],
  ],
  [
    'a dropped last sentence in Kazakh',
    'Жалобы принимаются по телефону 109. Ответ даётся в течение пяти рабочих дней, а срочные обращения рассматриваются в тот же день.',
    'Шағымдар 109 телефоны арқылы қабылданады.',
    'kk',
    [
      [
        'omission',
        'Ответ даётся в течение пяти рабочих дней, а срочные обращения рассматриваются в тот же день.',
      ],
    ],
  ],
];

const MUST_NOT_FIRE: readonly [string, string, string, 'en' | 'kk'][] = [
  [
    'two sentences joined into one',
    'Аким приехал в село. Он встретился с жителями.',
    'The akim came to the village and met the residents.',
    'en',
  ],
  [
    'one sentence split into two',
    'Стоимость работ составила 14 млрд тенге, из которых 9 млрд выделил республиканский бюджет.',
    'The works cost 14 billion tenge. Of this, 9 billion came from the national budget.',
    'en',
  ],
  [
    'the same number of sentences',
    'Закон принят. Он вступил в силу.',
    'The law was adopted. It entered into force.',
    'en',
  ],
  ['one sentence each', 'Заседание открыл председатель.', 'Отырысты төраға ашты.', 'kk'],
  ['an empty translation (empty-target reports it)', 'Заседание открыл председатель. Все пришли.', '', 'en'],
];

describe('omission and addition inside a unit', () => {
  it.each(MUST_FIRE)('fires for %s', (_, source, target, lang, expected) => {
    expect(found(source, target, lang)).toEqual(expected);
  });
  it.each(MUST_NOT_FIRE)('stays quiet for %s', (_, source, target, lang) => {
    expect(found(source, target, lang)).toEqual([]);
  });
});

/** All issues of one pair that carries what applying an alignment recorded, as [checkId, highlighted text]. */
function recorded(
  source: string,
  target: string,
  alignment: { omitted?: boolean; added?: string[]; untranslated?: string[] },
): [string, string][] {
  return checkPair({ id: 'u1', source, target, alignment }, { sourceLang: 'ru', targetLang: 'en' }).map(
    (i: Issue) => {
      const t = i.target?.[0];
      const s = i.source?.[0];
      return [i.check, t ? target.slice(t.start, t.end) : s ? source.slice(s.start, s.end) : ''];
    },
  );
}

describe('gaps recorded by applying a document alignment', () => {
  it('reports a unit the version had nothing for as an omission, not as an empty translation', () => {
    expect(recorded(' Движение закрыли на два дня. ', '', { omitted: true })).toEqual([
      ['omission', 'Движение закрыли на два дня.'],
    ]);
  });

  it('reports an untranslated unit with no alignment record as empty, not as an omission', () => {
    expect(recorded('Движение закрыли на два дня.', '', {})).toEqual([
      ['empty-target', 'Движение закрыли на два дня.'],
    ]);
  });

  it('stops reporting the omission once the unit has a translation', () => {
    expect(recorded('Движение закрыли.', 'Traffic was closed.', { omitted: true })).toEqual([]);
  });

  it('reports a joined sentence with no source while it is still in the target', () => {
    const target = 'The school opened in May. The contractor was paid twice.';
    expect(recorded('Школа открылась в мае.', target, { added: ['The contractor was paid twice.'] })).toEqual(
      [['addition', 'The contractor was paid twice.']],
    );
  });

  it('forgets an added sentence the reviewer removed', () => {
    expect(
      recorded('Школа открылась в мае.', 'The school opened in May.', {
        added: ['The contractor was paid twice.'],
      }),
    ).toEqual([]);
  });

  it('reports both where the unit holds only a sentence with no source', () => {
    const target = 'The contractor was paid twice.';
    expect(recorded('Школа открылась в мае.', target, { omitted: true, added: [target] })).toEqual([
      ['addition', 'The contractor was paid twice.'],
      ['omission', 'Школа открылась в мае.'],
    ]);
  });

  // The source itself aligned against the translation the units had: the gaps are recorded for the translation.
  it('reports a source sentence the translation has nothing for, joined to the unit by the source alignment', () => {
    const source = 'Школа открылась в мае. Подрядчику заплатили дважды.';
    const gaps = recorded(source, 'The school opened in May.', {
      untranslated: ['Подрядчику заплатили дважды.'],
    }).filter(([check]) => check === 'omission' || check === 'addition');
    expect(gaps).toEqual([['omission', 'Подрядчику заплатили дважды.']]);
  });

  it('forgets a source sentence recorded as untranslated once it is no longer in the source', () => {
    expect(
      recorded('Школа открылась в мае.', 'The school opened in May.', {
        untranslated: ['Подрядчику заплатили дважды.'],
      }),
    ).toEqual([]);
  });

  it('reports a translation the source had nothing for, though the unit has no source', () => {
    const target = 'Critics say the project ran late.';
    expect(recorded('', target, { added: [target] })).toEqual([['addition', target]]);
  });

  it('says nothing of a unit with neither source nor alignment record', () => {
    expect(recorded('', 'The school opened in May.', {})).toEqual([]);
  });
});
