import type { CheckPair, DocumentStats } from './types.ts';

/** Pairs shorter than this say little about the document's length ratio ("Да." → "Yes."). */
export const MIN_STATS_LENGTH = 20;

/** Characters that carry text: white space does not, so a double space never moves a ratio. */
export function textLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0) n += 1;
  }
  return n;
}

export function logRatio(source: string, target: string): number | undefined {
  const s = textLength(source);
  const t = textLength(target);
  if (s < MIN_STATS_LENGTH || t === 0) return undefined;
  return Math.log(t / s);
}

function median(sorted: ArrayLike<number>): number {
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return 0;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Median and robust spread of ln(target/source length) over the document. A median and a median absolute
 * deviation, not a mean and a standard deviation, so the very omissions we look for do not move the yardstick.
 */
export function computeDocumentStats(pairs: readonly CheckPair[]): DocumentStats {
  const all = new Float64Array(pairs.length);
  let samples = 0;
  for (const p of pairs) {
    const r = logRatio(p.source, p.target);
    if (r !== undefined) all[samples++] = r;
  }
  // Typed arrays sort numerically without a comparator call per step; the ratios are finite, so the order is
  // the one (a, b) => a - b gives.
  const ratios = all.subarray(0, samples).sort();
  const med = median(ratios);
  const deviations = ratios.map((r) => Math.abs(r - med)).sort();
  return { samples, medianLogRatio: med, spread: 1.4826 * median(deviations) };
}
