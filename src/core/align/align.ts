/**
 * Sentence aligner: two versions of a document, segment by segment, without a dictionary or a neural model.
 *
 * Model. A path of beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3, 3-2, 2-3, 4-1, 1-4) from (0, 0) to (n, m); each
 * bead costs −ln prior(kind) + a Gale & Church length cost + a lexical cost, and runs of omissions or insertions pay
 * an opening cost once (affine gaps). The length model (ratio c and variance s², with a heavy tail for free
 * translation) is re-estimated from the pair itself. The lexical cost is lexWeight × (1 − Dice similarity) × bead
 * size, over keys two segments share (see features.ts): numbers and dates normalised across languages, URLs and
 * e-mails, acronyms and codes, names and loanwords romanised to a common skeleton, glossary term pairs, punctuation,
 * word pairs of a seed dictionary when one is given (dictionary.ts), and word pairs learned from the document by
 * competitive linking after the first pass. With a seed dictionary, a segment whose mutually best-matching partner
 * lies outside its bead also costs more. Paragraph ends that both
 * sides have are anchors: beads may not cross them cheaply and the path should pass through their corners.
 *
 * Search. A first Viterbi pass in a band around a line through anchor points (keys found as many times on each side,
 * paired occurrence by occurrence; longest increasing chain), widened only around the rows where the best path runs
 * along the band edge; then a refining pass in a narrow band around
 * the first path with the re-estimated model. Time and memory are proportional to (n + m) × band width.
 *
 * Scores. Each bead's score is its posterior probability among all paths near the final one (forward–backward with a
 * temperature chosen so that scores are calibrated on development data): a bead scored 0.9 is right about nine
 * times in ten, and doubtful beads score low.
 */
import type { AlignOptions, AlignSegment, Bead, BeadShape } from './types.ts';
import {
  CLASS_WEIGHT,
  KeyClass,
  KeyVocabulary,
  documentFrequency,
  extractSide,
  filterKeys,
  keyMass,
  sharedWeight,
  termPairPatterns,
  type SideFeatures,
} from './features.ts';
import { estimateModel, initialModel, lengthCostFunction, type LengthModel } from './lengthModel.ts';
import {
  Band,
  pathPosteriors,
  viterbi,
  type BeadCost,
  type NodeCost,
  type PathStep,
  type ViterbiResult,
} from './dp.ts';
import { DEFAULT_LEXICON, learnWordPairs } from './lexicon.ts';
import { dictionaryCoverage, seedIndex, withDictionaryKeys } from './dictionary.ts';
import {
  anchorLists,
  anchorsShared,
  anchorsOneSide,
  beadConfidence,
  type BeadEvidence,
  type ConfidenceWeights,
} from './confidence.ts';

/**
 * Tunable constants of the model. The defaults were chosen on development data (the dev document of the Bleualign
 * German–French set, never its test documents; see scripts/measure-align.ts).
 */
export type AlignParams = {
  /** Prior probability of a bead of each size (both orders: 2-1 and 1-2 share `p21`); a bead costs −ln p. */
  readonly p11: number;
  readonly p21: number;
  readonly p22: number;
  readonly p31: number;
  readonly p32: number;
  readonly p41: number;
  /** Cost of each omitted or inserted segment, plus `deletionLength` × the Gale–Church cost of its length. */
  readonly deletion: number;
  readonly deletionLength: number;
  /** Cost of starting a run of omissions or insertions (affine gaps: a block of captions is one event). */
  readonly gapOpen: number;
  /** Weight of the lexical cost: lexWeight × (1 − Dice similarity of the bead's keys) × bead size. */
  readonly lexWeight: number;
  /** Lexical cost of a bead without keys on either side, as a share of lexWeight × size. */
  readonly lexNeutral: number;
  /** Length model: share and width (in σ) of the heavy tail of length disagreements. */
  readonly tailWeight: number;
  readonly tailScale: number;
  /** Cost of a bead that joins segments of two paragraphs, and of a paragraph end on one side only. */
  readonly paragraphCross: number;
  readonly paragraphNode: number;
  /** Share of `paragraphNode` paid where the other side has a paragraph end one segment away. */
  readonly paragraphSlack: number;
  /** Half-width of the first search band (widened while the path runs along its edge) and of the refining band. */
  readonly firstWidth: number;
  readonly refineWidth: number;
  /** Half-width of the band around the final path in which the bead posteriors are computed. */
  readonly scoreWidth: number;
  /** Refining passes after the first; each learns word pairs from the previous path. */
  readonly refinePasses: number;
  /** Temperature of the posteriors that become bead scores. */
  readonly temperature: number;
  /**
   * Share of the heavy length tail for beads of more than two segments. Free translation makes a 1-1 bead's lengths
   * disagree; a merge whose lengths disagree is more often an omission or insertion beside a 1-1 bead.
   */
  readonly mergeTailWeight: number;
  /** Cost (× lexWeight) of each outer segment of a merge that has keys but shares none with the other side. */
  readonly partMiss: number;
  /**
   * Change to the cost of leaving a segment out: `orphan` is taken off for a segment with keys that shares none with
   * any segment it could be aligned to; `anchored` × (best share of its key mass matched by one of them) is added.
   */
  readonly orphan: number;
  readonly anchored: number;
  /**
   * Cost of each anchor (number, date, address, glossary term) that one side of a bead has and the other lacks: a
   * faithful translation keeps them, so a sentence whose number is nowhere in its partner was probably left out.
   */
  readonly anchorMiss: number;
  /**
   * Cost of each segment of a bead whose mutually best-matching partner lies outside it: two segments that share
   * more keys with each other than with any other segment of the band are most likely translations of each other.
   * Used with a seed dictionary only (see alignWithEvidence).
   */
  readonly mutualCross: number;
  /** Word pairs learned between passes: see lexicon.ts. */
  readonly lexMinCount: number;
  readonly lexMinDice: number;
  readonly lexStem: number;
  readonly lexLinks: number;
  /** Weight of a seed-dictionary key (see dictionary.ts) relative to other key classes. */
  readonly seedWeight: number;
};

