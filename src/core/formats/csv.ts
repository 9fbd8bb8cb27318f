import { fail, ok, type Result } from '../result.ts';

/** A parsed table: the header row and the data rows, each row with the 1-based line it starts on. */
export type Table = {
  readonly header: readonly string[];
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
};

/**
 * RFC 4180 reader for CSV (delimiter ",") and TSV (delimiter "\t"): quoted fields may hold delimiters,
 * doubled quotes and line breaks; a BOM and CRLF are accepted. Blank lines are skipped. Every row must have
 * as many cells as the header, so a broken row is reported with its line instead of shifting columns.
 * A cell written by neutraliseCell gets its text back (restoreCell).
 */
export function parseTable(text: string, delimiter: ',' | '\t' | ';' = ','): Result<Table> {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { line: number; cells: string[] }[] = [];
  const delim = delimiter.charCodeAt(0);
  let cells: string[] = [];
  // A field is read in runs (slices of the input) rather than a character at a time: appending one character
  // at a time builds a chain of tiny strings that costs tens of bytes per character of the file.
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;
  let afterQuote = false;
  const endField = () => {
    cells.push(restoreCell(field));
    field = '';
    fieldStarted = false;
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  const length = input.length;
  let i = 0;
  while (i < length) {
    if (quoted) {
      const close = input.indexOf('"', i);
      if (close < 0) return fail({ message: 'a quoted field is never closed', line: recordLine });
      const run = input.slice(i, close);
      for (let nl = run.indexOf('\n'); nl >= 0; nl = run.indexOf('\n', nl + 1)) line += 1;
      field += run;
      if (input.charCodeAt(close + 1) === 34) {
        field += '"';
        i = close + 2;
      } else {
        quoted = false;
        afterQuote = true;
        i = close + 1;
      }
      continue;
    }
    const ch = input.charCodeAt(i);
    if (ch === 34 && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i += 1;
    } else if (ch === delim) {
      endField();
      i += 1;
    } else if (ch === 13 && input.charCodeAt(i + 1) === 10) {
      i += 1;
    } else if (ch === 10 || ch === 13) {
      endRecord();
      line += 1;
      recordLine = line;
      i += 1;
    } else {
      if (afterQuote)
        return fail({ message: 'text after a closing quote (a quote inside a field must be doubled)', line });
      let j = i + 1;
      for (; j < length; j += 1) {
        const c = input.charCodeAt(j);
        if (c === delim || c === 10 || c === 13) break;
      }
      field += input.slice(i, j);
      fieldStarted = true;
      i = j;
    }
  }
  if (quoted) return fail({ message: 'a quoted field is never closed', line: recordLine });
  if (fieldStarted || cells.length > 0) endRecord();
  const [head, ...rest] = records;
  if (!head) return fail({ message: 'the file is empty: expected a header row', line: 1 });
  const header = head.cells.map((c) => c.trim());
  for (const row of rest) {
    if (row.cells.length !== header.length) {
      return fail({
        message: `row has ${row.cells.length} cells but the header has ${header.length}`,
        line: row.line,
      });
    }
  }
  return ok({ header, rows: rest });
}

/** Guesses the delimiter from a file name (".tsv" → tab) or, failing that, from the first line. */
export function delimiterFor(fileName: string, text: string): ',' | '\t' | ';' {
  if (/\.tsv$/i.test(fileName)) return '\t';
  if (/\.csv$/i.test(fileName)) return ',';
  const first = text.split('\n', 1)[0] ?? '';
  if (first.includes('\t')) return '\t';
  return first.split(';').length > first.split(',').length ? ';' : ',';
}

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection": a leading =, +, -, @, tab or carriage
 * return) are written with a leading apostrophe, which spreadsheets show as text. Cells that already start
 * with apostrophes before such a character get one more, so reading drops exactly one and every text comes
 * back as it was.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function restoreCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

function quote(raw: string, delimiter: string): string {
  const cell = neutraliseCell(raw);
  return /["\r\n]/.test(cell) || cell.includes(delimiter) || /^\s|\s$/.test(cell)
    ? `"${cell.replace(/"/g, '""')}"`
    : cell;
}

/**
 * Writes a table with CRLF line ends, as RFC 4180 asks; fields are quoted only when they must be, and
 * formula-like cells are neutralised (neutraliseCell).
 */
export function serialiseTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  delimiter = ',',
): string {
  return (
    [header, ...rows].map((r) => r.map((c) => quote(c, delimiter)).join(delimiter)).join('\r\n') + '\r\n'
  );
}
