import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGlossaryCsv, serialiseGlossaryCsv } from '../../../src/core/formats/glossaryCsv.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { TermEntry } from '../../../src/core/model/term.ts';

const P = projectId('p1');
const NOW = 1_700_000_000_000;
const parse = (text: string) => parseGlossaryCsv(text, P, NOW);

describe('parseGlossaryCsv reads', () => {
  it('one entry per row with a term per language and the optional fields', () => {
    const result = parse(
      'ru,en,kk,kk-Latn,status,note,definition,pos\r\n' +
        'аким,Akim,әкім,äkım,approved,title,"head of the executive, in a region",noun\r\n' +
        'маслихат,Maslikhat,мәслихат,,proposed,,,\r\n',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [akim, maslikhat] = result.value;
    expect(akim?.terms.map((t) => [t.lang, t.text, t.status])).toEqual([
      ['ru', 'аким', 'approved'],
      ['en', 'Akim', 'approved'],
      ['kk', 'әкім', 'approved'],
      ['kk-Latn', 'äkım', 'approved'],
    ]);
    expect(akim).toMatchObject({
      projectId: P,
      createdAt: NOW,
      updatedAt: NOW,
      note: 'title',
      partOfSpeech: 'noun',
    });
    expect(akim?.definition).toBe('head of the executive, in a region');
    expect(maslikhat?.terms.map((t) => t.status)).toEqual(['proposed', 'proposed', 'proposed']);
    expect(maslikhat?.note).toBeUndefined();
    expect(akim?.id).not.toBe(maslikhat?.id);
  });
  it('status defaults to approved and synonyms split on |', () => {
    const result = parse('en,ru\nLPS|Local police service,СМП\n');
    expect(result.ok && result.value[0]?.terms.map((t) => [t.text, t.status])).toEqual([
      ['LPS', 'approved'],
      ['Local police service', 'approved'],
      ['СМП', 'approved'],
    ]);
  });
  it('per-language statuses override the row status', () => {
    const result = parse('en,en:status,ru,status\nMIA|Militia,approved|forbidden,МВД,proposed\n');
    expect(result.ok && result.value[0]?.terms.map((t) => [t.text, t.status])).toEqual([
      ['MIA', 'approved'],
      ['Militia', 'forbidden'],
      ['МВД', 'proposed'],
    ]);
  });
  it('ids from an id column, and TSV', () => {
    const result = parse('id\ten\tru\nterm-1\tAkim\tаким\n');
    expect(result.ok && result.value[0]?.id).toBe('term-1');
  });
});

describe('parseGlossaryCsv refuses, naming the line', () => {
  const cases: [string, string, string, number][] = [
    ['an unknown column', 'ru,english\nаким,Akim\n', 'glossary.csv.unknownColumn', 1],
    ['a language outside the project', 'ru,de\nаким,Akim\n', 'glossary.csv.unknownColumn', 1],
    ['a row with a missing cell', 'ru,en\nаким,Akim\nмаслихат\n', 'glossary.csv.malformed', 3],
    ['a bad status', 'ru,en,status\nаким,Akim,approved\nакимат,Akimat,final\n', 'glossary.csv.badStatus', 3],
    ['a duplicate entry', 'ru,en\nаким,Akim\nакимат,Akimat\nаким,akim\n', 'glossary.csv.duplicateEntry', 4],
    ['a term listed twice', 'en\nAkim|akim\n', 'glossary.csv.repeatedTerm', 2],
    ['a row without terms', 'ru,en,note\n,,x\n', 'glossary.csv.noTerms', 2],
    ['a header without languages', 'note,status\nx,approved\n', 'glossary.csv.noLanguages', 1],
    ['a duplicate column', 'ru,en,ru\nа,b,c\n', 'glossary.csv.duplicateColumn', 1],
    ['a bad part of speech', 'en,pos\nAkim,thing\n', 'glossary.csv.badPos', 2],
    ['too many statuses', 'en,en:status\nAkim,approved|forbidden\n', 'glossary.csv.statusCount', 2],
    ['an empty file', '', 'glossary.csv.malformed', 1],
  ];
  it.each(cases)('%s', (_name, text, key, line) => {
    const result = parseGlossaryCsv(text, P, NOW, { langs: ['ru', 'en', 'kk', 'kk-Latn'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([result.error.key, result.error.line]).toEqual([key, line]);
    expect(result.error.message).not.toBe('');
  });
});

const termText = fc
  .string({
    minLength: 1,
    maxLength: 12,
    unit: fc.constantFrom('a', 'Ә', 'қ', 'я', ' ', '|', '\\', '"', ',', '\n', 'Z'),
  })
  .filter((s) => s.trim() === s && s !== '');
const entryArb = fc.record({
  terms: fc.uniqueArray(
    fc.record({
      lang: fc.constantFrom('ru', 'en', 'kk', 'kk-Latn'),
      text: termText,
      status: fc.constantFrom('approved' as const, 'proposed' as const, 'forbidden' as const),
    }),
    { minLength: 1, maxLength: 5, selector: (t) => `${t.lang}\u0000${t.text.toLowerCase()}` },
  ),
  definition: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: undefined }),
  note: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: undefined }),
  partOfSpeech: fc.option(fc.constantFrom('noun' as const, 'properNoun' as const), { nil: undefined }),
});

describe('glossary CSV round trip', () => {
  it('export → import → export is identical', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(entryArb, {
          maxLength: 6,
          selector: (e) =>
            e.terms
              .map((t) => `${t.lang}\u0000${t.text.toLowerCase()}`)
              .sort()
              .join('\u0001'),
        }),
        (raw) => {
          const entries: TermEntry[] = raw.map((e, i) => ({
            id: entryId(`e${i}`),
            projectId: P,
            terms: e.terms,
            ...(e.definition ? { definition: e.definition } : {}),
            ...(e.note ? { note: e.note } : {}),
            ...(e.partOfSpeech ? { partOfSpeech: e.partOfSpeech } : {}),
            createdAt: 0,
            updatedAt: 0,
          }));
          const first = serialiseGlossaryCsv(entries, { ids: true });
          const parsed = parseGlossaryCsv(first, P, NOW);
          if (entries.length === 0) return;
          expect(parsed.ok ? 'ok' : parsed.error.message).toBe('ok');
          if (!parsed.ok) return;
          expect(serialiseGlossaryCsv(parsed.value, { ids: true })).toBe(first);
          expect(parsed.value.map((e) => e.id)).toEqual(entries.map((e) => e.id));
        },
      ),
      { numRuns: 300 },
    );
  });
});
