// Alignment measurements:
// 1. pooled strict/lax precision, recall and F1 on the Bleualign German–French gold set
//    (/work/shared/conformance/align-gold/bleualign-de-fr, test0..test6), in the manner of vecalign's score.py;
// 2. the same documents with simulated omissions and insertions, and the project's own held-out Russian–English and
//    Russian–Kazakh documents: bead F1 (every bead, 1-0 and 0-1 included) and how many omissions and insertions are
//    found;
// 3. calibration of bead scores on all held-out beads: reliability table and expected calibration error;
// 4. sentence F1 of segmentation on the held-out gold sets (tests/fixtures/segment).
// Usage: npx tsx scripts/measure-align.ts [--dev] [--dir PATH] [--verbose]
//   --dev scores the development documents instead (used for tuning; the test documents are not tuned on).
//   ALIGN_PARAMS='{"lexWeight":2}' overrides model constants for experiments.
import { alignWithParams, DEFAULT_PARAMS, type AlignParams } from '../src/core/align/align.ts';
import { poolScores, scoreCounts, type ScoreCounts } from '../src/core/align/metrics.ts';
import type { Bead } from '../src/core/align/types.ts';
import {
  BLEUALIGN,
  BLEUALIGN_TEST,
  beadKey,
  bleualignAvailable,
  bleualignPair,
  bleualignTestPairs,
  developmentPairs,
  heldOutPairs,
  type GoldPair,
} from './align-gold.ts';
import { segmentationScores } from './segment-gold.ts';

const argv = process.argv.slice(2);
const dirFlag = argv.indexOf('--dir');
const dir = dirFlag >= 0 ? argv[dirFlag + 1]! : BLEUALIGN;
const dev = argv.includes('--dev');
const verbose = argv.includes('--verbose');
const params: AlignParams = {
  ...DEFAULT_PARAMS,
  ...(JSON.parse(process.env.ALIGN_PARAMS ?? '{}') as Partial<AlignParams>),
};
const f = (x: number) => x.toFixed(3);
const out = (line: string) => process.stdout.write(`${line}\n`);

type Scored = { readonly score: number; readonly correct: boolean };

function run(pair: GoldPair): { beads: Bead[]; ms: number } {
  const start = performance.now();
  const beads = alignWithParams(
    pair.source,
    pair.target,
    { sourceLang: pair.sourceLang, targetLang: pair.targetLang },
    params,
  );
  return { beads, ms: performance.now() - start };
}

/** Bead F1 over every bead (1-0 and 0-1 included), and recall and precision of the 1-0 and 0-1 beads alone. */
function beadFigures(pairs: readonly GoldPair[], scored: Scored[]) {
  let right = 0;
  let found = 0;
  let gold = 0;
  let nullGold = 0;
  let nullFound = 0;
  let nullRight = 0;
  const isNull = (b: { source: readonly number[]; target: readonly number[] }) =>
    b.source.length === 0 || b.target.length === 0;
  for (const pair of pairs) {
    const { beads } = run(pair);
    const goldKeys = new Set(pair.gold.map(beadKey));
    const testKeys = new Set(beads.map(beadKey));
    for (const b of beads) {
      const ok = goldKeys.has(beadKey(b));
      scored.push({ score: b.score, correct: ok });
      if (ok) right += 1;
      if (isNull(b)) {
        nullFound += 1;
        if (ok) nullRight += 1;
      }
    }
    for (const g of pair.gold) if (isNull(g)) nullGold += 1;
    found += beads.length;
    gold += pair.gold.length;
    if (verbose)
      for (const g of pair.gold)
        if (!testKeys.has(beadKey(g))) out(`  ${pair.name}: missed gold bead ${beadKey(g)}`);
  }
  const p = right / found;
  const r = right / gold;
  return {
    f1: (2 * p * r) / (p + r),
    nullRecall: nullGold ? nullRight / nullGold : 1,
    nullPrecision: nullFound ? nullRight / nullFound : 1,
    nullGold,
    nullFound,
  };
}

