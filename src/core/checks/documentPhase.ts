// What the pair checks of a document leave for its document checks, and how their two sets of issues are joined.
// Kept apart from the engine and the checks so that a thread that only splits and joins a run (the app's main
// thread, the CLI's) can read it without loading any check.
import type { Issue } from './types.ts';
import { sortStable } from './util/sortStable.ts';

/** Per pair, the untranslated verdict the pair checks took: not asked, translated, untranslated. */
export const VERDICT_MASK = 3;
export const NOT_ASKED = 0;
export const TRANSLATED = 1;
export const UNTRANSLATED = 2;
/** Set where the pair's target has glossary hits: the only pairs the terminology check of a document reads. */
export const HAS_TERMS = 4;

/**
 * What the document checks read of each pair of a run, computed with its pair checks (in whichever thread ran
 * them), in columns so that a slice's facts cross between threads as three buffers.
 */
export type PairFacts = {
  /** A verdict (VERDICT_MASK) and HAS_TERMS. */
  readonly flags: Uint8Array<ArrayBuffer>;
  /** The consistency checks' hash of each pair's source and target: texts they read as equal hash equally. */
  readonly sourceKeys: Int32Array<ArrayBuffer>;
  readonly targetKeys: Int32Array<ArrayBuffer>;
};

/** The pair checks' outcome for consecutive pairs: their facts, and the issues of the pairs that have any. */
export type PairOutcomes = PairFacts & {
  /** Indexes of the pairs with issues, ascending; `issues[k]` belongs to pair `found[k]`. */
  readonly found: number[];
  readonly issues: Issue[][];
};

export function emptyOutcomes(count: number): PairOutcomes {
  return {
    flags: new Uint8Array(count),
    sourceKeys: new Int32Array(count),
    targetKeys: new Int32Array(count),
    found: [],
    issues: [],
  };
}

/** The outcomes of consecutive slices as one, in the order given. */
export function joinOutcomes(parts: readonly PairOutcomes[]): PairOutcomes {
  if (parts.length === 1) return parts[0] as PairOutcomes;
  const all = emptyOutcomes(parts.reduce((n, part) => n + part.flags.length, 0));
  let at = 0;
  for (const part of parts) {
    all.flags.set(part.flags, at);
    all.sourceKeys.set(part.sourceKeys, at);
    all.targetKeys.set(part.targetKeys, at);
    part.found.forEach((i, k) => {
      all.found.push(at + i);
      all.issues.push(part.issues[k] as Issue[]);
    });
    at += part.flags.length;
  }
  return all;
}

export function verdictOf(flags: number): boolean | undefined {
  const verdict = flags & VERDICT_MASK;
  return verdict === NOT_ASKED ? undefined : verdict === UNTRANSLATED;
}

/**
 * Marks in `into` each pair whose key another pair shares, among the pairs the consistency checks can read: those
 * with a source and a target, not left untranslated (the only pairs whose verdict was taken as TRANSLATED).
 */
function markShared(keys: Int32Array, flags: Uint8Array, into: Uint8Array): void {
  const seen = new Map<number, number>();
  for (let i = 0; i < keys.length; i += 1) {
    if (((flags[i] as number) & VERDICT_MASK) !== TRANSLATED) continue;
    const k = keys[i] as number;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else {
      into[first] = 1;
      into[i] = 1;
    }
  }
}

/**
 * The pairs (indexes, in order) the document checks can report or compare with: those sharing a consistency key
 * with another pair they could be compared with, on either side, and those with glossary hits in the target. A pair
 * alone with both its keys is in no group of equal texts, so the document checks give the same answer without
 * the others; a target-only document, whose empty sources all hash alike, sends none of its pairs for that.
 */
export function documentPhasePairs(facts: PairFacts): number[] {
  const marked = new Uint8Array(facts.flags.length);
  markShared(facts.sourceKeys, facts.flags, marked);
  markShared(facts.targetKeys, facts.flags, marked);
  const out: number[] = [];
  for (let i = 0; i < marked.length; i += 1)
    if (marked[i] === 1 || ((facts.flags[i] as number) & HAS_TERMS) !== 0) out.push(i);
  return out;
}

/** The facts of the pairs at `indexes`, in that order. */
export function factsAt(facts: PairFacts, indexes: readonly number[]): PairFacts {
  const flags = new Uint8Array(indexes.length);
  const sourceKeys = new Int32Array(indexes.length);
  const targetKeys = new Int32Array(indexes.length);
  indexes.forEach((i, k) => {
    flags[k] = facts.flags[i] as number;
    sourceKeys[k] = facts.sourceKeys[i] as number;
    targetKeys[k] = facts.targetKeys[i] as number;
  });
  return { flags, sourceKeys, targetKeys };
}

/** Issues in reading order: by the first highlighted offset (target first), then by check id. */
export function byPosition(a: Issue, b: Issue): number {
  const as = a.target?.[0]?.start ?? a.source?.[0]?.start ?? -1;
  const bs = b.target?.[0]?.start ?? b.source?.[0]?.start ?? -1;
  return as - bs || a.check.localeCompare(b.check);
}

/**
 * Each pair's whole issue list, in document order: its pair issues from `outcomes` joined with its document
 * issues (`added`, in check order), sorted stably by position as a single run adds them.
 */
export function issueLists(
  ids: readonly string[],
  outcomes: Pick<PairOutcomes, 'found' | 'issues'>,
  added: ReadonlyMap<string, readonly Issue[]>,
): Map<string, Issue[]> {
  const result = new Map<string, Issue[]>();
  let k = 0;
  ids.forEach((id, i) => {
    const own = outcomes.found[k] === i ? (outcomes.issues[k++] as Issue[]) : [];
    const more = added.get(id);
    result.set(id, more ? sortStable([...own, ...more], byPosition) : own);
  });
  return result;
}
