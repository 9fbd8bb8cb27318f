/**
 * Dynamic programming over beads inside a band of the (source × target) grid.
 *
 * A node (i, j) means "the first i source and j target segments are aligned". A bead of kind (a, b) goes from
 * (i - a, j - b) to (i, j). The band keeps, for every row i, the columns lo[i]..hi[i]; lo and hi never decrease, so
 * the work and memory are proportional to (n + m) × band width, not n × m.
 */

export class Band {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly offset: Int32Array;
  readonly size: number;

  /** `lo` and `hi` (rows 0..n) are clipped to 0..m and made monotone so that a path always exists. */
  constructor(
    readonly n: number,
    readonly m: number,
    lo: Int32Array,
    hi: Int32Array,
  ) {
    this.lo = lo;
    this.hi = hi;
    lo[0] = 0;
    hi[n] = m;
    for (let i = 0; i <= n; i += 1) {
      lo[i] = Math.max(0, Math.min(m, lo[i]!));
      hi[i] = Math.max(0, Math.min(m, hi[i]!));
    }
    for (let i = n - 1; i >= 0; i -= 1) if (lo[i]! > lo[i + 1]!) lo[i] = lo[i + 1]!;
    for (let i = 1; i <= n; i += 1) if (hi[i]! < hi[i - 1]!) hi[i] = hi[i - 1]!;
    for (let i = 0; i <= n; i += 1) if (hi[i]! < lo[i]!) hi[i] = lo[i]!;
    // Moving from row i to row i + 1 needs a shared column.
    for (let i = 0; i < n; i += 1) if (lo[i + 1]! > hi[i]!) hi[i] = lo[i + 1]!;
    this.offset = new Int32Array(n + 2);
    let size = 0;
    for (let i = 0; i <= n; i += 1) {
      this.offset[i] = size;
      size += hi[i]! - lo[i]! + 1;
    }
    this.offset[n + 1] = size;
    this.size = size;
  }

  /** Cell index of node (i, j), or -1 outside the band. */
  index(i: number, j: number): number {
    if (i < 0 || i > this.n) return -1;
    const lo = this.lo[i]!;
    if (j < lo || j > this.hi[i]!) return -1;
    return this.offset[i]! + j - lo;
  }

  /**
   * A band of half-width `width` around a centre column for every row (rows 0..n); `width` may be one number or one
   * per row (a band widened only where the path needed more room).
   */
  static around(
    n: number,
    m: number,
    centreLo: Float64Array,
    centreHi: Float64Array,
    width: number | Float64Array,
  ): Band {
    const lo = new Int32Array(n + 1);
    const hi = new Int32Array(n + 1);
    for (let i = 0; i <= n; i += 1) {
      const w = typeof width === 'number' ? width : width[i]!;
      lo[i] = Math.floor(centreLo[i]! - w);
      hi[i] = Math.ceil(centreHi[i]! + w);
    }
    return new Band(n, m, lo, hi);
  }
}

/** Cost of the bead of kind (a, b) that starts at node (i0, j0). Must be finite. */
export type BeadCost = (i0: number, j0: number, a: number, b: number) => number;
/** Extra cost of passing through node (i, j) (paragraph anchors), 0 when none. */
export type NodeCost = ((i: number, j: number) => number) | null;

export type PathStep = { readonly i0: number; readonly j0: number; readonly a: number; readonly b: number };

export type ViterbiResult = {
  readonly path: PathStep[];
  readonly cost: number;
  /** Whether the path runs along the edge of the band somewhere it could have gone further. */
  readonly touchesEdge: boolean;
  /** The rows where it does, in descending order (the band needs widening there, not everywhere). */
  readonly edgeRows: readonly number[];
};

/**
 * Gaps are affine: a run of omissions (1-0) or insertions (0-1) pays `gapOpen` once, on top of each bead's own cost,
 * so one block of twenty untranslated captions is not forced into twenty costly beads or into wrong merges.
 * States of a node: 0 reached by a bead with both sides, 1 by an omission, 2 by an insertion.
 */
const STATES = 3;

function stateOf(a: number, b: number): number {
  return b === 0 ? 1 : a === 0 ? 2 : 0;
}

const INF = Number.POSITIVE_INFINITY;

type Kinds = {
  readonly K: number;
  readonly ka: Int32Array;
  readonly kb: Int32Array;
  readonly ks: Int32Array;
};

function kindTable(kinds: readonly (readonly [number, number])[]): Kinds {
  return {
    K: kinds.length,
    ka: Int32Array.from(kinds.map((k) => k[0])),
    kb: Int32Array.from(kinds.map((k) => k[1])),
    ks: Int32Array.from(kinds.map((k) => stateOf(k[0], k[1]))),
  };
}

/** Cost of entering state `to` from state `from`. */
function openCost(from: number, to: number, gapOpen: number): number {
  return to !== 0 && from !== to ? gapOpen : 0;
}

/**
 * Lowest-cost path from (0, 0) to (n, m) inside the band. `floor`, where given, is a lower bound of the cost of each
 * kind (in the order of `kinds`): a bead that cannot beat the best way into its node found so far is not costed.
 */
