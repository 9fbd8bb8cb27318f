/**
 * Hand corrections of an alignment between the units a document already has (the pivot side) and an imported
 * version (the imported side). Every operation keeps each pivot unit and each imported sentence exactly once and
 * in order; an operation that cannot apply returns the rows unchanged (the same array), so callers can tell.
 */
import type { Lang } from '../model/lang.ts';
import { splitSentences } from '../text/segment.ts';
import type { Bead } from './types.ts';

/** One row of an alignment under review: pivot units (unit indices) and the imported sentences paired with them. */
export type AlignRow = {
  /** Unit indices, ascending and contiguous across rows. */
  readonly pivot: readonly number[];
  /** Imported sentences, in document order. */
  readonly imported: readonly string[];
  /** Aligner confidence in [0, 1]; undefined where none is known. */
  readonly score?: number;
  /** True once the reviewer has changed the row by hand: its pairing is then certain. */
  readonly manual?: boolean;
};

export type AlignSide = 'pivot' | 'imported';

export type AlignEdit =
  /** Joins a row with the next one. */
  | { readonly type: 'mergeNext'; readonly row: number }
  /** Splits a row at a character offset into its imported text (sentences joined by one space). */
  | { readonly type: 'split'; readonly row: number; readonly offset: number }
  /** Moves the first item of one side to the end of the previous row. */
  | { readonly type: 'moveUp'; readonly row: number; readonly side: AlignSide }
  /** Moves the last item of one side to the start of the next row. */
  | { readonly type: 'moveDown'; readonly row: number; readonly side: AlignSide }
  /** Gives the pivot units an empty counterpart: the imported sentences become a row of their own below. */
  | { readonly type: 'detach'; readonly row: number };

/** Aligner beads (pivot as the source side) as rows of imported sentences. */
export function rowsFromBeads(beads: readonly Bead[], imported: readonly string[]): AlignRow[] {
  return beads.map((b) => ({
    pivot: b.source,
    imported: b.target.map((j) => imported[j] ?? ''),
    score: b.score,
  }));
}

/**
 * The alignment a document already has in one language: one row per unit, its text split into sentences so that
 * a single sentence can be moved to a neighbour. `texts` and `scores` are per unit index.
 */
export function rowsFromUnits(
  texts: readonly string[],
  scores: readonly (number | undefined)[],
  lang: Lang,
): AlignRow[] {
  return texts.map((raw, i) => {
    const text = raw.trim();
    const score = scores[i];
    return {
      pivot: [i],
      imported: text === '' ? [] : splitSentences(text, lang),
      ...(score !== undefined ? { score } : {}),
    };
  });
}

/** Below this confidence a row is marked uncertain. */
export const UNCERTAIN_BELOW = 0.5;

/**
 * `omission`: pivot units with no imported sentence (a sentence left out of the imported version); `addition`:
 * imported sentences with no unit (text the pivot does not have). Set by the aligner or by hand (Alt+D).
 */
export type RowGap = 'omission' | 'addition';

export function gapOf(row: AlignRow): RowGap | undefined {
  if (row.pivot.length > 0 && row.imported.length === 0) return 'omission';
  if (row.pivot.length === 0 && row.imported.length > 0) return 'addition';
  return undefined;
}

/** Rows the reviewer should look at: the aligner's omissions and additions, and rows scored below the threshold. */
export function isUncertain(row: AlignRow): boolean {
  if (row.manual) return false;
  return gapOf(row) !== undefined || (row.score !== undefined && row.score < UNCERTAIN_BELOW);
}

/**
 * Order of rows under "uncertain first": omissions and additions first (a dropped sentence is the costliest error to
 * miss), then by rising confidence; rows fixed by hand last.
 */
export function uncertaintyRank(row: AlignRow): number {
  if (row.manual) return 3;
  if (gapOf(row) !== undefined) return -1 + (row.score ?? 0) / 2;
  return row.score ?? 1.5;
}

/** Index of the last row that has a unit, or −1. */
function lastUnitRow(rows: readonly AlignRow[]): number {
  for (let r = rows.length - 1; r >= 0; r -= 1) if (rows[r]!.pivot.length > 0) return r;
  return -1;
}

function detachedAt(rows: readonly AlignRow[], index: number, lastUnit: number): boolean {
  const row = rows[index];
  const previous = rows[index - 1];
  return (
    row !== undefined &&
    row.pivot.length === 0 &&
    row.manual === true &&
    previous !== undefined &&
    previous.manual === true &&
    previous.pivot.length > 0 &&
    previous.imported.length === 0 &&
    index < lastUnit
  );
}

/** Whether a row without a unit is written to the unit below (it was detached by hand) rather than the one above. */
export function goesBelow(rows: readonly AlignRow[], index: number): boolean {
  return detachedAt(rows, index, lastUnitRow(rows));
}

/**
 * The rows as they are written: imported sentences that the reviewer detached from a unit (Alt+D: "this unit has no
 * counterpart") go to the unit below, not back to the unit they were taken from, which is where sentences without a
 * unit are otherwise joined.
 */
export function rowsForApply(rows: readonly AlignRow[]): AlignRow[] {
  const lastUnit = lastUnitRow(rows);
  const out: AlignRow[] = [];
  let carry: string[] = [];
  rows.forEach((row, r) => {
    if (detachedAt(rows, r, lastUnit)) {
      carry = [...carry, ...row.imported];
    } else if (carry.length > 0 && row.pivot.length > 0) {
      out.push({ ...row, imported: [...carry, ...row.imported], score: 1, manual: true });
      carry = [];
    } else out.push(row);
  });
  return out;
}

