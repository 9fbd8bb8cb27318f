import { KeyClass, type KeyVocabulary, type SideFeatures } from './features.ts';

/**
 * What the score of a bead is computed from, besides its posterior: whether it leaves a segment out or joins several,
 * how many anchors (numbers, dates, web and e-mail addresses, glossary terms) one side has and the other lacks, and
 * how far the lengths disagree (δ of the length model, in standard deviations).
 */
export type BeadEvidence = {
  readonly posterior: number;
  readonly source: number;
  readonly target: number;
  readonly anchorsOneSide: number;
  readonly lengthDelta: number;
};

/** Key classes a faithful translation keeps: one present on one side of a bead only means something went missing. */
const ANCHOR: ReadonlySet<number> = new Set([KeyClass.Number, KeyClass.Url, KeyClass.Term]);

/** Anchors of the bead's source segments missing from its target segments, plus the other way round. */
export function anchorsOneSide(
  src: SideFeatures,
  tgt: SideFeatures,
  vocab: KeyVocabulary,
  source: readonly number[],
  target: readonly number[],
): number {
  if (source.length === 0 || target.length === 0) return 0;
  const collect = (side: SideFeatures, rows: readonly number[]): Set<number> => {
    const out = new Set<number>();
    for (const r of rows)
      for (let p = side.keyStart[r]!; p < side.keyStart[r + 1]!; p += 1) {
        const k = side.keyIds[p]!;
        if (ANCHOR.has(vocab.classes[k]!)) out.add(k);
      }
    return out;
  };
  const s = collect(src, source);
  const t = collect(tgt, target);
  let count = 0;
  for (const k of s) if (!t.has(k)) count += 1;
  for (const k of t) if (!s.has(k)) count += 1;
  return count;
}

/** Anchor keys of every segment of a side (null for none), sorted. */
export function anchorLists(side: SideFeatures, vocab: KeyVocabulary): (number[] | null)[] {
  const out: (number[] | null)[] = [];
  for (let i = 0; i < side.count; i += 1) {
    let list: number[] | null = null;
    for (let p = side.keyStart[i]!; p < side.keyStart[i + 1]!; p += 1) {
      const k = side.keyIds[p]!;
      if (ANCHOR.has(vocab.classes[k]!)) (list ??= []).push(k);
    }
    out.push(list);
  }
  return out;
}

/** Number of anchors two sorted lists share. */
export function anchorsShared(a: readonly number[], b: readonly number[]): number {
  let p = 0;
  let q = 0;
  let common = 0;
  while (p < a.length && q < b.length) {
    const x = a[p]!;
    const y = b[q]!;
    if (x === y) {
      common += 1;
      p += 1;
      q += 1;
    } else if (x < y) p += 1;
    else q += 1;
  }
  return common;
}

/**
 * Logistic model of "this bead is exactly right", fitted by scripts/fit-align-confidence.ts on the eight documents of
 * the Bleualign German–French set (each with and without simulated omissions and insertions) and the akimat ru–en and
 * ru–kk fixtures. Fitted on the dev document alone it was right in the middle of its range and too sure on the
 * test documents (scores 0.8–0.9 right 69 % of the time); how it does on documents it was not fitted on is measured by
 * leave-one-document-out (`npx tsx scripts/fit-align-confidence.ts --cv`) and on the held-out ru–en and ru–kk
 * documents by `npm run measure:align`.
 */
export const CONFIDENCE_WEIGHTS = {
  bias: 0.925,
  logitPosterior: 0.903,
  merge: -0.477,
  omission: -0.701,
  anchors: -0.31,
  lengthDelta: -0.535,
} as const;

export type ConfidenceWeights = { readonly [K in keyof typeof CONFIDENCE_WEIGHTS]: number };

/**
 * Monotone map from the logistic model's probability to the share of beads right at that probability (isotonic
 * regression on the same beads, by scripts/fit-align-confidence.ts), as knots [model, right] joined by
 * straight lines: the logistic curve alone is too sure of itself in the middle of the range.
 */
export const CONFIDENCE_CURVE: readonly (readonly [number, number])[] = [
  [0.0, 0.0],
  [0.047, 0.097],
  [0.149, 0.157],
  [0.221, 0.289],
  [0.276, 0.34],
  [0.441, 0.439],
  [0.568, 0.503],
  [0.629, 0.594],
  [0.678, 0.656],
  [0.713, 0.665],
  [0.769, 0.699],
  [0.807, 0.839],
  [0.838, 0.868],
  [0.897, 0.899],
  [0.92, 0.927],
  [0.924, 0.943],
  [0.932, 0.948],
  [0.948, 0.978],
  [0.964, 0.979],
  [0.983, 0.982],
  [0.996, 1.0],
  [1.0, 1.0],
];

/** `p` through a piecewise-linear curve (knots ascending in both coordinates). */
export function throughCurve(p: number, curve: readonly (readonly [number, number])[]): number {
  if (curve.length === 0) return p;
  if (p <= curve[0]![0]) return curve[0]![1];
  for (let k = 1; k < curve.length; k += 1) {
    const [x1, y1] = curve[k]!;
    if (p <= x1) {
      const [x0, y0] = curve[k - 1]!;
      return x1 > x0 ? y0 + ((p - x0) * (y1 - y0)) / (x1 - x0) : y1;
    }
  }
  return curve[curve.length - 1]![1];
}

/** The features the logistic model reads, in the order of `ConfidenceWeights` (bias first). */
export function confidenceFeatures(e: BeadEvidence): number[] {
  const p = Math.min(1 - 1e-4, Math.max(1e-4, e.posterior));
  const isNull = e.source === 0 || e.target === 0;
  const isMerge = e.source + e.target > 2;
  return [
    1,
    Math.log(p / (1 - p)),
    isMerge ? 1 : 0,
    isNull ? 1 : 0,
    Math.min(3, e.anchorsOneSide),
    isNull ? 0 : Math.min(4, e.lengthDelta),
  ];
}

/** Calibrated probability that the bead is right, rounded to three decimals. */
export function beadConfidence(
  e: BeadEvidence,
  w: ConfidenceWeights = CONFIDENCE_WEIGHTS,
  curve: readonly (readonly [number, number])[] = CONFIDENCE_CURVE,
): number {
  return Math.round(1000 * throughCurve(logisticConfidence(e, w), curve)) / 1000;
}

/** The logistic model's probability alone, before the isotonic curve. */
export function logisticConfidence(e: BeadEvidence, w: ConfidenceWeights = CONFIDENCE_WEIGHTS): number {
  const x = confidenceFeatures(e);
  const coef = [w.bias, w.logitPosterior, w.merge, w.omission, w.anchors, w.lengthDelta];
  let z = 0;
  for (let k = 0; k < x.length; k += 1) z += coef[k]! * x[k]!;
  return 1 / (1 + Math.exp(-z));
}
