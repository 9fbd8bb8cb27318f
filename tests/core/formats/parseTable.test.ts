import { describe, expect, it } from 'vitest';
import { parseTable } from '../../../src/core/formats/csv.ts';

// The reader takes fields as runs of the input; these cases pin what it must read and where it must fail.
describe('parseTable', () => {
  const cases: [string, string, ',' | '\t', string[][], number[]][] = [
    [
      'plain TSV',
      'id\tsource\n1\tодин\n2\tдва\n',
      '\t',
      [
        ['1', 'один'],
        ['2', 'два'],
      ],
      [2, 3],
    ],
    [
      'BOM and CRLF',
      '\uFEFFid,text\r\n1,a\r\n2,b',
      ',',
      [
        ['1', 'a'],
        ['2', 'b'],
      ],
      [2, 3],
    ],
    [
      'bare CR ends a row',
      'id,text\r1,a\r2,b\r',
      ',',
      [
        ['1', 'a'],
        ['2', 'b'],
      ],
      [2, 3],
    ],
    [
      'quoted delimiter, doubled quote and line breaks',
      'id,text\n1,"a, ""b""\nc\nd"\n2,e\n',
      ',',
      [
        ['1', 'a, "b"\nc\nd'],
        ['2', 'e'],
      ],
      [2, 5],
    ],
    [
      'blank lines skipped',
      'id,text\n\n1,a\n\n\n2,b\n',
      ',',
      [
        ['1', 'a'],
        ['2', 'b'],
      ],
      [3, 6],
    ],
    [
      'empty cells kept',
      'a,b,c\n,,\nx,,z\n',
      ',',
      [
        ['', '', ''],
        ['x', '', 'z'],
      ],
      [2, 3],
    ],
    ['a quote inside an unquoted field is text', 'a,b\nsay "hi",x\n', ',', [['say "hi"', 'x']], [2]],
    ['formula cell restored', "a,b\n'=1+1,'plain\n", ',', [['=1+1', "'plain"]], [2]],
    ['no final line break', 'a\tb\n1\t2', '\t', [['1', '2']], [2]],
  ];
  it.each(cases)('%s', (_name, text, delimiter, rows, lines) => {
    const table = parseTable(text, delimiter);
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.value.rows.map((r) => r.cells)).toEqual(rows);
    expect(table.value.rows.map((r) => r.line)).toEqual(lines);
  });

  const failures: [string, string, string, number][] = [
    ['text after a closing quote', 'a,b\n1,"x\ny"z\n', 'text after a closing quote', 3],
    ['a quote never closed', 'a,b\n1,ok\n2,"open\n\n', 'never closed', 3],
    ['a short row', 'a,b\n1,2\n3\n', 'row has 1 cells but the header has 2', 3],
    ['an empty file', '\n\n', 'the file is empty', 1],
  ];
  it.each(failures)('fails on %s with the line', (_name, text, message, line) => {
    const table = parseTable(text, ',');
    expect(table.ok).toBe(false);
    if (table.ok) return;
    expect(table.error.message).toContain(message);
    expect(table.error.line).toBe(line);
  });
});
