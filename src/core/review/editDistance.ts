/**
 * Character edit distance (Levenshtein: insertions, deletions, substitutions, each costing 1) over UTF-16 code
 * units of NFC-normalised text. Common prefix and suffix are stripped first, which makes the usual post-edit
 * (a few words changed in a sentence) cheap; what remains runs Myers' bit-parallel algorithm (Myers 1999,
 * Hyyrö's block form for texts longer than 32), O(⌈m/32⌉·n) time and O(m) memory.
 */

// Pattern-match bit masks indexed by code unit; reset after each use so allocation happens once per process.
const peq = new Uint32Array(0x10000);

function myers32(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  const last = 1 << (n - 1);
  let pv = -1;
  let mv = 0;
  let score = n;
  for (let i = 0; i < n; i += 1) peq[a.charCodeAt(i)]! |= 1 << i;
  for (let j = 0; j < m; j += 1) {
    let eq = peq[b.charCodeAt(j)]!;
    const xv = eq | mv;
    eq |= ((eq & pv) + pv) ^ pv;
    mv |= ~(eq | pv);
    pv &= eq;
    if (mv & last) score += 1;
    if (pv & last) score -= 1;
    mv = (mv << 1) | 1;
    pv = (pv << 1) | ~(xv | mv);
    mv &= xv;
  }
  for (let i = 0; i < n; i += 1) peq[a.charCodeAt(i)] = 0;
  return score;
}

function myersBlocks(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  const hsize = Math.ceil(n / 32);
  const vsize = Math.ceil(m / 32);
  const mhc = new Int32Array(hsize).fill(0);
  const phc = new Int32Array(hsize).fill(-1);
  let j = 0;
  for (; j < vsize - 1; j += 1) {
    let mv = 0;
    let pv = -1;
    const start = j * 32;
    const vlen = Math.min(32, m) + start;
    for (let k = start; k < vlen; k += 1) peq[b.charCodeAt(k)]! |= 1 << k;
    for (let i = 0; i < n; i += 1) {
      const eq = peq[a.charCodeAt(i)]!;
      const pb = (phc[i >> 5]! >>> i) & 1;
      const mb = (mhc[i >> 5]! >>> i) & 1;
      const xv = eq | mv;
      const xh = ((((eq | mb) & pv) + pv) ^ pv) | eq | mb;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if ((ph >>> 31) ^ pb) phc[i >> 5]! ^= 1 << i;
      if ((mh >>> 31) ^ mb) mhc[i >> 5]! ^= 1 << i;
      ph = (ph << 1) | pb;
      mh = (mh << 1) | mb;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    for (let k = start; k < vlen; k += 1) peq[b.charCodeAt(k)] = 0;
  }
  let mv = 0;
  let pv = -1;
  const start = j * 32;
  const vlen = Math.min(32, m - start) + start;
  for (let k = start; k < vlen; k += 1) peq[b.charCodeAt(k)]! |= 1 << k;
  let score = m;
  for (let i = 0; i < n; i += 1) {
    const eq = peq[a.charCodeAt(i)]!;
    const pb = (phc[i >> 5]! >>> i) & 1;
    const mb = (mhc[i >> 5]! >>> i) & 1;
    const xv = eq | mv;
    const xh = ((((eq | mb) & pv) + pv) ^ pv) | eq | mb;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    score += (ph >>> (m - 1)) & 1;
    score -= (mh >>> (m - 1)) & 1;
    if ((ph >>> 31) ^ pb) phc[i >> 5]! ^= 1 << i;
    if ((mh >>> 31) ^ mb) mhc[i >> 5]! ^= 1 << i;
    ph = (ph << 1) | pb;
    mh = (mh << 1) | mb;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  for (let k = start; k < vlen; k += 1) peq[b.charCodeAt(k)] = 0;
  return score;
}

/** Levenshtein distance between two strings, compared as given (no normalisation). */
export function levenshtein(a: string, b: string): number {
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a.charCodeAt(start) === b.charCodeAt(start)) start += 1;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA -= 1;
    endB -= 1;
  }
  if (start === endA) return endB - start;
  if (start === endB) return endA - start;
  let x = a.slice(start, endA);
  let y = b.slice(start, endB);
  // The shorter string is the one encoded in bit vectors for the 32-bit fast path.
  if (x.length > y.length) [x, y] = [y, x];
  return x.length <= 32 ? myers32(x, y) : myersBlocks(y, x);
}

/** Post-editing effort of one unit: edits needed to turn the machine translation into the final text. */
export type UnitEffort = {
  readonly distance: number;
  /** Length of the longer of the two texts: the distance can never exceed it. */
  readonly length: number;
  /** distance ÷ length in [0, 1]; 0 for two empty texts. */
  readonly ratio: number;
};

export function unitEffort(machine: string, final: string): UnitEffort {
  const a = machine.normalize('NFC');
  const b = final.normalize('NFC');
  const distance = levenshtein(a, b);
  const length = Math.max(a.length, b.length);
  return { distance, length, ratio: length === 0 ? 0 : distance / length };
}

/** Bins of the effort histogram: "unchanged" (exactly 0), then ten bins of 10 % each, (0, 10 %] … (90, 100 %]. */
export const EFFORT_BINS = 11;

export type DocumentEffort = {
  readonly units: number;
  /** Units whose final text differs from the machine translation. */
  readonly changed: number;
  readonly distance: number;
  readonly length: number;
  /** Σ distance ÷ Σ length: longer units weigh more, as they take longer to post-edit. */
  readonly ratio: number;
  /** Mean of the per-unit ratios: every unit weighs the same. */
  readonly meanRatio: number;
  /** Unit counts per bin (see EFFORT_BINS). */
  readonly histogram: readonly number[];
};

export function effortBin(ratio: number): number {
  if (ratio <= 0) return 0;
  return Math.min(10, Math.ceil(ratio * 10 - 1e-9));
}

/** Effort over many units; per-unit figures come back through `onUnit` when the caller wants them. */
export function documentEffort(
  pairs: Iterable<{ readonly machine: string; readonly final: string }>,
  onUnit?: (effort: UnitEffort, index: number) => void,
): DocumentEffort {
  const histogram: number[] = Array.from({ length: EFFORT_BINS }, () => 0);
  let units = 0;
  let changed = 0;
  let distance = 0;
  let length = 0;
  let ratioSum = 0;
  for (const pair of pairs) {
    const effort = unitEffort(pair.machine, pair.final);
    onUnit?.(effort, units);
    units += 1;
    if (effort.distance > 0) changed += 1;
    distance += effort.distance;
    length += effort.length;
    ratioSum += effort.ratio;
    const bin = effortBin(effort.ratio);
    histogram[bin] = (histogram[bin] ?? 0) + 1;
  }
  return {
    units,
    changed,
    distance,
    length,
    ratio: length === 0 ? 0 : distance / length,
    meanRatio: units === 0 ? 0 : ratioSum / units,
    histogram,
  };
}
