import type { CheckPair, DocumentStats } from './types.ts';

/** Pairs shorter than this say little about the document's length ratio ("Да." → "Yes."). */
export const MIN_STATS_LENGTH = 20;

/** White space textLength leaves out besides the space. */
const isOtherSpace = (c: number) => c === 9 || c === 10 || c === 13 || c === 0xa0;

/**
 * Characters that carry text: white space does not, so a double space never moves a ratio. Spaces are counted
 * by indexOf, which searches many characters at a step; the rarer white space only where a search finds some.
 */
export function textLength(text: string): number {
  let n = text.length;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) n -= 1;
  if (
    text.indexOf('\t') >= 0 ||
    text.indexOf('\n') >= 0 ||
    text.indexOf('\r') >= 0 ||
    text.indexOf('\u00a0') >= 0
  ) {
    for (let i = 0; i < text.length; i += 1) if (isOtherSpace(text.charCodeAt(i))) n -= 1;
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

/** logRatio of each pair, NaN where it has none: one pass over the texts that the statistics and the pair checks share. */
export function pairLogRatios(pairs: readonly CheckPair[]): Float64Array {
  const out = new Float64Array(pairs.length);
  pairs.forEach((p, i) => {
    out[i] = logRatio(p.source, p.target) ?? Number.NaN;
  });
  return out;
}

/**
 * Median and robust spread of ln(target/source length) over the document. A median and a median absolute
 * deviation, not a mean and a standard deviation, so the very omissions we look for do not move the yardstick.
 * `ratios` are the pairs' own (pairLogRatios) when they were taken already.
 */
export function computeDocumentStats(
  pairs: readonly CheckPair[],
  ratios: Float64Array = pairLogRatios(pairs),
): DocumentStats {
  const all = new Float64Array(ratios.length);
  let samples = 0;
  for (const r of ratios) if (!Number.isNaN(r)) all[samples++] = r;
  // Typed arrays sort numerically without a comparator call per step; the ratios are finite, so the order is
  // the one (a, b) => a - b gives.
  const sorted = all.subarray(0, samples).sort();
  const med = median(sorted);
  const deviations = sorted.map((r) => Math.abs(r - med)).sort();
  return { samples, medianLogRatio: med, spread: 1.4826 * median(deviations) };
}
