import { describe, expect, it } from 'vitest';
import { parseTable } from '../../../src/core/formats/csv.ts';
import { TableReader, type TableRow } from '../../../src/core/formats/tableReader.ts';
import type { Result } from '../../../src/core/result.ts';

type Read = Result<{ header: readonly string[] | undefined; rows: TableRow[] }>;

/** Reads `text` given in the pieces that `cuts` (offsets, ascending) make of it. */
function readInPieces(text: string, cuts: readonly number[], delimiter: ',' | '\t' = ','): Read {
  const reader = new TableReader(delimiter);
  const rows: TableRow[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    const got = reader.push(text.slice(from, cut));
    if (!got.ok) return got;
    rows.push(...got.value);
    from = cut;
  }
  const last = reader.end();
  if (!last.ok) return last;
  return { ok: true, value: { header: reader.header, rows: [...rows, ...last.value] } };
}

// Every construct whose reading depends on the next character: a BOM, a doubled quote at a field's start and
// end, a quoted line break (LF and CRLF), CRLF row ends, a lone CR row end, an empty quoted field, a blank line,
// a formula-like cell written with its apostrophe, a delimiter inside quotes, and no line break at the end.
const TRICKY =
  '\uFEFFid,source,target\r\n' +
  '1,"""Quoted"" start","end ""quoted"""\r\n' +
  '2,"two\nlines","two\r\nlines, CRLF"\r\n' +
  '\r\n' +
  '3,"",\'=1+1\r' +
  '4,"a,b",c\n' +
  '5,plain,"tail"';

describe('TableReader', () => {
  const whole = parseTable(TRICKY);

  it('reads the sample as parseTable does', () => {
    expect(whole.ok && whole.value).toEqual({
      header: ['id', 'source', 'target'],
      rows: [
        { line: 2, cells: ['1', '"Quoted" start', 'end "quoted"'] },
        { line: 3, cells: ['2', 'two\nlines', 'two\r\nlines, CRLF'] },
        { line: 7, cells: ['3', '', '=1+1'] },
        { line: 8, cells: ['4', 'a,b', 'c'] },
        { line: 9, cells: ['5', 'plain', 'tail'] },
      ],
    });
  });

  it.each(Array.from({ length: TRICKY.length + 1 }, (_, k) => k))(
    'gives the same rows and lines when the text is cut at %i',
    (cut) => {
      const read = readInPieces(TRICKY, [cut]);
      expect(read.ok && read.value.rows).toEqual(whole.ok && whole.value.rows);
    },
  );

  it('gives the same rows when the text arrives a character at a time, and in every pair of cuts', () => {
    const expected = whole.ok && whole.value.rows;
    const oneByOne = readInPieces(
      TRICKY,
      Array.from({ length: TRICKY.length }, (_, k) => k),
    );
    expect(oneByOne.ok && oneByOne.value.rows).toEqual(expected);
    for (let a = 0; a <= TRICKY.length; a += 1)
      for (let b = a; b <= TRICKY.length; b += 3) {
        const read = readInPieces(TRICKY, [a, b]);
        if (!read.ok || JSON.stringify(read.value.rows) !== JSON.stringify(expected))
          throw new Error(`cut at ${a} and ${b}: ${JSON.stringify(read)}`);
      }
  });

  it('reads TSV with a tab inside quotes', () => {
    const text = 'id\tsource\n1\t"a\tb"\n';
    for (let cut = 0; cut <= text.length; cut += 1) {
      const read = readInPieces(text, [cut], '\t');
      expect(read.ok && read.value.rows).toEqual([{ line: 2, cells: ['1', 'a\tb'] }]);
    }
  });

  it.each([
    ['id,source\n1,"never closed\n2,x\n', 'a quoted field is never closed', 2],
    ['id,source\n1,x\n2,"a"b\n', 'text after a closing quote (a quote inside a field must be doubled)', 3],
    ['id,source\n1,x\n\n2,x,y\n', 'row has 3 cells but the header has 2', 4],
    ['id,source\n"1\n\n",x\n2\n', 'row has 1 cells but the header has 2', 5],
    ['\r\n\n', 'the file is empty: expected a header row', 1],
  ])('refuses %j at every cut with the same message and line', (text, message, line) => {
    for (let cut = 0; cut <= text.length; cut += 1) {
      const read = readInPieces(text, [cut]);
      expect(read.ok ? read : read.error).toEqual({ message, line });
    }
    const whole = parseTable(text);
    expect(whole.ok ? whole : whole.error).toEqual({ message, line });
  });

  it('hands each row back as soon as its line ends, holding none of the earlier ones', () => {
    const reader = new TableReader(',');
    expect(reader.push('id,source\n1,a\n2,"b')).toEqual({
      ok: true,
      value: [{ line: 2, cells: ['1', 'a'] }],
    });
    expect(reader.push('"\n')).toEqual({ ok: true, value: [{ line: 3, cells: ['2', 'b'] }] });
    expect(reader.end()).toEqual({ ok: true, value: [] });
  });
});
