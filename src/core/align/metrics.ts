import type { BeadShape } from './types.ts';

/**
 * Alignment precision and recall as in vecalign's score.py (after Sennrich & Volk 2011):
 * - beads empty on both sides are ignored, and each side's beads are taken as a set;
 * - strict precision: share of test beads that exactly equal a gold bead;
 * - lax precision: a test bead also counts when one of its source segments is gold-aligned to one of its targets;
 * - recall: the same with gold and test swapped, after dropping 0-1 and 1-0 beads from both.
 * Counts are returned so that several documents can be pooled (`poolScores`), as the published figures are.
 */

export type ScoreCounts = {
  readonly precisionStrict: number;
  readonly precisionLax: number;
  readonly precisionTotal: number;
  readonly recallStrict: number;
  readonly recallLax: number;
  readonly recallTotal: number;
};

export type AlignmentScores = {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly laxPrecision: number;
  readonly laxRecall: number;
  readonly laxF1: number;
  readonly counts: ScoreCounts;
};

const keyOf = (b: BeadShape): string => `${b.source.join(',')}:${b.target.join(',')}`;

function beadSet(beads: readonly BeadShape[]): BeadShape[] {
  const seen = new Map<string, BeadShape>();
  for (const b of beads) if (b.source.length > 0 || b.target.length > 0) seen.set(keyOf(b), b);
  return [...seen.values()];
}

/** [strict true positives, lax true positives, number of test beads] of test against gold. */
function precisionCounts(gold: readonly BeadShape[], test: readonly BeadShape[]): [number, number, number] {
  const goldSet = beadSet(gold);
  const goldKeys = new Set(goldSet.map(keyOf));
  const goldTargetsOf = new Map<number, Set<number>>();
  for (const g of goldSet) {
    for (const s of g.source) {
      let set = goldTargetsOf.get(s);
      if (!set) goldTargetsOf.set(s, (set = new Set()));
      for (const t of g.target) set.add(t);
    }
  }
  let strict = 0;
  let lax = 0;
  const testSet = beadSet(test);
  for (const b of testSet) {
    if (goldKeys.has(keyOf(b))) {
      strict += 1;
      lax += 1;
    } else if (b.source.some((s) => b.target.some((t) => goldTargetsOf.get(s)?.has(t) ?? false))) lax += 1;
  }
  return [strict, lax, testSet.length];
}

export function scoreCounts(gold: readonly BeadShape[], test: readonly BeadShape[]): ScoreCounts {
  const [precisionStrict, precisionLax, precisionTotal] = precisionCounts(gold, test);
  const both = (b: BeadShape) => b.source.length > 0 && b.target.length > 0;
  const [recallStrict, recallLax, recallTotal] = precisionCounts(test.filter(both), gold.filter(both));
  return { precisionStrict, precisionLax, precisionTotal, recallStrict, recallLax, recallTotal };
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const harmonic = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Scores from counts pooled over several documents (sums of the counts, then the ratios). */
export function poolScores(all: readonly ScoreCounts[]): AlignmentScores {
  const sum = (f: (c: ScoreCounts) => number) => all.reduce((s, c) => s + f(c), 0);
  const counts: ScoreCounts = {
    precisionStrict: sum((c) => c.precisionStrict),
    precisionLax: sum((c) => c.precisionLax),
    precisionTotal: sum((c) => c.precisionTotal),
    recallStrict: sum((c) => c.recallStrict),
    recallLax: sum((c) => c.recallLax),
    recallTotal: sum((c) => c.recallTotal),
  };
  const precision = ratio(counts.precisionStrict, counts.precisionTotal);
  const recall = ratio(counts.recallStrict, counts.recallTotal);
  const laxPrecision = ratio(counts.precisionLax, counts.precisionTotal);
  const laxRecall = ratio(counts.recallLax, counts.recallTotal);
  return {
    precision,
    recall,
    f1: harmonic(precision, recall),
    laxPrecision,
    laxRecall,
    laxF1: harmonic(laxPrecision, laxRecall),
    counts,
  };
}

/** Strict (and lax) precision, recall and F1 of one test alignment against gold. */
export function strictPrecisionRecall(
  gold: readonly BeadShape[],
  test: readonly BeadShape[],
): AlignmentScores {
  return poolScores([scoreCounts(gold, test)]);
}