export const DEFAULT_PARAMS: AlignParams = {
  p11: 0.85,
  p21: 0.05,
  p22: 0.012,
  p31: 0.005,
  p32: 0.002,
  p41: 0.001,
  deletion: 2,
  deletionLength: 0,
  gapOpen: 2,
  lexWeight: 2.4,
  lexNeutral: 0.6,
  tailWeight: 0.3,
  tailScale: 3.75,
  paragraphCross: 6,
  paragraphNode: 4,
  paragraphSlack: 0.25,
  firstWidth: 25,
  refineWidth: 8,
  scoreWidth: 4,
  refinePasses: 1,
  temperature: 0.7,
  mergeTailWeight: 0.3,
  partMiss: 0,
  orphan: 1,
  anchored: 3,
  anchorMiss: 1,
  mutualCross: 0.5,
  lexMinCount: 2,
  lexMinDice: 0.5,
  lexStem: 0,
  lexLinks: 1,
  seedWeight: 0.5,
};

/** Least share of segments with a seed-dictionary key for mutual best partners to count (see alignWithEvidence). */
const MUTUAL_MIN_COVERAGE = 0.5;

/** Bead kinds (source count, target count) with a prior above zero, 1-1 first. */
function beadKinds(params: AlignParams): { kinds: [number, number][]; cost: Float64Array } {
  const all: [number, number, number][] = [
    [1, 1, params.p11],
    [1, 0, 1],
    [0, 1, 1],
    [2, 1, params.p21],
    [1, 2, params.p21],
    [2, 2, params.p22],
    [3, 1, params.p31],
    [1, 3, params.p31],
    [3, 2, params.p32],
    [2, 3, params.p32],
    [4, 1, params.p41],
    [1, 4, params.p41],
  ];
  const used = all.filter((k) => k[2] > 0);
  return {
    kinds: used.map(([a, b]) => [a, b]),
    cost: Float64Array.from(used.map(([a, b, p]) => (a === 0 || b === 0 ? 0 : -Math.log(p)))),
  };
}

type Progress = (fraction: number) => void;

function throttledProgress(callback: ((fraction: number) => void) | undefined): Progress {
  if (!callback) return () => undefined;
  let last = -1;
  return (fraction: number) => {
    const f = Math.min(1, Math.max(0, fraction));
    if (f === 1 ? last < 1 : f - last >= 0.04) {
      last = f;
      callback(f);
    }
  };
}

function prefixSums(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i += 1) out[i + 1] = out[i]! + values[i]!;
  return out;
}

