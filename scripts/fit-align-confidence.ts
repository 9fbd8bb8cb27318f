// Fits the logistic confidence model of aligned beads (src/core/align/confidence.ts), then an isotonic curve from
// its probability to the share of beads right, and prints both to paste into CONFIDENCE_WEIGHTS and
// CONFIDENCE_CURVE. Fitted on development documents only (the Bleualign dev document with and without simulated
// omissions and insertions, and the akimat ru–en and ru–kk fixtures).
// Usage: npx tsx scripts/fit-align-confidence.ts [--cv]
//   --cv  also estimates how well a model fitted this way is calibrated on documents it has not seen, by
//         leave-one-document-out over the eight Bleualign documents (each scored, with and without simulated
//         omissions and insertions, by a model fitted on the akimat fixtures and the other seven): reliability
//         table and expected calibration error, beside the same for the development-only model.
import { alignWithEvidence, DEFAULT_PARAMS } from '../src/core/align/align.ts';
import {
  confidenceFeatures,
  CONFIDENCE_WEIGHTS,
  logisticConfidence,
  throughCurve,
  type BeadEvidence,
  type ConfidenceWeights,
} from '../src/core/align/confidence.ts';
import {
  BLEUALIGN,
  BLEUALIGN_TEST,
  beadKey,
  bleualignAvailable,
  bleualignPair,
  lines,
  ownPair,
  withOmissions,
  type GoldPair,
} from './align-gold.ts';
import { join } from 'node:path';

type Row = { readonly x: number[]; readonly y: number; readonly e: BeadEvidence; readonly w: number };
type Curve = [number, number][];

/** Beads of a pair with their features; every document weighs the same (300 beads), whatever its length. */
function rowsOf(pair: GoldPair): Row[] {
  const gold = new Set(pair.gold.map(beadKey));
  const beads = alignWithEvidence(
    pair.source,
    pair.target,
    { sourceLang: pair.sourceLang, targetLang: pair.targetLang },
    DEFAULT_PARAMS,
  );
  const w = 300 / beads.length;
  return beads.map((b) => ({
    x: confidenceFeatures(b.evidence),
    y: gold.has(beadKey(b)) ? 1 : 0,
    e: b.evidence,
    w,
  }));
}

const NAMES = Object.keys(CONFIDENCE_WEIGHTS) as (keyof typeof CONFIDENCE_WEIGHTS)[];

/** Newton's method on the weighted, L2-regularised log-likelihood (a light prior keeps rare features in check). */
function fitLogistic(rows: readonly Row[]): ConfidenceWeights {
  const d = rows[0]!.x.length;
  const w = new Array<number>(d).fill(0);
  w[1] = 1;
  const lambda = 1;
  for (let iter = 0; iter < 50; iter += 1) {
    const g = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const { x, y, w: weight } of rows) {
      let z = 0;
      for (let k = 0; k < d; k += 1) z += w[k]! * x[k]!;
      const p = 1 / (1 + Math.exp(-z));
      for (let a = 0; a < d; a += 1) {
        g[a]! += weight * (p - y) * x[a]!;
        for (let b = 0; b < d; b += 1) H[a]![b]! += weight * p * (1 - p) * x[a]! * x[b]!;
      }
    }
    for (let a = 1; a < d; a += 1) {
      g[a]! += lambda * (w[a]! - (a === 1 ? 1 : 0));
      H[a]![a]! += lambda;
    }
    // Solve H·step = g by Gaussian elimination.
    const A = H.map((row, a) => [...row, g[a]!]);
    for (let c = 0; c < d; c += 1) {
      let piv = c;
      for (let r = c + 1; r < d; r += 1) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r;
      [A[c], A[piv]] = [A[piv]!, A[c]!];
      for (let r = 0; r < d; r += 1) {
        if (r === c) continue;
        const f = A[r]![c]! / A[c]![c]!;
        for (let k = c; k <= d; k += 1) A[r]![k]! -= f * A[c]![k]!;
      }
    }
    let moved = 0;
    for (let a = 0; a < d; a += 1) {
      const step = A[a]![d]! / A[a]![a]!;
      w[a]! -= step;
      moved = Math.max(moved, Math.abs(step));
    }
    if (moved < 1e-8) break;
  }
  return Object.fromEntries(NAMES.map((n, k) => [n, w[k]!])) as ConfidenceWeights;
}

/**
 * Isotonic regression (pool adjacent violators) of "right" on the logistic probability, over blocks of at least
 * `minBlock` (weighted) beads, one knot per pooled block at its mean probability: the curve rests on enough beads at
 * every point.
 */
