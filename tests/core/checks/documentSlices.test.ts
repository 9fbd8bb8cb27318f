import { describe, expect, it } from 'vitest';
import { buildTermIndex } from '../../../src/core/glossary/match.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { TermEntry } from '../../../src/core/model/term.ts';
import {
  checkDocument,
  checkPair,
  checkPairsOfDocument,
  completeDocument,
  computeDocumentStats,
  documentContext,
  type CheckPair,
  type PairOutcomes,
} from '../../../src/core/checks/index.ts';
import {
  documentPhasePairs,
  HAS_TERMS,
  issueLists,
  joinOutcomes,
  verdictOf,
} from '../../../src/core/checks/documentPhase.ts';
import { documentIssues } from '../../../src/core/checks/engine.ts';

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
      const outcomes: PairOutcomes[] = [];
      for (let i = 0; i < pairs.length; i += size)
        outcomes.push(
          checkPairsOfDocument(pairs.slice(i, i + size), documentContext(context, full.documentStats!)),
        );
      expect(completeDocument(pairs, joinOutcomes(outcomes), full)).toEqual(whole);
    }
  });

  it('finds what every pair check on every pair and every document check over the whole document find', () => {
    // Pair issues from checkPair one pair at a time, document issues from the document checks over all pairs
    // (none left out): what checkDocument must find, however it gets there.
    const doubled = [
      ...pairs,
      // One rendering of two different sources.
      {
        id: 'i',
        source: 'Отчёт размещён на портале ведомства.',
        target: 'The report is published on the website.',
      },
      ...pairs.map((p) => ({ ...p, id: `${p.id}2` })),
    ];
    const full = documentContext(context, computeDocumentStats(doubled));
    const own = checkPairsOfDocument(doubled, full);
    const expected = issueLists(
      doubled.map((p) => p.id),
      { found: [], issues: [] },
      documentIssues(doubled, own, full),
    );
    for (const pair of doubled) {
      const alone = checkPair(pair, full);
      expected.set(pair.id, [...alone, ...(expected.get(pair.id) ?? [])]);
    }
    const whole = checkDocument(doubled, context);
    expect([...whole.keys()]).toEqual(doubled.map((p) => p.id));
    for (const pair of doubled)
      expect(new Set(whole.get(pair.id)?.map((i) => i.id))).toEqual(
        new Set(expected.get(pair.id)?.map((i) => i.id)),
      );
    expect([...whole.values()].flat().map((i) => i.check)).toEqual(
      expect.arrayContaining(['inconsistent-translation', 'inconsistent-source', 'term-inconsistent']),
    );
  });

  it('takes the untranslated verdict only where a document check could ask for it', () => {
    const full = documentContext(context, computeDocumentStats(pairs));
    const { flags } = checkPairsOfDocument(pairs, full);
    const verdicts = Array.from(flags, verdictOf);
    expect(verdicts).toEqual([false, false, false, true, false, undefined, false, false]);
  });

  it('hands the document checks only the pairs that can take part in them', () => {
    const full = documentContext(context, computeDocumentStats(pairs));
    const outcomes = checkPairsOfDocument(pairs, full);
    // a and c share a source, b, e and g share one, b and e a target; a and c hold glossary terms.
    expect(documentPhasePairs(outcomes)).toEqual([0, 1, 2, 4, 6]);
    expect(Array.from(outcomes.flags, (f) => (f & HAS_TERMS) !== 0)).toEqual([
      true,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    // Equal keys for texts that differ only in case, spacing and final punctuation; different ones otherwise.
    const keys = checkPairsOfDocument(
      [
        { id: 'x', source: 'Отчёт  опубликован.', target: 'The Report.' },
        { id: 'y', source: 'отчёт опубликован', target: 'the report!' },
        { id: 'z', source: 'Отчёт не опубликован.', target: 'No report.' },
      ],
      full,
    );
    expect(keys.sourceKeys[0]).toBe(keys.sourceKeys[1]);
    expect(keys.targetKeys[0]).toBe(keys.targetKeys[1]);
    expect(keys.sourceKeys[2]).not.toBe(keys.sourceKeys[0]);
    expect(keys.targetKeys[2]).not.toBe(keys.targetKeys[0]);
    expect(documentPhasePairs(keys)).toEqual([0, 1]);
    // Pairs no consistency check reads (no source, a blank target, left untranslated) are in no group, however
    // alike their texts: a target-only document picks only what its glossary terms need.
    const alike: CheckPair[] = [
      { id: 'p', source: '', target: 'The report.' },
      { id: 'q', source: '', target: 'The report.' },
      { id: 'r', source: 'Отчёт.', target: '' },
      { id: 's', source: 'Отчёт.', target: '' },
      { id: 't', source: 'Отчёт опубликован.', target: 'Отчёт опубликован.' },
      { id: 'u', source: 'Отчёт опубликован.', target: 'Отчёт опубликован.' },
      { id: 'v', source: '', target: 'The maslikhat met.' },
    ];
    const own = documentContext(context, computeDocumentStats(alike));
    const unread = checkPairsOfDocument(alike, own);
    expect(documentPhasePairs(unread)).toEqual([6]);
    expect(completeDocument(alike, unread, own)).toEqual(checkDocument(alike, context));
  });

  it("joins slices in order, shifting each slice's issue indexes", () => {
    const full = documentContext(context, computeDocumentStats(pairs));
    const whole = checkPairsOfDocument(pairs, full);
    const joined = joinOutcomes([
      checkPairsOfDocument(pairs.slice(0, 3), full),
      checkPairsOfDocument(pairs.slice(3, 7), full),
      checkPairsOfDocument(pairs.slice(7), full),
    ]);
    expect(joined).toEqual(whole);
    expect(whole.found).toEqual(expect.arrayContaining([3, 5, 7]));
  });
});