/** Keys on both sides, weighted by rarity; keys that only one side has say nothing about alignment. */
export function keyWeights(
  src: SideFeatures,
  tgt: SideFeatures,
  vocab: KeyVocabulary,
  seedWeight = CLASS_WEIGHT[KeyClass.Dictionary]!,
): {
  src: SideFeatures;
  tgt: SideFeatures;
  weight: Float64Array;
  dfS: Int32Array;
  dfT: Int32Array;
} {
  const dfS = documentFrequency(src, vocab.size);
  const dfT = documentFrequency(tgt, vocab.size);
  const keep = new Uint8Array(vocab.size);
  const weight = new Float64Array(vocab.size);
  const total = src.count + tgt.count;
  for (let k = 0; k < vocab.size; k += 1) {
    const s = dfS[k]!;
    const t = dfT[k]!;
    if (s === 0 || t === 0) continue;
    keep[k] = 1;
    // Rarity on both sides; a key far more frequent on one side than the other is a weaker match.
    const idf = Math.log(1 + total / (s + t));
    const balance = Math.min(s, t) / Math.max(s, t);
    const cls = vocab.classes[k]!;
    weight[k] = (cls === KeyClass.Dictionary ? seedWeight : CLASS_WEIGHT[cls]!) * idf * Math.sqrt(balance);
  }
  return { src: filterKeys(src, keep), tgt: filterKeys(tgt, keep), weight, dfS, dfT };
}

/**
 * Most occurrences a key may have on each side and still anchor (16, or one per thousand segments in longer
 * documents): its k-th occurrence in the source is paired with its k-th in the target. A document that repeats its
 * passages (a report quoting itself, boilerplate) has few keys found once, but many found the same number of times
 * on both sides, in the same order.
 */
const rankAnchorMax = (n: number) => Math.max(16, Math.ceil(n / 1000));

/**
 * Linear interpolation of the band centre through anchor points: segment pairs that share a key found as many times
 * on each side (see rankAnchorMax), occurrence by occurrence, kept where they form one increasing chain. Found
 * once, in time linear in the number of key occurrences.
 */
function anchorCentre(
  src: SideFeatures,
  tgt: SideFeatures,
  vocab: KeyVocabulary,
  dfS: Int32Array,
  dfT: Int32Array,
): Float64Array {
  const n = src.count;
  const m = tgt.count;
  // Where each usable key's occurrences start in `positions`, and how many of them have been seen so far.
  const start = new Int32Array(vocab.size + 1);
  const most = rankAnchorMax(Math.max(n, m));
  for (let k = 0; k < vocab.size; k += 1) {
    const usable = dfS[k]! > 0 && dfS[k] === dfT[k] && dfS[k]! <= most;
    start[k + 1] = start[k]! + (usable && vocab.classes[k] !== KeyClass.Punct ? dfS[k]! : 0);
  }
  const positions = new Int32Array(start[vocab.size]!);
  const seen = new Int32Array(vocab.size);
  for (let j = 0; j < m; j += 1) {
    for (let p = tgt.keyStart[j]!; p < tgt.keyStart[j + 1]!; p += 1) {
      const k = tgt.keyIds[p]!;
      if (start[k + 1]! > start[k]! && seen[k]! < dfT[k]!) positions[start[k]! + seen[k]!++] = j;
    }
  }
  seen.fill(0);
  const points: [number, number][] = [];
  for (let i = 0; i < n; i += 1) {
    for (let p = src.keyStart[i]!; p < src.keyStart[i + 1]!; p += 1) {
      const k = src.keyIds[p]!;
      if (start[k + 1]! > start[k]! && seen[k]! < dfS[k]!)
        points.push([i, positions[start[k]! + seen[k]!++]!]);
    }
  }
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const chain = longestIncreasingChain(points);
  // Drop anchors that disagree with both neighbours about the offset from the diagonal.
  const slope = m / Math.max(1, n);
  const kept: [number, number][] = [];
  for (let c = 0; c < chain.length; c += 1) {
    const [i, j] = chain[c]!;
    const off = j - i * slope;
    const prev = chain[c - 1];
    const next = chain[c + 1];
    const near = (q: [number, number] | undefined) =>
      q !== undefined && Math.abs(q[1] - q[0] * slope - off) <= Math.max(4, 0.15 * Math.abs(q[0] - i));
    if (near(prev) || near(next)) kept.push([i, j]);
  }
  const xs = [0, ...kept.map((p) => p[0] + 0.5), n];
  const ys = [0, ...kept.map((p) => p[1] + 0.5), m];
  const centre = new Float64Array(n + 1);
  let seg = 0;
  for (let i = 0; i <= n; i += 1) {
    while (seg < xs.length - 2 && i > xs[seg + 1]!) seg += 1;
    const x0 = xs[seg]!;
    const x1 = xs[seg + 1]!;
    const y0 = ys[seg]!;
    const y1 = ys[seg + 1]!;
    centre[i] = x1 > x0 ? y0 + ((i - x0) * (y1 - y0)) / (x1 - x0) : y0;
  }
  return centre;
}