const scored: Scored[] = [];

if (bleualignAvailable(dir)) {
  const docs = dev ? ['dev'] : BLEUALIGN_TEST;
  const all: ScoreCounts[] = [];
  let elapsed = 0;
  for (const doc of docs) {
    const pair = bleualignPair(doc, dir);
    const { beads, ms } = run(pair);
    elapsed += ms;
    const counts = scoreCounts(pair.gold, beads);
    all.push(counts);
    const goldKeys = new Set(pair.gold.map(beadKey));
    if (!dev) for (const b of beads) scored.push({ score: b.score, correct: goldKeys.has(beadKey(b)) });
    if (verbose) {
      const s = poolScores([counts]);
      out(`${doc}: strict P ${f(s.precision)} R ${f(s.recall)} F1 ${f(s.f1)}`);
    }
  }
  const s = poolScores(all);
  out(`Bleualign de–fr, documents: ${docs.join(', ')} (${elapsed.toFixed(0)} ms aligning)`);
  out(`  strict  P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}`);
  out(`  lax     P ${f(s.laxPrecision)}  R ${f(s.laxRecall)}  F1 ${f(s.laxF1)}`);
  if (!dev) {
    const b = beadFigures(bleualignTestPairs(true), scored);
    out(`Bleualign test documents with simulated omissions and insertions (about 4 % each):`);
    out(
      `  bead F1 ${f(b.f1)}; 1-0/0-1 beads: ${b.nullGold} in gold, ${b.nullFound} found, recall ${f(b.nullRecall)}, precision ${f(b.nullPrecision)}`,
    );
  }
} else {
  process.stderr.write(`measure-align: ${dir} not found; Bleualign figures skipped\n`);
}

const own = dev ? developmentPairs().filter((p) => p.sourceLang === 'ru') : heldOutPairs();
out(dev ? 'Own development documents:' : 'Own held-out documents (tests/fixtures/align/heldout):');
for (const target of ['en', 'kk']) {
  const pairs = own.filter((p) => p.targetLang === target);
  const b = beadFigures(pairs, scored);
  out(
    `  ru→${target}: bead F1 ${f(b.f1)}; 1-0/0-1 beads: ${b.nullGold} in gold, ${b.nullFound} found, recall ${f(b.nullRecall)}, precision ${f(b.nullPrecision)}`,
  );
}

// Reliability table: beads grouped by score; a calibrated aligner is right about as often as its scores say.
const bins = 10;
let ece = 0;
out(`Calibration (${scored.length} beads of the documents above; right = exactly a gold bead):`);
out('  score       beads  mean score  right');
for (let k = 0; k < bins; k += 1) {
  const lo = k / bins;
  const hi = (k + 1) / bins;
  const inBin = scored.filter((x) => x.score >= lo && (x.score < hi || (k === bins - 1 && x.score <= 1)));
  if (inBin.length === 0) continue;
  const mean = inBin.reduce((s, x) => s + x.score, 0) / inBin.length;
  const acc = inBin.filter((x) => x.correct).length / inBin.length;
  ece += (inBin.length / scored.length) * Math.abs(acc - mean);
  out(`  ${f(lo)}–${f(hi)}  ${String(inBin.length).padStart(5)}  ${f(mean).padStart(10)}  ${f(acc)}`);
}
out(`  expected calibration error ${f(ece)}`);

for (const set of ['main', 'fresh'] as const) {
  out(
    `Segmentation, gold set ${set === 'main' ? 'tests/fixtures/segment' : 'tests/fixtures/segment/fresh'}:`,
  );
  for (const s of segmentationScores(set))
    out(
      `  ${s.lang}: ${s.sentences} sentences, P ${f(s.precision)} R ${f(s.recall)} F1 ${f(s.f1)}${verbose ? s.errors.map((e) => `\n    ${e}`).join('') : ''}`,
    );
}
