import { ok, type Result } from '../result.ts';
import { TableReader } from './tableReader.ts';

/** A parsed table: the header row and the data rows, each row with the 1-based line it starts on. */
export type Table = {
  readonly header: readonly string[];
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
};

/**
 * RFC 4180 reader for CSV (delimiter ",") and TSV (delimiter "\t"): quoted fields may hold delimiters,
 * doubled quotes and line breaks; a BOM and CRLF are accepted. Blank lines are skipped. Every row must have
 * as many cells as the header, so a broken row is reported with its line instead of shifting columns.
 * A cell written by neutraliseCell gets its text back (restoreCell). A whole text at once; TableReader
 * takes one in pieces.
 */
export function parseTable(text: string, delimiter: ',' | '\t' | ';' = ','): Result<Table> {
  const reader = new TableReader(delimiter);
  const rows = reader.push(text);
  if (!rows.ok) return rows;
  const last = reader.end();
  if (!last.ok) return last;
  rows.value.push(...last.value);
  return ok({ header: reader.header ?? [], rows: rows.value });
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