/** Longest chain of points strictly increasing in both coordinates (points sorted by the first). */
function longestIncreasingChain(points: readonly [number, number][]): [number, number][] {
  const tailIndex: number[] = [];
  const parent = new Int32Array(points.length).fill(-1);
  for (let p = 0; p < points.length; p += 1) {
    const [i, j] = points[p]!;
    let lo = 0;
    let hi = tailIndex.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const q = points[tailIndex[mid]!]!;
      if (q[1] < j && q[0] < i) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) parent[p] = tailIndex[lo - 1]!;
    tailIndex[lo] = p;
  }
  const out: [number, number][] = [];
  let p = tailIndex.length > 0 ? tailIndex[tailIndex.length - 1]! : -1;
  while (p >= 0) {
    out.push(points[p]!);
    p = parent[p]!;
  }
  return out.reverse();
}

/**
 * Doubles the band's half-width in the rows around each row where the path touched the edge (as far on each side
 * as four times that width). False when no row could be widened further.
 */
function widenAround(widths: Float64Array, rows: readonly number[], widest: number): boolean {
  const before = widths.slice();
  let changed = false;
  for (const r of rows) {
    const w = before[r]!;
    if (w >= widest) continue;
    const reach = Math.ceil(4 * w);
    const to = Math.min(widths.length - 1, r + reach);
    for (let x = Math.max(0, r - reach); x <= to; x += 1)
      if (widths[x]! < 2 * w) {
        widths[x] = 2 * w;
        changed = true;
      }
  }
  return changed;
}

/** Band rows spanned by a path, for refining around it. */
function pathExtent(path: readonly PathStep[], n: number): { lo: Float64Array; hi: Float64Array } {
  const lo = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const hi = new Float64Array(n + 1).fill(Number.NEGATIVE_INFINITY);
  const visit = (i: number, j: number) => {
    if (j < lo[i]!) lo[i] = j;
    if (j > hi[i]!) hi[i] = j;
  };
  visit(0, 0);
  for (const s of path) {
    for (let r = 0; r <= s.a; r += 1) {
      visit(s.i0 + r, s.j0 + (s.a > 0 ? Math.round((r * s.b) / s.a) : 0));
      if (s.a > 0 && r > 0) visit(s.i0 + r, s.j0 + s.b);
      if (r < s.a) visit(s.i0 + r, s.j0);
    }
    visit(s.i0 + s.a, s.j0 + s.b);
  }
  return { lo, hi };
}

type Model = {
  readonly src: SideFeatures;
  readonly tgt: SideFeatures;
  readonly weight: Float64Array;
  readonly length: LengthModel;
  readonly kinds: readonly (readonly [number, number])[];
  /** −ln prior of each kind (0 for omissions and insertions, which cost `deletion`). */
  readonly kindCost: Float64Array;
  readonly params: AlignParams;
  /** Anchor keys of each segment before keys found on one side only are dropped (see confidence.ts). */
  readonly anchorsS: readonly (readonly number[] | null)[];
  readonly anchorsT: readonly (readonly number[] | null)[];
  /** Prefix sums of the number of anchors per segment. */
  readonly anchorCountS: Float64Array;
  readonly anchorCountT: Float64Array;
};

function anchorModel(
  src: SideFeatures,
  tgt: SideFeatures,
  vocab: KeyVocabulary,
): Pick<Model, 'anchorsS' | 'anchorsT' | 'anchorCountS' | 'anchorCountT'> {
  const anchorsS = anchorLists(src, vocab);
  const anchorsT = anchorLists(tgt, vocab);
  const counts = (lists: readonly (readonly number[] | null)[]) =>
    prefixSums(Float64Array.from(lists, (l) => l?.length ?? 0));
  return { anchorsS, anchorsT, anchorCountS: counts(anchorsS), anchorCountT: counts(anchorsT) };
}

/**
 * The least a bead of each kind can cost (see makeCosts): its prior, or for an omission or insertion the deletion
 * cost less the orphan allowance; the length, lexical, anchor and paragraph costs are never negative.
 */
function costFloor(
  used: readonly (readonly [number, number])[],
  kinds: readonly (readonly [number, number])[],
  kindCost: Float64Array,
  params: AlignParams,
): Float64Array {
  return Float64Array.from(used, ([a, b]) => {
    // Less a little: the length cost, read from a table, may come out a hair below zero.
    if (a === 0 || b === 0) return params.deletion - Math.max(0, params.orphan) - 1e-6;
    const k = kinds.findIndex(([x, y]) => x === a && y === b);
    return kindCost[k]! - 1e-6;
  });
}

