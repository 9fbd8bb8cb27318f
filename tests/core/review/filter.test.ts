import { beforeAll, describe, expect, it } from 'vitest';
import { loadLinearRegex } from '../../../src/core/text/linearRegex.ts';

// The regular-expression engine is loaded on first use, as the app does before a regex search.
beforeAll(() => loadLinearRegex());
import { filterUnits, textMatcher, type FilterCriteria } from '../../../src/core/review/filter.ts';
import type { Issue } from '../../../src/core/checks/types.ts';
import type { Rendering, Unit } from '../../../src/core/model/types.ts';
import { documentId, renderingId, unitId } from '../../../src/core/model/ids.ts';

const unit = (index: number, mt: string, source = '', alignScore?: number): Unit =>
  ({
    id: unitId(`u${index}`),
    documentId: documentId('d'),
    index,
    paragraph: index,
    kind: 'sentence',
    separator: '\n',
    source,
    mt: { en: mt },
    ...(alignScore === undefined ? {} : { alignScore }),
  }) as Unit;
const rendering = (index: number, lang: string, text: string, state: Rendering['state']): Rendering =>
  ({
    id: renderingId(unitId(`u${index}`), lang),
    unitId: unitId(`u${index}`),
    documentId: documentId('d'),
    lang,
    text,
    state,
    updatedAt: 0,
    updatedBy: 'a',
    revision: 1,
  }) as Rendering;
const issue = (check: string, severity: Issue['severity']): Issue =>
  ({ id: `${check}:x:0`, check, severity, category: 'style', messageKey: 'k' }) as Issue;

const units = [
  unit(0, 'To pass to contents', 'Перейти к содержанию', 0.9),
  unit(1, 'The head of LPS reports to Maslikhatami.', '', 0.3),
  unit(2, 'Functions and tasks:'),
];
const renderings = new Map([
  [
    'en',
    new Map([
      ['u0', rendering(0, 'en', 'Go to contents', 'approved')],
      ['u1', rendering(1, 'en', 'The head of LPS reports to Maslikhatami.', 'mt')],
    ]),
  ],
  ['kk', new Map([['u2', rendering(2, 'kk', 'Функциялары мен міндеттері:', 'edited')]])],
]);
const issues = new Map([
  [
    'en',
    new Map([
      ['u1', [issue('russian-case-ending', 'major')]],
      ['u0', [issue('calque', 'minor')]],
    ]),
  ],
]);
const input = { units, langs: ['en', 'kk'], renderings, issues };

describe('filterUnits', () => {
  it.each<[string, FilterCriteria, number[]]>([
    ['no criteria', {}, [0, 1, 2]],
    ['text in the source, any case', { text: 'содержанию' }, [0]],
    ['text in a rendering', { text: 'go to' }, [0]],
    ['text in the machine translation', { text: 'pass to' }, [0]],
    ['case-sensitive text', { text: 'go to', caseSensitive: true }, []],
    ['regular expression', { text: '\\bMaslikhat\\w+', regex: true }, [1]],
    ['regex special characters taken literally without regex', { text: 'tasks:' }, [2]],
    ['state of one language', { lang: 'en', state: 'approved' }, [0]],
    ['not approved in any language', { state: 'unapproved' }, [0, 1, 2]],
    ['not approved in English', { lang: 'en', state: 'unapproved' }, [1, 2]],
    ['with issues', { issues: 'any' }, [0, 1]],
    ['major or worse', { issues: 'major' }, [1]],
    ['without issues', { issues: 'none' }, [2]],
    ['by check', { check: 'calque' }, [0]],
    ['uncertain alignment', { uncertainBelow: 0.5 }, [1]],
    ['given units', { unitIds: new Set(['u2']) }, [2]],
    ['criteria combine', { text: 'LPS', issues: 'any', lang: 'en', state: 'mt' }, [1]],
  ])('%s', (_name, criteria, expected) => {
    expect(filterUnits(input, criteria)).toEqual(expected);
  });

  it('shows nothing for a regular expression that does not compile', () => {
    expect(filterUnits(input, { text: '(', regex: true })).toEqual([]);
  });
});

describe('regular expressions in search run in linear time', () => {
  it('answers a pattern that backtracks exponentially elsewhere ((a+)+$ on forty a and "!")', () => {
    const matcher = textMatcher({ text: '(a+)+$', regex: true });
    expect(matcher.ok && matcher.test?.(`${'a'.repeat(40)}!`)).toBe(false);
    expect(matcher.ok && matcher.test?.('a'.repeat(40))).toBe(true);
  });

  it('refuses look-arounds and back-references with the reason', () => {
    const ahead = textMatcher({ text: 'police(?= service)', regex: true });
    expect(ahead).toMatchObject({ ok: false, error: expect.stringContaining('(?=') });
    expect(textMatcher({ text: '(\\w)\\1', regex: true }).ok).toBe(false);
  });

  it('matches Cyrillic case-insensitively', () => {
    const matcher = textMatcher({ text: 'полиц\\w*|ПОЛИЦ', regex: true });
    expect(matcher.ok && matcher.test?.('Местная ПОЛИЦИЯ')).toBe(true);
  });
});
