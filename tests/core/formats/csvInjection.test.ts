import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { neutraliseCell, parseTable, restoreCell, serialiseTable } from '../../../src/core/formats/csv.ts';
import { serialiseGlossaryCsv } from '../../../src/core/formats/glossaryCsv.ts';
import { isSupportedLangTag } from '../../../src/core/model/lang.ts';
import { jsonSyntaxError } from '../../../src/core/formats/jsonSyntax.ts';

describe('CSV formula neutralising (OWASP)', () => {
  const fires: string[] = ['=1+1', '+cmd', '-2', '@SUM(A1)', '\tx', '\rx', "'=x", "''+x"];
  const quiet: string[] = ['', 'text', ' =not first', "'quoted", "it's", '1-2', 'a=b', 'e@mail.kz', '–dash'];
  it.each(fires)('neutralises %j', (cell) => expect(neutraliseCell(cell)).toBe(`'${cell}`));
  it.each(quiet)('leaves %j alone', (cell) => expect(neutraliseCell(cell)).toBe(cell));

  it('gives every cell back as it was after writing and reading', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...fires, ...quiet), fc.string({ maxLength: 6 })), {
          minLength: 1,
          maxLength: 5,
        }),
        (cells) => {
          for (const delimiter of [',', '\t'] as const) {
            const t = parseTable(
              serialiseTable(
                ['h'],
                cells.map((c) => [c]),
                delimiter,
              ),
              delimiter,
            );
            // Blank rows are skipped by the reader; every other cell round-trips.
            expect(t.ok && t.value.rows.map((r) => r.cells[0])).toEqual(cells.filter((c) => c !== ''));
          }
          expect(cells.map((c) => restoreCell(neutraliseCell(c)))).toEqual(cells);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('applies to the glossary CSV export', () => {
    const csv = serialiseGlossaryCsv([
      {
        id: 'e1',
        terms: [
          { lang: 'ru', text: '=HYPERLINK("http://evil","x")', status: 'preferred' },
          { lang: 'en', text: 'plain', status: 'preferred' },
        ],
        note: '@SUM(1)',
      } as never,
    ]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv).toContain("'@SUM(1)");
    expect(csv).not.toMatch(/(^|,)[=@]/m);
  });
});

describe('language tags on the command line', () => {
  it.each(['ru', 'en', 'kk', 'KK', 'kk-KZ', 'kk-Cyrl-KZ', 'en-US', 'ru-RU', 'kk-Latn', 'en-419'])(
    'accepts %s',
    (tag) => expect(isSupportedLangTag(tag)).toBe(true),
  );
  it.each(['zz', 'zz-bogus', 'en-bogus', 'de', 'e', 'kk_KZ ', 'en-US-x-private', 'english', ''])(
    'refuses %j',
    (tag) => expect(isSupportedLangTag(tag)).toBe(false),
  );
});

describe('JSON syntax errors', () => {
  const cases: [string, string, number, number][] = [
    ['{\n  "a": x\n}', 'expected a value but found "x"', 2, 8],
    ['{"a": 1,}', 'expected a quoted property name but found "}"', 1, 9],
    ['[1, 2', 'expected "," or "]" but found the end of the file', 1, 6],
    ['{"a": "line\nbreak"}', 'a string is not closed or has a bad escape or control character', 1, 7],
    ['{} {}', 'unexpected "{" after the JSON value', 1, 4],
    ['', 'expected a value but found the end of the file', 1, 1],
  ];
  it.each(cases)('%j', (text, message, line, column) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonSyntaxError(text)).toEqual({ message, line, column });
  });
  it('walks deep nesting without recursion', () => {
    expect(jsonSyntaxError(`${'['.repeat(100_000)}x`).message).toBe('expected a value but found "x"');
  });
});