/** Cost functions of one pass, with the pairwise shared-key weights cached for the cells of the band. */
function makeCosts(model: Model, band: Band): { cost: BeadCost; node: NodeCost } {
  const { src, tgt, weight, length, kindCost, params } = model;
  const n = src.count;
  const m = tgt.count;
  const Ls = prefixSums(src.length);
  const Lt = prefixSums(tgt.length);
  const massS = new Float64Array(n);
  const massT = new Float64Array(m);
  for (let i = 0; i < n; i += 1) massS[i] = keyMass(src, i, weight);
  for (let j = 0; j < m; j += 1) massT[j] = keyMass(tgt, j, weight);
  const As = prefixSums(massS);
  const At = prefixSums(massT);
  // Shared key weight of every segment pair (i, j) whose node lies in the band, computed once.
  const { lo: bandLo, hi: bandHi, offset: bandOffset } = band;
  const pair = new Float32Array(band.size);
  for (let i = 0; i < n; i += 1) {
    const hiJ = Math.min(bandHi[i]!, m - 1);
    for (let j = bandLo[i]!; j <= hiJ; j += 1)
      pair[bandOffset[i]! + j - bandLo[i]!] = sharedWeight(src, i, tgt, j, weight);
  }
  // Anchors two segments share, for the pairs of the band that both have some (most have none).
  const { anchorsS, anchorsT, anchorCountS: AcS, anchorCountT: AcT } = model;
  const anchorPair = params.anchorMiss > 0 ? new Uint8Array(band.size) : null;
  if (anchorPair) {
    for (let i = 0; i < n; i += 1) {
      const listS = anchorsS[i];
      if (!listS) continue;
      const hiJ = Math.min(bandHi[i]!, m - 1);
      for (let j = bandLo[i]!; j <= hiJ; j += 1) {
        const listT = anchorsT[j];
        if (listT) anchorPair[bandOffset[i]! + j - bandLo[i]!] = Math.min(255, anchorsShared(listS, listT));
      }
    }
  }
  const anchorShared = (i: number, j: number): number => {
    const listS = anchorsS[i];
    const listT = anchorsT[j];
    if (!listS || !listT) return 0;
    const rowLo = bandLo[i]!;
    return anchorPair && j >= rowLo && j <= bandHi[i]!
      ? anchorPair[bandOffset[i]! + j - rowLo]!
      : anchorsShared(listS, listT);
  };
  const shared = (i: number, j: number): number => {
    const rowLo = bandLo[i]!;
    return j >= rowLo && j <= bandHi[i]!
      ? pair[bandOffset[i]! + j - rowLo]!
      : sharedWeight(src, i, tgt, j, weight);
  };
  // How much of each segment's key mass its best partner in the band matches: a segment whose keys match nothing it
  // could be aligned to is more likely left out (or added), one that matches well is not.
  const bestS = new Float64Array(n);
  const bestT = new Float64Array(m);
  for (let i = 0; i < n; i += 1) {
    const hiJ = Math.min(bandHi[i]!, m - 1);
    for (let j = bandLo[i]!; j <= hiJ; j += 1) {
      const w = pair[bandOffset[i]! + j - bandLo[i]!]!;
      if (w > bestS[i]!) bestS[i] = w;
      if (w > bestT[j]!) bestT[j] = w;
    }
  }
  // Mutual best partners: segment pairs each of which matches the other better than anything else in the band.
  const argS = new Int32Array(n).fill(-1);
  const argT = new Int32Array(m).fill(-1);
  if (params.mutualCross > 0) {
    const topS = new Float64Array(n);
    const topT = new Float64Array(m);
    for (let i = 0; i < n; i += 1) {
      const hiJ = Math.min(bandHi[i]!, m - 1);
      for (let j = bandLo[i]!; j <= hiJ; j += 1) {
        const w = pair[bandOffset[i]! + j - bandLo[i]!]!;
        if (w > topS[i]!) {
          topS[i] = w;
          argS[i] = j;
        }
        if (w > topT[j]!) {
          topT[j] = w;
          argT[j] = i;
        }
      }
    }
    for (let i = 0; i < n; i += 1) if (argS[i]! >= 0 && argT[argS[i]!] !== i) argS[i] = -1;
    for (let j = 0; j < m; j += 1) if (argT[j]! >= 0 && argS[argT[j]!] !== j) argT[j] = -1;
  }
  const mutualOutside = (i0: number, j0: number, a: number, b: number): number => {
    let out = 0;
    for (let x = i0; x < i0 + a; x += 1) {
      const y = argS[x]!;
      if (y >= 0 && (y < j0 || y >= j0 + b)) out += 1;
    }
    for (let y = j0; y < j0 + b; y += 1) {
      const x = argT[y]!;
      if (x >= 0 && (x < i0 || x >= i0 + a)) out += 1;
    }
    return out;
  };
  const { mutualCross } = params;
  const { orphan, anchored } = params;
  const nullS = new Float64Array(n);
  const nullT = new Float64Array(m);
  const nullAdjust = (mass: number, best: number) =>
    mass <= 0 ? 0 : best <= 0 ? -orphan : anchored * Math.min(1, best / mass);
  for (let i = 0; i < n; i += 1) nullS[i] = nullAdjust(massS[i]!, bestS[i]!);
  for (let j = 0; j < m; j += 1) nullT[j] = nullAdjust(massT[j]!, bestT[j]!);
  const paraS = src.paragraph;
  const paraT = tgt.paragraph;
  let useParagraphs = false;
  if (paraS && paraT && n > 0 && m > 0) {
    const countS = paraS[n - 1]! - paraS[0]! + 1;
    const countT = paraT[m - 1]! - paraT[0]! + 1;
    useParagraphs = countS > 1 && countT > 1 && Math.min(countS, countT) / Math.max(countS, countT) >= 0.7;
  }
  const kindIndex = new Int32Array(64).fill(-1);
  model.kinds.forEach(([a, b], k) => (kindIndex[a * 8 + b] = k));
  const { lexWeight, lexNeutral, deletion, deletionLength, paragraphCross } = params;
  const lengthCost = lengthCostFunction(length);
  const mergeLengthCost =
    params.mergeTailWeight === length.tailWeight
      ? lengthCost
      : lengthCostFunction({ ...length, tailWeight: params.mergeTailWeight });
  const { partMiss, anchorMiss } = params;
  /** Whether segment x of one side has keys but shares none with segments y0..y0+count-1 of the other. */
  const unmatched = (x: number, y0: number, count: number, sourceSide: boolean): boolean => {
    if ((sourceSide ? massS[x]! : massT[x]!) <= 0) return false;
    for (let y = y0; y < y0 + count; y += 1) if ((sourceSide ? shared(x, y) : shared(y, x)) > 0) return false;
    return true;
  };
  const cost: BeadCost = (i0, j0, a, b) => {
    let c = kindCost[kindIndex[a * 8 + b]!]!;
    if (useParagraphs) {
      if (a > 1 && paraS![i0]! !== paraS![i0 + a - 1]!) c += paragraphCross;
      if (b > 1 && paraT![j0]! !== paraT![j0 + b - 1]!) c += paragraphCross;
    }
    const ls = Ls[i0 + a]! - Ls[i0]!;
    const lt = Lt[j0 + b]! - Lt[j0]!;
    if (mutualCross > 0) c += mutualCross * mutualOutside(i0, j0, a, b);
    if (a === 0 || b === 0)
      return (
        c +
        deletion +
        (a === 0 ? nullT[j0]! : nullS[i0]!) +
        (deletionLength > 0 ? deletionLength * lengthCost(ls, lt) : 0)
      );
    c += a + b > 2 ? mergeLengthCost(ls, lt) : lengthCost(ls, lt);
    if (partMiss > 0) {
      if (a > 1) {
        if (unmatched(i0, j0, b, true)) c += partMiss * lexWeight;
        if (unmatched(i0 + a - 1, j0, b, true)) c += partMiss * lexWeight;
      }
      if (b > 1) {
        if (unmatched(j0, i0, a, false)) c += partMiss * lexWeight;
        if (unmatched(j0 + b - 1, i0, a, false)) c += partMiss * lexWeight;
      }
    }
    if (anchorMiss > 0) {
      const anchors = AcS[i0 + a]! - AcS[i0]! + AcT[j0 + b]! - AcT[j0]!;
      if (anchors > 0) {
        let common = 0;
        for (let x = i0; x < i0 + a; x += 1)
          for (let y = j0; y < j0 + b; y += 1) common += anchorShared(x, y);
        c += anchorMiss * Math.max(0, anchors - 2 * common);
      }
    }
    const mass = As[i0 + a]! - As[i0]! + At[j0 + b]! - At[j0]!;
    const size = (a + b) / 2;
    if (mass <= 0) return c + lexWeight * lexNeutral * size;
    let matched = 0;
    for (let x = i0; x < i0 + a; x += 1) for (let y = j0; y < j0 + b; y += 1) matched += shared(x, y);
    const sim = Math.min(1, (2 * matched) / mass);
    return c + lexWeight * (1 - sim) * size;
  };
  let node: NodeCost = null;
  if (useParagraphs) {
    const { paragraphNode } = params;
    const boundaryS = (i: number) => i <= 0 || i >= n || paraS![i]! !== paraS![i - 1]!;
    const boundaryT = (j: number) => j <= 0 || j >= m || paraT![j]! !== paraT![j - 1]!;
    node = (i, j) => {
      const bs = boundaryS(i);
      const bt = boundaryT(j);
      if (bs === bt) return 0;
      // A paragraph end one segment away on the other side: the path may be about to leave out (or add) the last
      // sentence of a paragraph, which is what a dropped sentence looks like; it pays less.
      const near = bs ? boundaryT(j - 1) || boundaryT(j + 1) : boundaryS(i - 1) || boundaryS(i + 1);
      return near ? paragraphNode * params.paragraphSlack : paragraphNode;
    };
  }
  return { cost, node };
}

