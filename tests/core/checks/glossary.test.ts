import { describe, expect, it } from 'vitest';
import { buildTermIndex } from '../../../src/core/glossary/match.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { Term, TermEntry } from '../../../src/core/model/term.ts';
import { checkDocument, checkPair, type CheckContext } from '../../../src/core/checks/index.ts';

const entry = (id: string, ...terms: [string, string, Term['status']?][]): TermEntry => ({
  id: entryId(id),
  projectId: projectId('p'),
  terms: terms.map(([lang, text, status]) => ({ lang, text, status: status ?? 'approved' })),
  createdAt: 0,
  updatedAt: 0,
});

const entries = [
  entry('maslikhat', ['ru', 'маслихат'], ['en', 'maslikhat'], ['kk', 'мәслихат']),
  entry(
    'akimat',
    ['ru', 'акимат'],
    ['en', 'akimat'],
    ['kk', 'әкімдік'],
    ['en', 'administration', 'forbidden'],
  ),
  entry('mvd', ['ru', 'МВД'], ['en', 'MIA'], ['en', 'MVD', 'forbidden']),
  entry('lps', ['ru', 'МПС'], ['en', 'LPS']),
  entry('police', ['ru', 'полиция'], ['en', 'police'], ['en', 'militia', 'proposed']),
  entry(
    'rk',
    ['ru', 'РК'],
    ['en', 'RK'],
    ['en', 'Republic of Kazakhstan'],
    ['en', 'Kazakh Republic', 'proposed'],
  ),
  entry('akim', ['ru', 'аким'], ['en', 'akim', 'proposed'], ['en', 'governor', 'proposed']),
  entry('service', ['ru', 'служба'], ['en', 'service'], ['kk', 'қызмет']),
  entry('police-kk', ['ru', 'полицейский участок'], ['kk', 'полиция бөлімшесі']),
];
const context = (targetLang: string): CheckContext => ({
  sourceLang: 'ru',
  targetLang,
  glossary: buildTermIndex(entries),
  glossaryEntries: entries,
});

function issues(source: string, target: string, targetLang = 'en'): [string, string][] {
  return checkPair({ id: 'u', source, target }, context(targetLang))
    .filter((i) => i.category === 'terminology')
    .map((i) => {
      const t = i.target?.[0];
      const s = i.source?.[0];
      return [i.check, t ? target.slice(t.start, t.end) : s ? source.slice(s.start, s.end) : ''];
    });
}

