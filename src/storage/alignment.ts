import type { IDBPTransaction } from 'idb';
import type { AudarmaDb, AudarmaSchema } from './db.ts';
import { guarded } from './errors.ts';
import { pendingId, underMarker, type PendingRow } from './pending.ts';
import type { AlignRow } from '../core/align/edit.ts';
import { pivotAlignment } from '../core/align/gapSides.ts';
import { renderingId, revisionId, type DocumentId } from '../core/model/ids.ts';
import type { Lang } from '../core/model/lang.ts';
import type { Rendering, Revision, Unit, UnitAlignment } from '../core/model/types.ts';
import { transition } from '../core/review/stateMachine.ts';

/**
 * The text and confidence one unit gets from an alignment, and what the reviewer should know of it: that the
 * version had nothing for the unit (`omitted`), that the unit's text went to unit `into` (`merged`), or which of
 * its sentences had no unit of their own (`added`).
 */
export type UnitWrite = {
  readonly index: number;
  readonly text: string;
  readonly alignScore?: number;
  readonly gap?: 'omitted' | 'merged';
  readonly into?: number;
  readonly added?: readonly string[];
};

export type AlignmentPlan = {
  /** One write per unit, in unit order. */
  readonly writes: readonly UnitWrite[];
  /** Units left without a counterpart (the row had none, or it went to the first unit of a merged row). */
  readonly empty: number;
  /** Rows with imported sentences but no unit, joined to the unit before them (or after, at the start). */
  readonly attached: number;
  /** Rows that pair several units with one text: the text goes to the first unit, the others stay empty. */
  readonly merged: number;
};

const scoreOf = (row: AlignRow): number | undefined => (row.manual ? 1 : row.score);

const lower = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);

/**
 * What each unit gets from a set of rows. Units are never created, removed or merged here: the units carry the
 * other languages' texts and histories, so a row with several units gives its text to the first one and leaves
 * the others empty (the review grid shows them, and the reviewer decides), and imported sentences without a unit
 * are joined to the previous unit, their confidence lowering that unit's.
 */
export function planWrites(rows: readonly AlignRow[], unitCount: number): AlignmentPlan {
  const texts: string[][] = Array.from({ length: unitCount }, () => []);
  const scores: (number | undefined)[] = new Array<number | undefined>(unitCount).fill(undefined);
  const touched = new Uint8Array(unitCount);
  const gaps: (Pick<UnitWrite, 'gap' | 'into'> | undefined)[] = new Array(unitCount).fill(undefined);
  const added: string[][] = Array.from({ length: unitCount }, () => []);
  let attached = 0;
  let merged = 0;
  let pendingBefore: { texts: string[]; score: number | undefined } | undefined;
  let lastUnit = -1;
  for (const row of rows) {
    const first = row.pivot[0];
    if (first === undefined) {
      if (row.imported.length === 0) continue;
      attached += 1;
      if (lastUnit >= 0) {
        texts[lastUnit]!.push(...row.imported);
        added[lastUnit]!.push(...row.imported);
        scores[lastUnit] = lower(scores[lastUnit], scoreOf(row));
      } else {
        pendingBefore = {
          texts: [...(pendingBefore?.texts ?? []), ...row.imported],
          score: lower(pendingBefore?.score, scoreOf(row)),
        };
      }
      continue;
    }
    if (row.pivot.length > 1 && row.imported.length > 0) merged += 1;
    for (const u of row.pivot) {
      touched[u] = 1;
      scores[u] = scoreOf(row);
      if (row.imported.length === 0) gaps[u] = { gap: 'omitted' };
      else if (u !== first) gaps[u] = { gap: 'merged', into: first };
    }
    texts[first]!.push(...row.imported);
    if (pendingBefore) {
      texts[first]!.unshift(...pendingBefore.texts);
      added[first]!.unshift(...pendingBefore.texts);
      scores[first] = lower(scores[first], pendingBefore.score);
      pendingBefore = undefined;
    }
    lastUnit = row.pivot.at(-1)!;
  }
  let empty = 0;
  const writes: UnitWrite[] = texts.map((parts, index) => {
    const text = parts.join(' ');
    if (text === '') empty += 1;
    const score = touched[index] ? scores[index] : undefined;
    return {
      index,
      text,
      ...(score === undefined ? {} : { alignScore: score }),
      ...gaps[index],
      ...(added[index]!.length > 0 ? { added: added[index] } : {}),
    };
  });
  return { writes, empty, attached, merged };
}

