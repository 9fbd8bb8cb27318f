import { fail, ok, type Result } from '../result.ts';
import { isLangCode, type Lang } from '../model/lang.ts';
import { parseTable, serialiseTable } from './csv.ts';
import type { InterchangeDocument, InterchangeTarget, InterchangeUnit } from './interchange.ts';
import { unitText } from './plainText.ts';
import type { TableRow } from './tableReader.ts';

/** What a language table's header says: the document's languages, and how a row becomes a unit. */
export type LanguageTableColumns = {
  readonly sourceLang: Lang;
  readonly targetLangs: readonly Lang[];
  readonly format: 'csv' | 'tsv';
  /** The unit of the `index`-th data row (0-based); an id used twice is refused with the row's line. */
  unit(row: TableRow, index: number): Result<InterchangeUnit>;
};

/**
 * The columns of a CSV/TSV with a column per language (`id,ru,en,kk`; the id column is optional). The source is
 * the column of `sourceLang`, or the first language column. A non-empty target cell is an `edited` rendering.
 * Rows may then come one at a time (a file read in pieces) or all at once.
 */
export function languageTableColumns(
  header: readonly string[],
  delimiter: ',' | '\t' | ';',
  options: { readonly sourceLang?: Lang } = {},
): Result<LanguageTableColumns> {
  const idCol = header.findIndex((h) => h.toLowerCase() === 'id');
  const langCols: { lang: Lang; col: number }[] = [];
  for (const [col, h] of header.entries()) {
    if (col === idCol) continue;
    if (!isLangCode(h))
      return fail({ message: `column "${h}" is not a language code (expected id, ru, en, kk…)`, line: 1 });
    langCols.push({ lang: h.toLowerCase(), col });
  }
  const wanted = options.sourceLang?.toLowerCase();
  const src = (wanted ? langCols.find((c) => c.lang === wanted) : undefined) ?? langCols[0];
  if (!src) return fail({ message: 'no language column in the header', line: 1 });
  if (wanted && src.lang !== wanted)
    return fail({ message: `no column for the source language "${wanted}"`, line: 1 });
  const targetCols = langCols.filter((c) => c !== src);
  const seen = new Set<string>();
  return ok({
    sourceLang: src.lang,
    targetLangs: targetCols.map((c) => c.lang),
    format: delimiter === '\t' ? 'tsv' : 'csv',
    unit(row, i) {
      const id = idCol >= 0 ? (row.cells[idCol] ?? '') : `u${i + 1}`;
      if (seen.has(id)) return fail({ message: `id "${id}" is used twice`, line: row.line });
      seen.add(id);
      const targets: Record<Lang, InterchangeTarget> = {};
      for (const c of targetCols) {
        const cell = row.cells[c.col] ?? '';
        targets[c.lang] = { content: cell ? [cell] : [], state: cell ? 'edited' : 'new', notes: [] };
      }
      return ok({ id, source: [row.cells[src.col] ?? ''], targets, notes: [] });
    },
  });
}

/** Reads a whole CSV/TSV with a column per language (see languageTableColumns). */
export function readLanguageTable(
  text: string,
  delimiter: ',' | '\t' | ';',
  options: { readonly sourceLang?: Lang } = {},
): Result<InterchangeDocument> {
  const table = parseTable(text, delimiter);
  if (!table.ok) return table;
  const columns = languageTableColumns(table.value.header, delimiter, options);
  if (!columns.ok) return columns;
  const units: InterchangeUnit[] = [];
  for (const [i, row] of table.value.rows.entries()) {
    const unit = columns.value.unit(row, i);
    if (!unit.ok) return unit;
    units.push(unit.value);
  }
  const { sourceLang, targetLangs, format } = columns.value;
  return ok({ sourceLang, targetLangs, units, format });
}

export function writeLanguageTable(doc: InterchangeDocument, delimiter: ',' | '\t' = ','): string {
  const langs = [doc.sourceLang, ...doc.targetLangs];
  const rows = doc.units.map((u) => [u.id, ...langs.map((l) => unitText(u, l, doc.sourceLang) ?? '')]);
  return serialiseTable(['id', ...langs], rows, delimiter);
}
