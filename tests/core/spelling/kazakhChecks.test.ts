import { describe, expect, it } from 'vitest';
import { checkPair } from '../../../src/core/checks/index.ts';
import type { TermEntry } from '../../../src/core/model/term.ts';
import { withKnownWords } from '../../../src/core/spelling/withKnownWords.ts';
import { loadSpellers } from './kazakhEvaluation.ts';

const spellers = loadSpellers();
const KAZAKH = [
  'kazakh-lookalike-letters',
  'kazakh-lookalike-words',
  'kazakh-vowel-harmony',
  'kazakh-spelling',
];

function found(target: string, source = '', speller = spellers.kk) {
  return checkPair(
    { id: 'u', source, target },
    { sourceLang: 'ru', targetLang: 'kk', speller, sourceSpeller: spellers.ru },
  )
    .filter((i) => [...KAZAKH, 'source-spelling'].includes(i.check))
    .map((i) => [i.check, String(i.params?.word), i.fix?.replacement ?? null]);
}

describe('Kazakh checks with the dictionary', () => {
  it.each([
    // Must fire: look-alike letters on every word, not only the first.
    [
      'Казакстан Республикасындагы муниципалдык полиция.',
      [
        ['kazakh-lookalike-letters', 'Казакстан', 'Қазақстан'],
        ['kazakh-lookalike-words', 'Республикасындагы', 'Республикасындағы'],
        ['kazakh-lookalike-words', 'муниципалдык', 'муниципалдық'],
      ],
    ],
    ['Құжат әкімдікка жіберілді.', [['kazakh-vowel-harmony', 'әкімдікка', 'әкімдікке']]],
    ['Мемлекеттік қызметтар көрсетіледі.', [['kazakh-vowel-harmony', 'қызметтар', 'қызметтер']]],
    ['Полиция тәртіпті қорғайдды.', [['kazakh-spelling', 'қорғайдды', null]]],
    // Must not fire: inflected, derived and loan forms Hunspell alone rejects.
    ['Құжат әкімдікке жіберілді, реформалаудың нәтижесі белгілі.', []],
    ['Қазақстан Республикасындағы муниципалдық полиция қызметінің жұмысы.', []],
    ['Файлын серверге жүктеу мүмкін емес.', []],
    ['Газета мен журналдар оқылды.', []],
    ['Мәскеу мен Елена туралы мақала.', []],
  ])('%s', (target, expected) => {
    expect(found(target)).toEqual(expected);
  });

  it('flags a misspelled Russian source word, and leaves е for ё alone', () => {
    expect(found('Полиция қызметі.', 'Местная полицейкая служба.')).toEqual([
      ['source-spelling', 'полицейкая', null],
    ]);
    expect(found('Полиция қызметі.', 'Это еще не все.')).toEqual([]);
  });

  it('takes glossary terms and approved text as known words, in every inflected form', () => {
    const entry = {
      id: 'e1',
      projectId: 'p',
      terms: [{ lang: 'kk', text: 'мұқтабан', status: 'approved' }],
      createdAt: 0,
      updatedAt: 0,
    } as unknown as TermEntry;
    expect(found('Мұқтабан нәтижесі жақсы.')).toEqual([]); // capitalised: left alone anyway
    expect(found('Бұл мұқтабанның нәтижесі.')).toEqual([['kazakh-spelling', 'мұқтабанның', null]]);
    const known = withKnownWords(spellers.kk, { entries: [entry], approvedTexts: ['Бұл жаңабөлім.'] });
    expect(found('Бұл мұқтабанның нәтижесі, жаңабөлім.', '', known)).toEqual([]);
  });

  it('stays quiet without the Kazakh dictionary, except for rules that need none', () => {
    const plain = (target: string) =>
      checkPair({ id: 'u', source: '', target }, { sourceLang: 'ru', targetLang: 'kk' })
        .filter((i) => KAZAKH.includes(i.check))
        .map((i) => i.check);
    expect(plain('Мемлекеттік қызметтар көрсетіледі.')).toEqual(['kazakh-vowel-harmony']);
    expect(plain('Жаңа газета шықты, Республикасындагы.')).toEqual([]);
  });
});

describe('restoring Kazakh letters', () => {
  // Words written for this test, apart from the evaluation set.
  it.each(['домын', 'залын', 'клубын', 'терминалын', 'журналын', 'штабын'])(
    'leaves the accusative of a possessive alone: %s',
    (word) => {
      expect(spellers.kk.restore?.(word)).toEqual([]);
    },
  );

  it.each([
    ['Тапсырманын', 'Тапсырманың'],
    ['туманга', 'тұманға'],
    ['кешиктирилди', 'кешіктірілді'],
  ])('still restores a word typed without Kazakh letters: %s → %s', (word, form) => {
    expect(spellers.kk.restore?.(word)).toContain(form);
  });
});
