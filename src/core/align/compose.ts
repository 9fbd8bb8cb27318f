import type { Bead } from './types.ts';

/**
 * One row of a multi-language alignment: the pivot segments of the row and, for every other version, the segments
 * aligned to them. A row with `pivot: []` holds segments that versions added where the pivot has nothing.
 */
export type ComposedRow = {
  readonly pivot: readonly number[];
  readonly versions: Readonly<Record<string, readonly number[]>>;
  /** Lowest score of the beads the row was made from (1 when it was made from none). */
  readonly score: number;
};

/**
 * Composes three-language (or wider) rows from alignments that each used the same pivot as their source side: the
 * Russian source, or the English machine translation when there is no source. `beadsByLang[lang]` aligns the pivot
 * (source indices, `pivotLength` segments) to version `lang` (target indices).
 *
 * Rows are the finest split of the pivot that every alignment agrees with: a row ends where every version has a bead
 * boundary. When the Kazakh version merges pivot segments 1 and 2 while the English keeps them apart, pivot 1–2 is
 * one row with both English segments in it. Insertions (beads with no pivot segment) that fall on a row boundary get
 * a row of their own, shared by all versions that inserted something there; inside a row they join it.
 *
 * Throws when an alignment does not cover the pivot 0..pivotLength-1 in order.
 */
export function composeRows(
  pivotLength: number,
  beadsByLang: Readonly<Record<string, readonly Bead[]>>,
): ComposedRow[] {
  const langs = Object.keys(beadsByLang);
  // cuts[p]: how many versions have a bead boundary just before pivot segment p.
  const cuts = new Int32Array(pivotLength + 1);
  for (const lang of langs) {
    let next = 0;
    const own = new Uint8Array(pivotLength + 1);
    own[0] = 1;
    for (const bead of beadsByLang[lang]!) {
      if (bead.source.length === 0) continue;
      bead.source.forEach((s, k) => {
        if (s !== next + k)
          throw new Error(`composeRows: ${lang} alignment skips or repeats pivot segment ${next + k}`);
      });
      next += bead.source.length;
      own[next] = 1;
    }
    if (next !== pivotLength)
      throw new Error(`composeRows: ${lang} alignment covers ${next} of ${pivotLength} pivot segments`);
    for (let p = 0; p <= pivotLength; p += 1) cuts[p]! += own[p]!;
  }
  const isCut = (p: number) => cuts[p] === langs.length;
  const starts: number[] = [];
  for (let p = 0; p < pivotLength; p += 1) if (isCut(p)) starts.push(p);
  const rowOf = new Int32Array(pivotLength);
  type Draft = { pivot: number[]; versions: Record<string, number[]>; score: number };
  const empty = (): Record<string, number[]> => Object.fromEntries(langs.map((l) => [l, [] as number[]]));
  const spanRows: Draft[] = starts.map((start, r) => {
    const end = r + 1 < starts.length ? starts[r + 1]! : pivotLength;
    const pivot: number[] = [];
    for (let p = start; p < end; p += 1) {
      pivot.push(p);
      rowOf[p] = r;
    }
    return { pivot, versions: empty(), score: 1 };
  });
  // Rows of insertions, by the pivot position (0..pivotLength) they stand before.
  const insertionRows = new Map<number, Draft>();
  for (const lang of langs) {
    let position = 0;
    for (const bead of beadsByLang[lang]!) {
      let row: Draft;
      if (bead.source.length > 0) {
        row = spanRows[rowOf[bead.source[0]!]!]!;
        position = bead.source[bead.source.length - 1]! + 1;
      } else if (isCut(position)) {
        row = insertionRows.get(position) ?? { pivot: [], versions: empty(), score: 1 };
        insertionRows.set(position, row);
      } else {
        // Inside a row: the row that holds the pivot segment just before.
        row = spanRows[rowOf[position - 1]!]!;
      }
      row.versions[lang]!.push(...bead.target);
      row.score = Math.min(row.score, bead.score);
    }
  }
  const rows: ComposedRow[] = [];
  const emit = (d: Draft) => {
    for (const lang of langs) d.versions[lang]!.sort((a, b) => a - b);
    rows.push({ pivot: d.pivot, versions: d.versions, score: d.score });
  };
  spanRows.forEach((row, r) => {
    const before = insertionRows.get(starts[r]!);
    if (before) emit(before);
    emit(row);
  });
  const atEnd = insertionRows.get(pivotLength);
  if (atEnd) emit(atEnd);
  return rows;
}
