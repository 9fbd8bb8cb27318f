import { UsageError } from './args.ts';
import { writeBeside } from './readPieces.ts';
import { readTableFile, rowProblem } from './readTable.ts';
import { fileKind, type ConvertOptions } from '../core/formats/convertDocument.ts';
import type { TableRow } from '../core/formats/tableReader.ts';
import { languageTableColumns, type LanguageTableColumns } from '../core/formats/languageTable.ts';
import { canStreamDocument, streamDocument, type DocumentStream } from '../core/formats/streamedDocument.ts';
import { FORBIDDEN_XML_CHAR } from '../core/formats/xml/xmlChars.ts';

/** Whether a CSV/TSV document can be converted into OUT as it is read. */
export function canStreamTableInto(output: string): boolean {
  return canStreamDocument(output);
}

/** Line of the first character XML cannot hold in a row's cells, or undefined. */
function forbiddenLine(cells: readonly string[], firstLine: number): number | undefined {
  let line = firstLine;
  for (const cell of cells) {
    const m = FORBIDDEN_XML_CHAR.exec(cell);
    if (m) return line + (cell.slice(0, m.index).match(/\r\n?|\n/g) ?? []).length;
    line += (cell.match(/\r\n?|\n/g) ?? []).length;
  }
  return undefined;
}

/**
 * Converts a CSV/TSV document (a column per language) into CSV, TSV, TMX, XLIFF or text as it is read, through
 * a file beside OUT that replaces it only when everything succeeded. The output is what converting the file
 * whole gives; memory holds one batch of units and the ids seen, not the file. Returns the number of units.
 */
export function streamTableFile(input: string, output: string, options: ConvertOptions): number {
  const xml = ['xliff', 'tmx'].includes(fileKind(output) ?? '');
  return writeBeside(output, (write) => {
    let columns: LanguageTableColumns | undefined;
    let stream: DocumentStream | undefined;
    let units = 0;
    const outProblem = (message: string) =>
      new UsageError(message.startsWith(`${output}:`) ? message : `${output}: ${message}`);
    // The rows of the batch not yet written, for XML outputs: a character XML cannot hold is the input's
    // problem, so the writer's message is given the line of the first such character in them.
    const pending: TableRow[] = [];
    const placed = (message: string) => {
      for (const row of pending) {
        const line = forbiddenLine(row.cells, row.line);
        if (line !== undefined) return rowProblem(input, { message, line });
      }
      return outProblem(message);
    };
    readTableFile(input, {
      header(header, delimiter) {
        const read = languageTableColumns(header, delimiter, options);
        if (!read.ok) throw rowProblem(input, read.error);
        columns = read.value;
        const made = streamDocument(output, columns, options);
        if (!made.ok) throw outProblem(made.error.message);
        stream = made.value;
      },
      row(row) {
        if (!columns || !stream) return;
        const unit = columns.unit(row, units);
        if (!unit.ok) throw rowProblem(input, unit.error, row);
        units += 1;
        if (xml) pending.push(row);
        const out = stream.push([unit.value]);
        if (!out.ok) throw placed(out.error.message);
        // Written: the rows of the batch are done with.
        if (out.value !== '') pending.length = 0;
        write(out.value);
      },
    });
    if (!stream || units === 0)
      throw new UsageError(`${input}:1: the file holds no text: nothing to convert`);
    const end = stream.end();
    if (!end.ok) throw placed(end.error.message);
    write(end.value);
    return units;
  });
}