export function viterbi(
  band: Band,
  kinds: readonly (readonly [number, number])[],
  cost: BeadCost,
  nodeCost: NodeCost,
  gapOpen: number,
  onRow?: (i: number) => void,
  floor?: Float64Array,
): ViterbiResult {
  const { n, m, lo, hi, offset } = band;
  const size = band.size;
  const { K, ka, kb, ks } = kindTable(kinds);
  // Best costs are needed only for the rows a bead can reach back to: a ring of (longest bead + 1) rows, each as
  // wide as the widest row, keeps memory proportional to the band's width; only the back pointers cover the band.
  let reach = 0;
  for (let k = 0; k < K; k += 1) if (ka[k]! > reach) reach = ka[k]!;
  const ringRows = reach + 1;
  let widest = 0;
  for (let i = 0; i <= n; i += 1) widest = Math.max(widest, hi[i]! - lo[i]! + 1);
  const stride = STATES * widest;
  const ring = new Float64Array(ringRows * stride);
  const back = new Uint8Array(STATES * size);
  for (let i = 0; i <= n; i += 1) {
    if (onRow) onRow(i);
    const rowLo = lo[i]!;
    const rowHi = hi[i]!;
    const rowOff = offset[i]!;
    const here = (i % ringRows) * stride;
    ring.fill(INF, here, here + stride);
    if (i === 0) ring[here] = 0;
    for (let j = rowLo; j <= rowHi; j += 1) {
      if (i === 0 && j === 0) continue;
      const col = j - rowLo;
      const cell = rowOff + col;
      const node = nodeCost && !(i === n && j === m) ? nodeCost(i, j) : 0;
      for (let k = 0; k < K; k += 1) {
        const a = ka[k]!;
        const b = kb[k]!;
        const pi = i - a;
        const pj = j - b;
        if (pi < 0 || pj < 0) continue;
        const pLo = lo[pi]!;
        if (pj < pLo || pj > hi[pi]!) continue;
        const prev = (pi % ringRows) * stride + pj - pLo;
        const to = ks[k]!;
        let from = -1;
        let prevBest = INF;
        for (let ps = 0; ps < STATES; ps += 1) {
          const v = ring[prev + ps * widest]! + openCost(ps, to, gapOpen);
          if (v < prevBest) {
            prevBest = v;
            from = ps;
          }
        }
        if (prevBest === INF) continue;
        const at = here + to * widest + col;
        if (floor && prevBest + floor[k]! + node >= ring[at]!) continue;
        const c = prevBest + cost(pi, pj, a, b) + node;
        if (c < ring[at]!) {
          ring[at] = c;
          back[to * size + cell] = k * STATES + from;
        }
      }
    }
  }
  const path: PathStep[] = [];
  let i = n;
  let j = m;
  const endCol = (n % ringRows) * stride + m - lo[n]!;
  let state = 0;
  for (let s = 1; s < STATES; s += 1)
    if (ring[endCol + s * widest]! < ring[endCol + state * widest]!) state = s;
  const total = ring[endCol + state * widest]!;
  const edgeRows: number[] = [];
  while (i > 0 || j > 0) {
    const cell = offset[i]! + j - lo[i]!;
    if ((j === lo[i]! && j > 0 && i < n) || (j === hi[i]! && j < m && i > 0)) edgeRows.push(i);
    const code = back[state * size + cell]!;
    const k = Math.floor(code / STATES);
    const a = ka[k]!;
    const b = kb[k]!;
    path.push({ i0: i - a, j0: j - b, a, b });
    state = code % STATES;
    i -= a;
    j -= b;
  }
  path.reverse();
  return { path, cost: total, touchesEdge: edgeRows.length > 0, edgeRows };
}

function logSumExp(terms: Float64Array, count: number): number {
  let min = INF;
  for (let t = 0; t < count; t += 1) if (terms[t]! < min) min = terms[t]!;
  if (min === INF) return INF;
  let sum = 0;
  for (let t = 0; t < count; t += 1) sum += Math.exp(min - terms[t]!);
  return min - Math.log(sum);
}

type ForwardBackward = {
  readonly fwd: Float64Array;
  readonly bwd: Float64Array;
  /** Cost of the bead of kind k ending at each cell, scaled by 1/T (K × band size). */
  readonly beadCost: Float32Array;
  /** Log-domain total over all paths (as a cost). */
  readonly total: number;
  readonly invT: number;
  readonly open: number;
};