export type ApplyAlignmentInput = {
  readonly documentId: DocumentId;
  /** Language of the imported texts: the project's source language writes `source`, any other a rendering. */
  readonly lang: Lang;
  readonly role: 'source' | 'target';
  /**
   * Language of the machine translation the source was aligned against (role `source`): its gaps are recorded for
   * that language too, where the checks of its translation look for them.
   */
  readonly pivotLang?: Lang;
  /** The document's units in order: a write's index is a position in this list. */
  readonly units: readonly Unit[];
  readonly writes: readonly UnitWrite[];
  readonly author: string;
  readonly now: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Writes per transaction (tests use small chunks). */
  readonly chunkSize?: number;
};

export type ApplyAlignmentResult = {
  /** Units whose source text or alignment score changed. */
  readonly units: number;
  /** Renderings written for the first time (an `import` revision, state `imported`). */
  readonly imported: number;
  /** Renderings that had another text and got an `edit` revision (their history stays). */
  readonly edited: number;
  /** Renderings that keep their text because the alignment leaves their unit empty (a text is never erased). */
  readonly kept: number;
};

/**
 * Units per slice. All slices go in one transaction, but each slice's rows are read and written on the main thread
 * between awaits: with 500, applying 10,000 units in Chromium causes no task over 50 ms.
 */
export const ALIGN_CHUNK_SIZE = 500;

/** The note on revisions written by an alignment, shown in the history panel. */
export const ALIGNMENT_NOTE = 'alignment';

type AlignTx = IDBPTransaction<
  AudarmaSchema,
  ('units' | 'renderings' | 'revisions' | 'pending')[],
  'readwrite'
>;

/**
 * Writes an alignment into the units: the imported texts as sources or as renderings (through revisions, like any
 * other text change), and each unit's alignment score. Everything goes in one transaction, fed slice by slice so
 * the page stays responsive: it lands whole or not at all, whatever happens to the page. A pending marker written
 * just before tells the next start, if the page goes away first, that the alignment was not applied.
 */
export async function applyAlignment(
  db: AudarmaDb,
  input: ApplyAlignmentInput,
): Promise<ApplyAlignmentResult> {
  const size = Math.max(1, input.chunkSize ?? ALIGN_CHUNK_SIZE);
  const counts = { units: 0, imported: 0, edited: 0, kept: 0 };
  const document = await guarded(() => db.get('documents', input.documentId));
  const marker: PendingRow = {
    id: pendingId('alignment', input.now),
    kind: 'alignment',
    name: document?.name ?? input.documentId,
    startedAt: input.now,
    documents: [],
    entries: [],
  };
  await guarded(() =>
    underMarker(db, marker, async () => {
      const tx: AlignTx = db.transaction(['units', 'renderings', 'revisions', 'pending'], 'readwrite');
      const done = tx.done;
      done.catch(() => undefined);
      try {
        for (let i = 0; i < input.writes.length; i += size) {
          await applySlice(tx, input, input.writes.slice(i, i + size), counts);
          input.onProgress?.(Math.min(i + size, input.writes.length), input.writes.length);
        }
        await tx.objectStore('pending').delete(marker.id);
      } catch (error) {
        abortQuietly(tx);
        throw error;
      }
      await done;
    }),
  );
  return counts;
}

/** Aborts a transaction that may have ended already (a failed request aborts it by itself). */
export function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished.
  }
}

