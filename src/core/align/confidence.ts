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
 * Logistic model of "this bead is exactly right", fitted by scripts/fit-align-confidence.ts on development data only
 * (the dev document of the Bleualign German–French set with and without simulated omissions and insertions, and the
 * akimat ru–en and ru–kk fixtures); measured on held-out documents by `npm run measure:align`.
 */
export const CONFIDENCE_WEIGHTS = {
  bias: 1.986,
  logitPosterior: 0.744,
  merge: -0.17,
  omission: -2.292,
  anchors: -0.498,
  lengthDelta: -0.976,
} as const;

export type ConfidenceWeights = { readonly [K in keyof typeof CONFIDENCE_WEIGHTS]: number };

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
export function beadConfidence(e: BeadEvidence, w: ConfidenceWeights = CONFIDENCE_WEIGHTS): number {
  const x = confidenceFeatures(e);
  const coef = [w.bias, w.logitPosterior, w.merge, w.omission, w.anchors, w.lengthDelta];
  let z = 0;
  for (let k = 0; k < x.length; k += 1) z += coef[k]! * x[k]!;
  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
}