/** Forward and backward sums over all paths of the band, costs read as −T·log-probabilities. */
function forwardBackward(
  band: Band,
  kinds: readonly (readonly [number, number])[],
  cost: BeadCost,
  nodeCost: NodeCost,
  gapOpen: number,
  temperature: number,
  onRow?: (fraction: number) => void,
): ForwardBackward {
  const { n, m, lo, hi, offset } = band;
  const size = band.size;
  const { K, ka, kb, ks } = kindTable(kinds);
  const invT = 1 / temperature;
  const open = gapOpen * invT;
  const fwd = new Float64Array(STATES * size).fill(INF);
  const bwd = new Float64Array(STATES * size).fill(INF);
  const counts = new Int32Array(STATES);
  const byState = [new Float64Array(K * STATES), new Float64Array(K * STATES), new Float64Array(K * STATES)];
  // Cost of the bead of kind k ending at each cell (scaled by 1/T), kept from the forward pass for the backward one.
  const beadCost = new Float32Array(K * size).fill(INF);
  fwd[0] = 0;
  for (let i = 0; i <= n; i += 1) {
    if (onRow) onRow(i / (2 * (n + 1)));
    const rowLo = lo[i]!;
    for (let j = rowLo; j <= hi[i]!; j += 1) {
      if (i === 0 && j === 0) continue;
      counts.fill(0);
      for (let k = 0; k < K; k += 1) {
        const pi = i - ka[k]!;
        const pj = j - kb[k]!;
        if (pi < 0 || pj < 0) continue;
        const pLo = lo[pi]!;
        if (pj < pLo || pj > hi[pi]!) continue;
        const prevCell = offset[pi]! + pj - pLo;
        const to = ks[k]!;
        const c = cost(pi, pj, ka[k]!, kb[k]!) * invT;
        beadCost[k * size + offset[i]! + j - rowLo] = c;
        for (let ps = 0; ps < STATES; ps += 1) {
          const prev = fwd[ps * size + prevCell]!;
          if (prev === INF) continue;
          byState[to]![counts[to]!] = prev + c + (to !== 0 && ps !== to ? open : 0);
          counts[to]! += 1;
        }
      }
      const node = nodeCost && !(i === n && j === m) ? nodeCost(i, j) * invT : 0;
      const cell = offset[i]! + j - rowLo;
      for (let s = 0; s < STATES; s += 1) {
        if (counts[s] === 0) continue;
        fwd[s * size + cell] = logSumExp(byState[s]!, counts[s]!) + node;
      }
    }
  }
  for (let s = 0; s < STATES; s += 1) bwd[s * size + size - 1] = 0;
  for (let i = n; i >= 0; i -= 1) {
    if (onRow) onRow(0.5 + (n - i) / (2 * (n + 1)));
    const rowLo = lo[i]!;
    for (let j = hi[i]!; j >= rowLo; j -= 1) {
      if (i === n && j === m) continue;
      counts.fill(0);
      for (let k = 0; k < K; k += 1) {
        const ni = i + ka[k]!;
        const nj = j + kb[k]!;
        if (ni > n || nj > m) continue;
        const nLo = lo[ni]!;
        if (nj < nLo || nj > hi[ni]!) continue;
        const to = ks[k]!;
        const nextCell = offset[ni]! + nj - nLo;
        const next = bwd[to * size + nextCell]!;
        if (next === INF) continue;
        const node = nodeCost && !(ni === n && nj === m) ? nodeCost(ni, nj) * invT : 0;
        const c = next + node + beadCost[k * size + nextCell]!;
        for (let s = 0; s < STATES; s += 1) {
          byState[s]![counts[s]!] = c + (to !== 0 && s !== to ? open : 0);
          counts[s]! += 1;
        }
      }
      const cell = offset[i]! + j - rowLo;
      for (let s = 0; s < STATES; s += 1)
        if (counts[s]! > 0) bwd[s * size + cell] = logSumExp(byState[s]!, counts[s]!);
    }
  }
  const ends = new Float64Array(STATES);
  for (let s = 0; s < STATES; s += 1) ends[s] = fwd[s * size + size - 1]!;
  return { fwd, bwd, beadCost, total: logSumExp(ends, STATES), invT, open };
}

/**
 * Posterior probability of every bead of `path` among all paths of the band, with costs read as −T·log-probabilities
 * (forward–backward in the log domain).
 */
export function pathPosteriors(
  band: Band,
  kinds: readonly (readonly [number, number])[],
  cost: BeadCost,
  nodeCost: NodeCost,
  gapOpen: number,
  path: readonly PathStep[],
  temperature: number,
  onRow?: (fraction: number) => void,
): Float64Array {
  const { n, m } = band;
  const size = band.size;
  const { fwd, bwd, total, invT, open } = forwardBackward(
    band,
    kinds,
    cost,
    nodeCost,
    gapOpen,
    temperature,
    onRow,
  );
  const terms = new Float64Array(STATES);
  const out = new Float64Array(path.length);
  path.forEach((step, idx) => {
    const start = band.index(step.i0, step.j0);
    const endI = step.i0 + step.a;
    const endJ = step.j0 + step.b;
    const end = band.index(endI, endJ);
    if (start < 0 || end < 0) return;
    const to = stateOf(step.a, step.b);
    const node = nodeCost && !(endI === n && endJ === m) ? nodeCost(endI, endJ) * invT : 0;
    const c = cost(step.i0, step.j0, step.a, step.b) * invT + node + bwd[to * size + end]!;
    for (let ps = 0; ps < STATES; ps += 1)
      terms[ps] = fwd[ps * size + start]! + c + (to !== 0 && ps !== to ? open : 0);
    const logP = total - logSumExp(terms, STATES);
    out[idx] = Math.min(1, Math.max(0, Math.exp(logP)));
  });
  return out;
}
