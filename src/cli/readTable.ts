import { UsageError } from './args.ts';
import { readPieces } from './readPieces.ts';
import { delimiterFor } from '../core/formats/csv.ts';
import { TableReader, type TableRow } from '../core/formats/tableReader.ts';
import type { Problem } from '../core/result.ts';

/** Thrown by a `row` callback to refuse the table with a message at that row's line. */
export function rowProblem(path: string, problem: Problem, row?: TableRow): UsageError {
  const line = problem.line ?? row?.line;
  return new UsageError(`${path}${line !== undefined ? `:${line}` : ''}: ${problem.message}`);
}

/**
 * Reads a CSV/TSV file a piece at a time (readPieces: UTF-8 or UTF-16 with a BOM, binary data refused) through
 * TableReader, handing over the header once and then each data row as its line ends. The delimiter is the one
 * the name says (.tsv tab, .csv comma), else the one the first line suggests. Only the rows the callbacks keep
 * stay in memory. Bad input is refused as `FILE:LINE: message`.
 */
export function readTableFile(
  path: string,
  take: {
    readonly header: (cells: readonly string[], delimiter: ',' | '\t' | ';') => void;
    readonly row: (row: TableRow) => void;
  },
): void {
  let reader: TableReader | undefined;
  let delimiter: ',' | '\t' | ';' = ',';
  let headerSeen = false;
  const hand = (rows: readonly TableRow[]) => {
    if (!headerSeen && reader?.header) {
      headerSeen = true;
      take.header(reader.header, delimiter);
    }
    for (const row of rows) take.row(row);
  };
  readPieces(path, (text, last) => {
    if (!reader) {
      delimiter = delimiterFor(path, text.replace(/^\uFEFF/, ''));
      reader = new TableReader(delimiter);
    }
    const rows = reader.push(text);
    if (!rows.ok) throw rowProblem(path, rows.error);
    hand(rows.value);
    if (last) {
      const end = reader.end();
      if (!end.ok) throw rowProblem(path, end.error);
      hand(end.value);
    }
  });
}