function trivialBeads(n: number, m: number): BeadWithEvidence[] {
  const certain = (source: number[], target: number[]): BeadWithEvidence => ({
    source,
    target,
    evidence: {
      posterior: 1,
      source: source.length,
      target: target.length,
      anchorsOneSide: 0,
      lengthDelta: 0,
    },
  });
  const beads: BeadWithEvidence[] = [];
  for (let i = 0; i < n; i += 1) beads.push(certain([i], []));
  for (let j = 0; j < m; j += 1) beads.push(certain([], [j]));
  return beads;
}

function range(start: number, count: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < count; k += 1) out.push(start + k);
  return out;
}

/**
 * Aligns two versions of a document segment by segment. Every index of both sides appears in exactly one bead, in
 * order. Cost is linear in the document length: a band around anchor points, then a narrow band around the first path.
 */
export function alignSegments(
  source: readonly AlignSegment[],
  target: readonly AlignSegment[],
  options: AlignOptions,
): Bead[] {
  return alignWithParams(source, target, options, DEFAULT_PARAMS);
}

/** `alignSegments` with explicit model constants (for tuning on development data). */
export function alignWithParams(
  source: readonly AlignSegment[],
  target: readonly AlignSegment[],
  options: AlignOptions,
  params: AlignParams,
  weights?: ConfidenceWeights,
): Bead[] {
  return alignWithEvidence(source, target, options, params).map(({ source: s, target: t, evidence }) => ({
    source: s,
    target: t,
    score: beadConfidence(evidence, weights),
  }));
}

