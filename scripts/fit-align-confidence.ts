// Fits the logistic confidence model of aligned beads (src/core/align/confidence.ts) on development documents only
// and prints the weights to paste into CONFIDENCE_WEIGHTS. Usage: npx tsx scripts/fit-align-confidence.ts
import { alignWithEvidence, DEFAULT_PARAMS } from '../src/core/align/align.ts';
import { confidenceFeatures, CONFIDENCE_WEIGHTS } from '../src/core/align/confidence.ts';
import { beadKey, developmentPairs } from './align-gold.ts';

const rows: { x: number[]; y: number }[] = [];
for (const pair of developmentPairs()) {
  const gold = new Set(pair.gold.map(beadKey));
  const beads = alignWithEvidence(
    pair.source,
    pair.target,
    { sourceLang: pair.sourceLang, targetLang: pair.targetLang },
    DEFAULT_PARAMS,
  );
  // Every document weighs the same, whatever its length: the small Russian ones would otherwise not count.
  const weight = 300 / beads.length;
  for (const b of beads)
    for (let r = 0; r < Math.max(1, Math.round(weight)); r += 1)
      rows.push({ x: confidenceFeatures(b.evidence), y: gold.has(beadKey(b)) ? 1 : 0 });
}

// Newton's method on the L2-regularised log-likelihood (a light prior keeps rare features from running away).
const d = rows[0]!.x.length;
const w = new Array<number>(d).fill(0);
w[1] = 1;
const lambda = 1;
for (let iter = 0; iter < 50; iter += 1) {
  const g = new Array<number>(d).fill(0);
  const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const { x, y } of rows) {
    let z = 0;
    for (let k = 0; k < d; k += 1) z += w[k]! * x[k]!;
    const p = 1 / (1 + Math.exp(-z));
    for (let a = 0; a < d; a += 1) {
      g[a]! += (p - y) * x[a]!;
      for (let b = 0; b < d; b += 1) H[a]![b]! += p * (1 - p) * x[a]! * x[b]!;
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
const names = Object.keys(CONFIDENCE_WEIGHTS);
process.stdout.write(`${rows.length} weighted beads\n`);
process.stdout.write(
  `export const CONFIDENCE_WEIGHTS = {\n${names.map((n, k) => `  ${n}: ${w[k]!.toFixed(3)},`).join('\n')}\n} as const;\n`,
);