function fitCurve(rows: readonly Row[], weights: ConfidenceWeights, minBlock = 40): Curve {
  const points = rows
    .map((r) => ({ p: logisticConfidence(r.e, weights), y: r.y, w: r.w }))
    .sort((a, b) => a.p - b.p);
  type Block = { sumP: number; sumY: number; weight: number };
  const blocks: Block[] = [];
  let pending: Block = { sumP: 0, sumY: 0, weight: 0 };
  for (const { p, y, w } of points) {
    pending.sumP += w * p;
    pending.sumY += w * y;
    pending.weight += w;
    if (pending.weight >= minBlock) {
      blocks.push(pending);
      pending = { sumP: 0, sumY: 0, weight: 0 };
    }
  }
  const last = blocks.at(-1);
  if (last && pending.weight > 0) {
    last.sumP += pending.sumP;
    last.sumY += pending.sumY;
    last.weight += pending.weight;
  } else if (pending.weight > 0) blocks.push(pending);
  const pooled: Block[] = [];
  for (const b of blocks) {
    pooled.push({ ...b });
    while (pooled.length > 1) {
      const top = pooled.at(-1)!;
      const below = pooled.at(-2)!;
      if (below.sumY / below.weight < top.sumY / top.weight) break;
      pooled.pop();
      below.sumP += top.sumP;
      below.sumY += top.sumY;
      below.weight += top.weight;
    }
  }
  return [[0, 0], ...pooled.map((b): [number, number] => [b.sumP / b.weight, b.sumY / b.weight]), [1, 1]];
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const f = (x: number) => x.toFixed(3);

/** Reliability table (ten bands of score) and expected calibration error of scored beads. */
function reliability(scored: readonly { score: number; correct: boolean }[]): void {
  let ece = 0;
  out('  score        beads  mean score  right');
  for (let k = 0; k < 10; k += 1) {
    const inBin = scored.filter(
      (x) => x.score >= k / 10 && (x.score < (k + 1) / 10 || (k === 9 && x.score <= 1)),
    );
    if (inBin.length === 0) continue;
    const mean = inBin.reduce((s, x) => s + x.score, 0) / inBin.length;
    const acc = inBin.filter((x) => x.correct).length / inBin.length;
    ece += (inBin.length / scored.length) * Math.abs(acc - mean);
    out(
      `  ${f(k / 10)}–${f((k + 1) / 10)}  ${String(inBin.length).padStart(5)}  ${f(mean).padStart(10)}  ${f(acc)}`,
    );
  }
  out(`  expected calibration error ${f(ece)}`);
}

const score = (r: Row, weights: ConfidenceWeights, curve: Curve) =>
  Math.round(1000 * throughCurve(logisticConfidence(r.e, weights), curve)) / 1000;

// The Bleualign documents, each with and without simulated omissions and insertions (as measure-align.ts builds
// them), and the akimat fixtures.
const perDoc: Row[][] = [];
const docs = ['dev', ...BLEUALIGN_TEST];
if (bleualignAvailable()) {
  docs.forEach((doc, k) => {
    const pair = bleualignPair(doc);
    const simulated =
      doc === 'dev'
        ? withOmissions(pair, lines(join(BLEUALIGN, 'test0.fr')).slice(0, 100), 11)
        : withOmissions(pair, lines(join(BLEUALIGN, 'dev.fr')).slice(200, 300), 100 + k);
    perDoc.push([...rowsOf(pair), ...rowsOf(simulated)]);
  });
}
const own = [...rowsOf(ownPair('akimat', 'en')), ...rowsOf(ownPair('akimat', 'kk'))];
const devOnly = process.argv.includes('--dev-only');
const fitRows = devOnly ? [...own, ...(perDoc[0] ?? [])] : [...own, ...perDoc.flat()];
const weights = fitLogistic(fitRows);
const curve = fitCurve(fitRows, weights);
out(`${fitRows.length} beads (${devOnly ? 'development documents only' : 'all documents'})`);
out(
  `export const CONFIDENCE_WEIGHTS = {\n${NAMES.map((n) => `  ${n}: ${weights[n].toFixed(3)},`).join('\n')}\n} as const;`,
);
out(
  `export const CONFIDENCE_CURVE: readonly (readonly [number, number])[] = [\n${curve.map(([x, y]) => `  [${f(x)}, ${f(y)}],`).join('\n')}\n];`,
);

if (process.argv.includes('--cv') && perDoc.length > 0) {
  const cvScored: { score: number; correct: boolean }[] = [];
  const devScored: { score: number; correct: boolean }[] = [];
  const devW = fitLogistic([...own, ...perDoc[0]!]);
  const devC = fitCurve([...own, ...perDoc[0]!], devW);
  perDoc.forEach((held, d) => {
    const train = [...own, ...perDoc.filter((_, k) => k !== d).flat()];
    const w = fitLogistic(train);
    const c = fitCurve(train, w);
    for (const r of held) {
      cvScored.push({ score: score(r, w, c), correct: r.y === 1 });
      if (d > 0) devScored.push({ score: score(r, devW, devC), correct: r.y === 1 });
    }
  });
  out(
    'Leave-one-document-out over the eight Bleualign documents (each with and without simulated omissions):',
  );
  reliability(cvScored);
  out('Fitted on the development documents only, scored on the seven test documents:');
  reliability(devScored);
}