/** A bead with what its score is computed from (for fitting and measuring the confidence model). */
export type BeadWithEvidence = BeadShape & { readonly evidence: BeadEvidence };

/** The aligner's beads with the evidence behind each score. */
export function alignWithEvidence(
  source: readonly AlignSegment[],
  target: readonly AlignSegment[],
  options: AlignOptions,
  given: AlignParams,
): BeadWithEvidence[] {
  const progress = throttledProgress(options.onProgress);
  progress(0);
  const n = source.length;
  const m = target.length;
  if (n === 0 || m === 0) {
    progress(1);
    return trivialBeads(n, m);
  }
  const vocab = new KeyVocabulary();
  const terms = termPairPatterns(options.termPairs ?? [], vocab);
  const srcTerms = terms.source;
  const tgtTerms = terms.target;
  let rawSrc = extractSide(source, options.sourceLang, vocab, srcTerms);
  let rawTgt = extractSide(target, options.targetLang, vocab, tgtTerms);
  if (options.seedPairs && options.seedPairs.length > 0) {
    const seeds = seedIndex(options.seedPairs);
    rawSrc = withDictionaryKeys(rawSrc, seeds.source, vocab);
    rawTgt = withDictionaryKeys(rawTgt, seeds.target, vocab);
  }
  progress(0.1);
  const first = keyWeights(rawSrc, rawTgt, vocab, given.seedWeight);
  // Mutual best partners are trusted only with a seed dictionary that reaches most sentences: without one, too few
  // segments share keys for the best match to mean much (on the Bleualign set it found fewer omissions and
  // insertions), and a glossary's few terms do not change that.
  const seeded = dictionaryCoverage(first.src, first.tgt, vocab) >= MUTUAL_MIN_COVERAGE;
  const params = seeded ? given : { ...given, mutualCross: 0 };
  let totalS = 0;
  let totalT = 0;
  for (const l of rawSrc.length) totalS += l;
  for (const l of rawTgt.length) totalT += l;
  const { kinds, cost: kindCost } = beadKinds(params);
  let model: Model = {
    src: first.src,
    tgt: first.tgt,
    weight: first.weight,
    length:
      options.lengthRatio !== undefined && options.lengthRatio > 0
        ? initialModel(1, options.lengthRatio, params.tailWeight, params.tailScale)
        : initialModel(totalS, totalT, params.tailWeight, params.tailScale),
    kinds,
    kindCost,
    params,
    ...anchorModel(rawSrc, rawTgt, vocab),
  };
  const passes = 1 + Math.max(0, params.refinePasses);
  const share = 0.6 / passes;

  // First pass: a band around the anchor line, widened while the best path runs along its edge. Beads of up to four
  // segments are enough to find the way; the refining passes have them all.
  const centre = anchorCentre(first.src, first.tgt, vocab, first.dfS, first.dfT);
  const firstKinds = kinds.filter(([a, b]) => a + b <= 4);
  // Widened only around the rows where the path ran along its edge: one passage that drifts from the anchor line
  // must not double the work for the whole document.
  const widths = new Float64Array(n + 1).fill(params.firstWidth);
  const widest = 4 * Math.max(n, m);
  let result: ViterbiResult;
  for (;;) {
    const band = Band.around(n, m, centre, centre, widths);
    const { cost, node } = makeCosts(model, band);
    result = viterbi(
      band,
      firstKinds,
      cost,
      node,
      params.gapOpen,
      (i) => progress(0.1 + (share * i) / (n + 1)),
      costFloor(firstKinds, kinds, kindCost, params),
    );
    const covers = band.size >= (n + 1) * (m + 1);
    if (!result.touchesEdge || covers || !widenAround(widths, result.edgeRows, widest)) break;
  }

  // Refining passes: the length model re-estimated and word pairs learned from the previous path, then a narrow
  // band around it.
  for (let pass = 1; pass < passes; pass += 1) {
    const lengthPairs: [number, number][] = [];
    for (const s of result.path) {
      if (s.a === 1 && s.b === 1) lengthPairs.push([rawSrc.length[s.i0]!, rawTgt.length[s.j0]!]);
    }
    model = { ...model, length: estimateModel(lengthPairs, model.length) };
    const learned = learnWordPairs(rawSrc, rawTgt, result.path, vocab, {
      ...DEFAULT_LEXICON,
      minCount: params.lexMinCount,
      minDice: params.lexMinDice,
      stem: params.lexStem,
      links: params.lexLinks,
    });
    if (learned) {
      const again = keyWeights(learned.src, learned.tgt, vocab, params.seedWeight);
      model = { ...model, src: again.src, tgt: again.tgt, weight: again.weight };
    }
    const extent = pathExtent(result.path, n);
    const band = Band.around(n, m, extent.lo, extent.hi, params.refineWidth);
    const { cost, node } = makeCosts(model, band);
    const from = 0.1 + share * pass;
    result = viterbi(
      band,
      kinds,
      cost,
      node,
      params.gapOpen,
      (i) => progress(from + (share * i) / (n + 1)),
      costFloor(kinds, kinds, kindCost, params),
    );
  }

  // Scores: the posterior probability of each bead of the final path among all paths of a band around it (wide
  // enough to hold its competitors), by forward–backward.
  const extent = pathExtent(result.path, n);
  const band = Band.around(n, m, extent.lo, extent.hi, params.scoreWidth);
  const { cost, node } = makeCosts(model, band);
  const posteriors = pathPosteriors(
    band,
    kinds,
    cost,
    node,
    params.gapOpen,
    result.path,
    params.temperature,
    (f) => progress(0.7 + 0.28 * f),
  );
  const { length } = model;
  const beads: BeadWithEvidence[] = result.path.map((s, k) => {
    const src = range(s.i0, s.a);
    const tgt = range(s.j0, s.b);
    let ls = 0;
    let lt = 0;
    for (const i of src) ls += rawSrc.length[i]!;
    for (const j of tgt) lt += rawTgt.length[j]!;
    const mean = (ls + lt / length.ratio) / 2;
    const lengthDelta =
      mean > 0 ? Math.abs(lt - length.ratio * ls) / Math.sqrt(length.variance * length.ratio * mean) : 0;
    return {
      source: src,
      target: tgt,
      evidence: {
        posterior: posteriors[k]!,
        source: s.a,
        target: s.b,
        anchorsOneSide: anchorsOneSide(rawSrc, rawTgt, vocab, src, tgt),
        lengthDelta,
      },
    };
  });
  progress(1);
  return beads;
}