async function applySlice(
  tx: AlignTx,
  input: ApplyAlignmentInput,
  writes: readonly UnitWrite[],
  counts: { units: number; imported: number; edited: number; kept: number },
): Promise<void> {
  const targets = writes.flatMap((w) => {
    const unit = input.units[w.index];
    return unit ? [{ write: w, id: unit.id }] : [];
  });
  const unitStore = tx.objectStore('units');
  const renderingStore = tx.objectStore('renderings');
  const ids = targets.map((t) => renderingId(t.id, input.lang));
  // Read the current rows inside the transaction, so that nothing written meanwhile is overwritten blindly.
  const [stored, renderings] = await Promise.all([
    Promise.all(targets.map((t) => unitStore.get(t.id))),
    input.role === 'target' ? Promise.all(ids.map((id) => renderingStore.get(id))) : Promise.resolve([]),
  ]);
  const puts: Promise<unknown>[] = [];
  targets.forEach(({ write }, k) => {
    const unit = stored[k];
    if (!unit) return;
    const alignment = alignmentAfter(unit, input.lang, write);
    if (input.role === 'source' && input.pivotLang && input.pivotLang !== input.lang) {
      const seen = pivotAlignment(write, unit.mt[input.pivotLang] ?? '');
      if (seen) alignment[input.pivotLang] = seen;
      else delete alignment[input.pivotLang];
    }
    const alignScore = lowestScore(alignment) ?? unit.alignScore;
    const source = input.role === 'source' ? write.text : unit.source;
    if (
      source !== unit.source ||
      alignScore !== unit.alignScore ||
      JSON.stringify(alignment) !== JSON.stringify(unit.alignment ?? {})
    ) {
      counts.units += 1;
      const { alignment: _old, ...rest } = unit;
      puts.push(
        unitStore.put({
          ...rest,
          source,
          ...(alignScore !== undefined ? { alignScore } : {}),
          ...(Object.keys(alignment).length > 0 ? { alignment } : {}),
        }),
      );
    }
    if (input.role !== 'target') return;
    const current = renderings[k];
    const written = renderingWrite(unit, input, write.text, current);
    if (written === 'kept') counts.kept += 1;
    if (typeof written !== 'object') return;
    if (written.revision.action === 'import') counts.imported += 1;
    else counts.edited += 1;
    puts.push(renderingStore.put(written.rendering), tx.objectStore('revisions').add(written.revision));
  });
  await Promise.all(puts);
}

/** The unit's alignments with this language's replaced by what the write says (nothing said: none kept). */
function alignmentAfter(unit: Unit, lang: Lang, write: UnitWrite): Record<Lang, UnitAlignment> {
  const out: Record<Lang, UnitAlignment> = { ...unit.alignment };
  const own: UnitAlignment = {
    ...(write.alignScore !== undefined ? { score: write.alignScore } : {}),
    ...(write.gap ? { gap: write.gap } : {}),
    ...(write.into !== undefined ? { into: write.into } : {}),
    ...(write.added ? { added: write.added } : {}),
  };
  if (Object.keys(own).length > 0) out[lang] = own;
  else delete out[lang];
  return out;
}

/** The least sure of a unit's languages: a row is as uncertain as its worst alignment. */
function lowestScore(alignment: Readonly<Record<Lang, UnitAlignment>>): number | undefined {
  let low: number | undefined;
  for (const a of Object.values(alignment))
    if (a.score !== undefined && (low === undefined || a.score < low)) low = a.score;
  return low;
}

/** The rendering and revision one unit's new text makes, 'same' when nothing changes, 'kept' when it cannot. */
function renderingWrite(
  unit: Unit,
  input: ApplyAlignmentInput,
  text: string,
  current: Rendering | undefined,
): { rendering: Rendering; revision: Revision } | 'same' | 'kept' {
  if (text.trim() === '') return current && current.text.trim() !== '' ? 'kept' : 'same';
  if (current?.text === text) return 'same';
  const from = current?.state ?? 'new';
  // An aligned version is a translation people made: it is imported as such, never labelled machine output.
  const action =
    from === 'new' ? ({ type: 'import', text, human: true } as const) : ({ type: 'edit', text } as const);
  const result = transition(from, current?.text ?? '', action);
  if (!result.ok) return 'same';
  const id = renderingId(unit.id, input.lang);
  const number = (current?.revision ?? 0) + 1;
  const rendering: Rendering = {
    id,
    unitId: unit.id,
    documentId: unit.documentId,
    lang: input.lang,
    text: result.value.text,
    state: result.value.state,
    updatedAt: input.now,
    updatedBy: input.author,
    revision: number,
  };
  const revision: Revision = {
    id: revisionId(`${id}#${number}`),
    renderingId: id,
    unitId: unit.id,
    documentId: unit.documentId,
    lang: input.lang,
    number,
    action: action.type,
    text: result.value.text,
    state: result.value.state,
    previousState: from,
    author: input.author,
    at: input.now,
    ...(action.type === 'edit' ? { note: ALIGNMENT_NOTE } : {}),
  };
  return { rendering, revision };
}