/** The imported text of a row as the reviewer sees it: sentences joined by one space. */
export function importedText(row: AlignRow): string {
  return row.imported.join(' ');
}

const manual = (pivot: readonly number[], imported: readonly string[]): AlignRow => ({
  pivot,
  imported,
  score: 1,
  manual: true,
});

const isEmpty = (row: AlignRow) => row.pivot.length === 0 && row.imported.length === 0;

function replace(
  rows: readonly AlignRow[],
  start: number,
  count: number,
  next: readonly AlignRow[],
): readonly AlignRow[] {
  return [...rows.slice(0, start), ...next.filter((r) => !isEmpty(r)), ...rows.slice(start + count)];
}

/**
 * Applies one edit. `pivotTexts` (unit index → pivot text) lets a split share the pivot units of a row between its
 * two halves in proportion to where the cut falls.
 */
export function applyEdit(
  rows: readonly AlignRow[],
  edit: AlignEdit,
  pivotTexts: readonly string[] = [],
): readonly AlignRow[] {
  const row = rows[edit.row];
  if (!row) return rows;
  switch (edit.type) {
    case 'mergeNext': {
      const next = rows[edit.row + 1];
      if (!next) return rows;
      return replace(rows, edit.row, 2, [
        manual([...row.pivot, ...next.pivot], [...row.imported, ...next.imported]),
      ]);
    }
    case 'split':
      return split(rows, edit.row, edit.offset, pivotTexts);
    case 'moveUp': {
      const previous = rows[edit.row - 1];
      const items = row[edit.side];
      if (!previous || items.length === 0) return rows;
      const moved = moveItem(previous, row, edit.side, 'up');
      return replace(rows, edit.row - 1, 2, moved);
    }
    case 'moveDown': {
      const next = rows[edit.row + 1];
      if (!next || row[edit.side].length === 0) return rows;
      return replace(rows, edit.row, 2, moveItem(row, next, edit.side, 'down'));
    }
    case 'detach':
      if (row.pivot.length === 0 || row.imported.length === 0) return rows;
      return replace(rows, edit.row, 1, [manual(row.pivot, []), manual([], row.imported)]);
  }
}

/** Moves one item of `side` across the boundary between two adjacent rows. */
function moveItem(upper: AlignRow, lower: AlignRow, side: AlignSide, direction: 'up' | 'down'): AlignRow[] {
  if (side === 'pivot') {
    const [a, b] =
      direction === 'up'
        ? [[...upper.pivot, lower.pivot[0]!], lower.pivot.slice(1)]
        : [upper.pivot.slice(0, -1), [upper.pivot.at(-1)!, ...lower.pivot]];
    return [manual(a, upper.imported), manual(b, lower.imported)];
  }
  const [a, b] =
    direction === 'up'
      ? [[...upper.imported, lower.imported[0]!], lower.imported.slice(1)]
      : [upper.imported.slice(0, -1), [upper.imported.at(-1)!, ...lower.imported]];
  return [manual(upper.pivot, a), manual(lower.pivot, b)];
}

function split(
  rows: readonly AlignRow[],
  index: number,
  offset: number,
  pivotTexts: readonly string[],
): readonly AlignRow[] {
  const row = rows[index]!;
  const text = importedText(row);
  if (text.slice(0, offset).trim() === '' || text.slice(offset).trim() === '') return rows;
  const before: string[] = [];
  const after: string[] = [];
  let start = 0;
  for (const piece of row.imported) {
    const end = start + piece.length;
    if (end <= offset) before.push(piece);
    else if (start >= offset) after.push(piece);
    else {
      const head = piece.slice(0, offset - start).trim();
      const tail = piece.slice(offset - start).trim();
      if (head) before.push(head);
      if (tail) after.push(tail);
    }
    start = end + 1;
  }
  const cut = pivotCut(row.pivot, pivotTexts, offset / text.length);
  return replace(rows, index, 1, [
    manual(row.pivot.slice(0, cut), before),
    manual(row.pivot.slice(cut), after),
  ]);
}

/**
 * Where to cut the pivot units of a row split at `share` of its imported text: a single unit stays above; of
 * several, the cut whose share of the pivot text is closest to `share`, keeping at least one unit on each side.
 */
function pivotCut(pivot: readonly number[], pivotTexts: readonly string[], share: number): number {
  if (pivot.length <= 1) return pivot.length;
  const lengths = pivot.map((u) => Math.max(1, (pivotTexts[u] ?? '').length));
  const total = lengths.reduce((a, b) => a + b, 0);
  let best = 1;
  let bestGap = Number.POSITIVE_INFINITY;
  let sum = 0;
  for (let c = 1; c < pivot.length; c += 1) {
    sum += lengths[c - 1]!;
    const gap = Math.abs(sum / total - share);
    if (gap < bestGap) {
      bestGap = gap;
      best = c;
    }
  }
  return best;
}

/** Past and future states for undo and redo. */
export type EditHistory<T> = {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
};

/** How many steps undo can go back. */
export const HISTORY_LIMIT = 500;

export function startHistory<T>(present: T): EditHistory<T> {
  return { past: [], present, future: [] };
}

/** Records a new state; the same state (an edit that did not apply) records nothing. */
export function record<T>(history: EditHistory<T>, next: T): EditHistory<T> {
  if (next === history.present) return history;
  return { past: [...history.past, history.present].slice(-HISTORY_LIMIT), present: next, future: [] };
}

export function undo<T>(history: EditHistory<T>): EditHistory<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
  };
}

export function redo<T>(history: EditHistory<T>): EditHistory<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}