describe('glossary checks', () => {
  it.each([
    ['Депутаты маслихата согласились.', "The maslikhat's deputies agreed."],
    ['Он отчитывается перед маслихатом.', 'He reports to the maslikhat.'],
    ['Решения акиматами приняты.', 'Decisions were taken by the akimats.'],
    ['Приказ МВД.', 'An order of the MIA.'],
  ])('accepts an inflected term rendered as approved: %s', (source, target) => {
    expect(issues(source, target)).toEqual([]);
  });

  it('accepts the Kazakh rendering of an inflected Russian term', () => {
    expect(issues('Решения акиматами приняты.', 'Шешімдерді әкімдіктер қабылдады.', 'kk')).toEqual([]);
  });

  // Kazakh stacks possessive and case endings on the term ("қызметінің", "бөлімшесіндегі"); the approved term is
  // there all the same, in Cyrillic or in the 2021 Latin alphabet.
  it.each([
    ['Работа службы важна.', 'Қызметінің жұмысы маңызды.'],
    ['Отчёт службы опубликован.', 'Қызметтің есебі жарияланды.'],
    ['Сотрудники служб собрались.', 'Қызметтерінің қызметкерлері жиналды.'],
    ['В полицейском участке тихо.', 'Полиция бөлімшесінде тыныш.'],
    ['Начальник полицейского участка пришёл.', 'Полиция бөлімшесінің бастығы келді.'],
    ['Работа службы важна.', 'Qyzmetınıñ jūmysy mañyzdy.'],
    ['Начальник полицейского участка пришёл.', 'Politsiia bölımşesınıñ bastyğy keldı.'],
  ])('accepts a Kazakh term with possessive and case endings: %s → %s', (source, target) => {
    const lang = /[a-zäöüñğışū]/iu.test(target) && !/[а-яәіңғүұқөһ]/iu.test(target) ? 'kk-Latn' : 'kk';
    expect(issues(source, target, lang).filter(([check]) => check === 'term-missing')).toEqual([]);
  });

  it.each([
    ['Работа службы важна.', 'Басқарманың жұмысы маңызды.', 'службы'],
    [
      'Начальник полицейского участка пришёл.',
      'Полиция басқармасының бастығы келді.',
      'полицейского участка',
    ],
    ['Работа службы важна.', 'Basqarmanyñ jūmysy mañyzdy.', 'службы'],
  ])('reports a Kazakh rendering without the approved term: %s → %s', (source, target, term) => {
    const lang = /[а-яәіңғүұқөһ]/iu.test(target) ? 'kk' : 'kk-Latn';
    expect(issues(source, target, lang).filter(([check]) => check === 'term-missing')).toEqual([
      ['term-missing', term],
    ]);
  });

  it('reports an approved source term whose rendering is missing', () => {
    expect(issues('Он отчитывается перед маслихатом.', 'He reports to the local council.')).toEqual([
      ['term-missing', 'маслихатом'],
    ]);
  });

  it('reports a forbidden rendering once, with the approved one as the fix', () => {
    const found = checkPair(
      { id: 'u', source: 'Решение акимата.', target: 'A decision of the administration.' },
      context('en'),
    );
    const forbidden = found.filter((i) => i.category === 'terminology');
    expect(forbidden.map((i) => i.check)).toEqual(['term-forbidden']);
    expect(forbidden[0]?.fix?.replacement).toBe('akimat');
  });

  it('reports an acronym rendered by transliteration (МВД → MVD, not MIA)', () => {
    expect(issues('Приказ МВД.', 'An order of the MVD.')).toEqual([['term-forbidden', 'MVD']]);
    expect(issues('Служба МПС создана.', 'The MPS service was created.')).toEqual([
      ['acronym-mismatch', 'МПС'],
    ]);
  });

  it('reports one concept rendered by different terms across the document', () => {
    const pairs = [
      { id: '1', source: 'Полиция работает.', target: 'The police work.' },
      { id: '2', source: 'Полиция отчиталась.', target: 'The police reported.' },
      { id: '3', source: 'Полиция помогла.', target: 'The militia helped.' },
    ];
    const result = checkDocument(pairs, context('en'));
    expect(result.get('3')?.filter((i) => i.check === 'term-inconsistent').length).toBe(1);
    expect(result.get('1')?.filter((i) => i.check === 'term-inconsistent')).toEqual([]);
  });

  const inconsistent = (targets: string[]) =>
    checkDocument(
      targets.map((target, i) => ({ id: String(i + 1), source: '', target })),
      context('en'),
    );
  const flagged = (result: ReturnType<typeof inconsistent>) =>
    [...result].flatMap(([id, list]) =>
      list.filter((i) => i.check === 'term-inconsistent').map((i) => [id, i.params?.term]),
    );

  it('never reports approved synonyms of one entry as a conflict', () => {
    expect(
      flagged(inconsistent(['The RK adopted it.', 'The Republic of Kazakhstan agreed.', 'RK laws apply.'])),
    ).toEqual([]);
  });

  it('reports a proposed variant used where an approved one is used, even when it is used more', () => {
    const result = inconsistent([
      'The Kazakh Republic adopted it.',
      'The Kazakh Republic agreed.',
      'The RK signed.',
    ]);
    expect(flagged(result)).toEqual([
      ['1', 'Kazakh Republic'],
      ['2', 'Kazakh Republic'],
    ]);
  });

  it('leaves an undecided entry (no approved rendering) alone', () => {
    expect(flagged(inconsistent(['The akim spoke.', 'The governor spoke.']))).toEqual([]);
  });

  it('leaves approved synonyms of one entry alone and names terms as the glossary writes them', () => {
    const synonyms = [
      entry('court', ['ru', 'суд'], ['en', 'court'], ['en', 'tribunal']),
      entry('senate', ['ru', 'Сенат'], ['en', 'Senate'], ['en', 'upper house', 'proposed']),
    ];
    const ctx: CheckContext = {
      sourceLang: 'ru',
      targetLang: 'en',
      glossary: buildTermIndex(synonyms),
      glossaryEntries: synonyms,
    };
    const pairs = [
      { id: '1', source: 'Суд решил.', target: 'The court decided.' },
      { id: '2', source: 'Суд отказал.', target: 'The tribunal refused.' },
      { id: '3', source: 'Сенат принял закон.', target: 'The Senate passed the law.' },
      { id: '4', source: 'Сенат одобрил закон.', target: 'The Senate approved the law.' },
      { id: '5', source: 'Сенат отклонил закон.', target: 'The upper house rejected the law.' },
    ];
    const result = checkDocument(pairs, ctx);
    const term = (id: string) => result.get(id)?.filter((i) => i.check === 'term-inconsistent') ?? [];
    expect(term('2')).toEqual([]);
    expect(term('5').map((i) => i.params)).toEqual([{ term: 'upper house', main: 'Senate' }]);
  });
});
