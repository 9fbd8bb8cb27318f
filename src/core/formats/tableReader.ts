import { fail, ok, type Result } from '../result.ts';
import { restoreCell } from './csv.ts';

/** One data row of a table and the 1-based line it starts on. */
export type TableRow = { readonly line: number; readonly cells: readonly string[] };

/**
 * RFC 4180 reader for CSV (delimiter ",") and TSV (delimiter "\t") that takes its text in pieces cut anywhere:
 * quoted fields may hold delimiters, doubled quotes and line breaks; a BOM and CRLF are accepted. Blank lines
 * are skipped. The first row is the header; every later row must have as many cells as the header, so a broken
 * row is reported with its line instead of shifting columns. A cell written by neutraliseCell gets its text
 * back (restoreCell). Only the row being read is held: a file of any size costs the rows the caller keeps.
 */
export class TableReader {
  readonly #delim: number;
  #header: readonly string[] | undefined;
  #cells: string[] = [];
  // A field is read in runs (slices of the input) rather than a character at a time: appending one character
  // at a time builds a chain of tiny strings that costs tens of bytes per character of the file.
  #field = '';
  #quoted = false;
  #fieldStarted = false;
  #afterQuote = false;
  #line = 1;
  #recordLine = 1;
  /** The last character of the previous piece when it could not be read alone: `"` or "\r". */
  #carry = '';
  #started = false;
  #failed = false;

  constructor(delimiter: ',' | '\t' | ';' = ',') {
    this.#delim = delimiter.charCodeAt(0);
  }

  /** The header's cells (trimmed), once its row has been read. */
  get header(): readonly string[] | undefined {
    return this.#header;
  }

  /** Reads the next piece; returns the data rows it completed. After a failure the reader takes nothing more. */
  push(piece: string): Result<TableRow[]> {
    return this.#read(piece, false);
  }

  /** Ends the text: the last row, or the problem of an unfinished quote or a missing header. */
  end(): Result<TableRow[]> {
    const rows = this.#read('', true);
    if (!rows.ok) return rows;
    if (!this.#header) return this.#fail('the file is empty: expected a header row', 1);
    return rows;
  }

  #fail(message: string, line: number): Result<never> {
    this.#failed = true;
    return fail({ message, line });
  }

  #read(piece: string, final: boolean): Result<TableRow[]> {
    if (this.#failed) return fail({ message: 'the table was already refused' });
    let input = this.#carry + piece;
    this.#carry = '';
    if (!this.#started && input !== '') {
      this.#started = true;
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    }
    let length = input.length;
    // A closing quote may be the first of a doubled one, and "\r" the first half of "\r\n": the next piece says.
    if (!final && length > 0) {
      const last = input.charCodeAt(length - 1);
      if (last === 34 || last === 13) {
        this.#carry = input.slice(length - 1);
        length -= 1;
      }
    }
    const rows: TableRow[] = [];
    const delim = this.#delim;
    let i = 0;
    while (i < length) {
      if (this.#quoted) {
        let close = input.indexOf('"', i);
        if (close >= length) close = -1;
        const run = input.slice(i, close < 0 ? length : close);
        for (let nl = run.indexOf('\n'); nl >= 0; nl = run.indexOf('\n', nl + 1)) this.#line += 1;
        this.#field += run;
        if (close < 0) {
          i = length;
          break;
        }
        if (input.charCodeAt(close + 1) === 34) {
          this.#field += '"';
          i = close + 2;
        } else {
          this.#quoted = false;
          this.#afterQuote = true;
          i = close + 1;
        }
        continue;
      }
      const ch = input.charCodeAt(i);
      if (ch === 34 && !this.#fieldStarted) {
        this.#quoted = true;
        this.#fieldStarted = true;
        i += 1;
      } else if (ch === delim) {
        this.#endField();
        i += 1;
      } else if (ch === 13 && input.charCodeAt(i + 1) === 10) {
        i += 1;
      } else if (ch === 10 || ch === 13) {
        const problem = this.#endRecord(rows);
        if (problem) return problem;
        this.#line += 1;
        this.#recordLine = this.#line;
        i += 1;
      } else {
        if (this.#afterQuote)
          return this.#fail(
            'text after a closing quote (a quote inside a field must be doubled)',
            this.#line,
          );
        let j = i + 1;
        for (; j < length; j += 1) {
          const c = input.charCodeAt(j);
          if (c === delim || c === 10 || c === 13) break;
        }
        this.#field += input.slice(i, j);
        this.#fieldStarted = true;
        i = j;
      }
    }
    // A doubled quote whose second half was the character held back has used it.
    if (i > length) this.#carry = '';
    if (final) {
      if (this.#quoted) return this.#fail('a quoted field is never closed', this.#recordLine);
      if (this.#fieldStarted || this.#cells.length > 0) {
        const problem = this.#endRecord(rows);
        if (problem) return problem;
      }
    }
    return ok(rows);
  }

  #endField(): void {
    this.#cells.push(restoreCell(this.#field));
    this.#field = '';
    this.#fieldStarted = false;
    this.#afterQuote = false;
  }

  #endRecord(rows: TableRow[]): Result<never> | undefined {
    this.#endField();
    const cells = this.#cells;
    this.#cells = [];
    if (cells.length === 1 && cells[0] === '') return undefined;
    if (!this.#header) {
      this.#header = cells.map((c) => c.trim());
      return undefined;
    }
    if (cells.length !== this.#header.length)
      return this.#fail(
        `row has ${cells.length} cells but the header has ${this.#header.length}`,
        this.#recordLine,
      );
    rows.push({ line: this.#recordLine, cells });
    return undefined;
  }
}
