import { describe, expect, it } from 'vitest';
import { buildTermIndex } from '../../../src/core/glossary/match.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { TermEntry } from '../../../src/core/model/term.ts';
import {
  checkDocument,
  checkPairsOfDocument,
  completeDocument,
  computeDocumentStats,
  documentContext,
  type CheckPair,
} from '../../../src/core/checks/index.ts';

const entries: TermEntry[] = [
  {
    id: entryId('e1'),
    projectId: projectId('t'),
    terms: [
      { lang: 'ru', text: 'маслихат', status: 'approved' },
      { lang: 'en', text: 'maslikhat', status: 'approved' },
      { lang: 'en', text: 'local council', status: 'proposed' },
    ],
    createdAt: 0,
    updatedAt: 0,
  },
];
const context = {
  sourceLang: 'ru',
  targetLang: 'en',
  glossary: buildTermIndex(entries),
  glossaryEntries: entries,
};

// Pairs that exercise every document check across slice boundaries: the same source rendered two ways in
// different slices, a proposed term beside the approved one, an untranslated pair, a blank target.
const pairs: CheckPair[] = [
  {
    id: 'a',
    source: 'Маслихат утвердил бюджет на 2016 год.',
    target: 'The maslikhat approved the budget for 2016.',
  },
  { id: 'b', source: 'Отчёт опубликован на сайте.', target: 'The report is published on the website.' },
  {
    id: 'c',
    source: 'Маслихат утвердил бюджет на 2016 год.',
    target: 'The local council approved the 2016 budget.',
  },
  { id: 'd', source: 'Полиция начала работу 1 января.', target: 'Полиция начала работу 1 января.' },
  { id: 'e', source: 'Отчёт опубликован на сайте.', target: 'The report is published on the website.' },
  { id: 'f', source: 'Срок — 11.06.2000.', target: '' },
  { id: 'g', source: 'Отчёт опубликован на сайте.', target: 'The report was put on the site.' },
  { id: 'h', source: 'В городе 1 500 полицейских.', target: 'The city has 1,600  police officers' },
];

describe('a document run in slices', () => {
  it('finds exactly what one checkDocument run finds, whatever the slicing', () => {
    const whole = checkDocument(pairs, context);
    expect([...whole.values()].flat().map((i) => i.check)).toEqual(
      expect.arrayContaining(['inconsistent-translation', 'untranslated', 'empty-target']),
    );
    const full = documentContext(context, computeDocumentStats(pairs));
    for (const size of [1, 3, 5, pairs.length]) {
      const outcomes = [];
      for (let i = 0; i < pairs.length; i += size)
        outcomes.push(
          ...checkPairsOfDocument(pairs.slice(i, i + size), documentContext(context, full.documentStats!)),
        );
      expect(completeDocument(pairs, outcomes, full)).toEqual(whole);
    }
  });

  it('takes the untranslated verdict only where a document check could ask for it', () => {
    const full = documentContext(context, computeDocumentStats(pairs));
    const verdicts = checkPairsOfDocument(pairs, full).map((o) => o.untranslated);
    expect(verdicts).toEqual([false, false, false, true, false, undefined, false, false]);
  });
});
