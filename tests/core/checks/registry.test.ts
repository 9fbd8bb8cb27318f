import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allChecks, checkDocument, pairChecks, type CheckPair } from '../../../src/core/checks/index.ts';
import { CASES } from './cases.ts';
import { CLASS_CASES } from './classCases.ts';

const locale = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../../locales/${lang}/translation.json`, import.meta.url), 'utf8')) as {
    checks: { about: Record<string, string> };
  };

// Document checks, each with a document where it must fire on one unit and stay quiet on another.
const DOCUMENT_CASES: readonly {
  check: string;
  pairs: readonly CheckPair[];
  fires: string;
  quiet: string;
}[] = [
  {
    check: 'inconsistent-translation',
    pairs: [
      { id: 'a', source: 'Контакты', target: 'Contacts' },
      { id: 'b', source: 'Контакты', target: 'Contacts' },
      { id: 'c', source: 'Контакты', target: 'Contact us' },
    ],
    fires: 'c',
    quiet: 'a',
  },
  {
    check: 'inconsistent-source',
    pairs: [
      {
        id: 'a',
        source: 'Заявление принято к рассмотрению.',
        target: 'The application has been accepted for review.',
      },
      {
        id: 'b',
        source: 'Заявление принято к рассмотрению.',
        target: 'The application has been accepted for review.',
      },
      {
        id: 'c',
        source: 'Заявление отклонено без рассмотрения.',
        target: 'The application has been accepted for review.',
      },
    ],
    fires: 'c',
    quiet: 'a',
  },
];

describe('check registry', () => {
  it('gives every check a unique id and a description in English, Russian and Kazakh', () => {
    const ids = allChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const lang of ['en', 'ru', 'kk']) {
      const about = locale(lang).checks.about;
      for (const id of ids) expect.soft(about[id], `${lang} checks.about.${id}`).toBeTruthy();
    }
  });

  it('has, for every pair check, a case where it must fire and one where it must stay quiet', () => {
    const all = [...CASES, ...CLASS_CASES];
    // The glossary checks need a glossary (glossary.test.ts has their cases both ways), the Kazakh dictionary
    // checks the Kazakh dictionary (tests/core/spelling/kazakhChecks.test.ts has theirs); omission and addition
    // align sentences and have tables of their own both ways in alignmentGaps.test.ts.
    const withOwnCases = new Set([
      'kazakh-lookalike-words',
      'kazakh-vowel-harmony',
      'kazakh-spelling',
      'omission',
      'addition',
    ]);
    for (const check of pairChecks.filter((c) => c.family !== 'glossary' && !withOwnCases.has(c.id))) {
      expect
        .soft(
          all.some(([id, , , , h]) => id === check.id && h !== null),
          `${check.id} fires`,
        )
        .toBe(true);
      expect
        .soft(
          all.some(([id, , , , h]) => id === check.id && h === null),
          `${check.id} quiet`,
        )
        .toBe(true);
    }
  });

  it.each(DOCUMENT_CASES)('document check $check fires on one unit and not on another', (c) => {
    const result = checkDocument(c.pairs, { sourceLang: 'ru', targetLang: 'en' });
    expect(result.get(c.fires)?.map((i) => i.check)).toContain(c.check);
    expect(result.get(c.quiet)?.map((i) => i.check) ?? []).not.toContain(c.check);
  });

  it('covers every document check with the table above or the glossary tests', () => {
    const covered = new Set([...DOCUMENT_CASES.map((c) => c.check), 'term-inconsistent']);
    for (const check of allChecks) if (check.scope === 'document') expect(covered).toContain(check.id);
  });
});
