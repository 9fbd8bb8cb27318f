// Alignment measurements:
// 1. pooled strict/lax precision, recall and F1 on the Bleualign German–French gold set
//    (/work/shared/conformance/align-gold/bleualign-de-fr, test0..test6), in the manner of vecalign's score.py;
// 2. the same documents with simulated omissions and insertions, and the project's own held-out Russian–English and
//    Russian–Kazakh documents: bead F1 (every bead, 1-0 and 0-1 included) and how many omissions and insertions are
//    found;
// 3. calibration of bead scores on all held-out beads: reliability table and expected calibration error;
// 4. sentence F1 of segmentation on the held-out gold sets (tests/fixtures/segment).
// When Debian's FreeDict German–French dictionary is installed (dict-freedict-deu-fra), the Bleualign figures are
// printed a second time with its word pairs as a seed dictionary.
// Usage: npx tsx scripts/measure-align.ts [--dev] [--cv] [--dir PATH] [--verbose]
//   --dev scores the development documents instead (used for tuning; the test documents are not tuned on).
//   --cv  leave-one-document-out cross-validation over all eight Bleualign documents: for each document, the setting
//         of a small grid (ALIGN_GRID='[{...},{...}]' to give another) with the best pooled F1 on the other seven is
//         chosen and the document is scored with it; the pooled result is the figure. One 468-sentence development
//         document cannot rank settings a hundredth apart; about 1,500 sentences of seven documents judge better.
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
  dictdPairs,
  heldOutPairs,
  type GoldPair,
} from './align-gold.ts';
import { segmentationScores } from './segment-gold.ts';

const argv = process.argv.slice(2);
const dirFlag = argv.indexOf('--dir');
const dir = dirFlag >= 0 ? argv[dirFlag + 1]! : BLEUALIGN;
const dev = argv.includes('--dev');
const cv = argv.includes('--cv');
const verbose = argv.includes('--verbose');
const params: AlignParams = {
  ...DEFAULT_PARAMS,
  ...(JSON.parse(process.env.ALIGN_PARAMS ?? '{}') as Partial<AlignParams>),
};
const f = (x: number) => x.toFixed(3);
const out = (line: string) => process.stdout.write(`${line}\n`);

type Scored = { readonly score: number; readonly correct: boolean };

function run(
  pair: GoldPair,
  seedPairs?: readonly [string, string][],
  with_: AlignParams = params,
): { beads: Bead[]; ms: number } {
  const start = performance.now();
  const beads = alignWithParams(
    pair.source,
    pair.target,
    { sourceLang: pair.sourceLang, targetLang: pair.targetLang, seedPairs },
    with_,
  );
  return { beads, ms: performance.now() - start };
}

/** Bead F1 over every bead (1-0 and 0-1 included), and recall and precision of the 1-0 and 0-1 beads alone. */
function beadFigures(pairs: readonly GoldPair[], scored: Scored[], seedPairs?: readonly [string, string][]) {
  let right = 0;
  let found = 0;
  let gold = 0;
  let nullGold = 0;
  let nullFound = 0;
  let nullRight = 0;
  const isNull = (b: { source: readonly number[]; target: readonly number[] }) =>
    b.source.length === 0 || b.target.length === 0;
  for (const pair of pairs) {
    const { beads } = run(pair, seedPairs);
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

/** Strict and lax figures of the Bleualign documents, pooled; beads of the test documents go to `scored`. */
function bleualignFigures(docs: readonly string[], seedPairs?: readonly [string, string][]): void {
  const all: ScoreCounts[] = [];
  let elapsed = 0;
  for (const doc of docs) {
    const pair = bleualignPair(doc, dir);
    const { beads, ms } = run(pair, seedPairs);
    elapsed += ms;
    const counts = scoreCounts(pair.gold, beads);
    all.push(counts);
    const goldKeys = new Set(pair.gold.map(beadKey));
    if (!dev && !seedPairs)
      for (const b of beads) scored.push({ score: b.score, correct: goldKeys.has(beadKey(b)) });
    if (verbose) {
      const s = poolScores([counts]);
      out(`${doc}: strict P ${f(s.precision)} R ${f(s.recall)} F1 ${f(s.f1)}`);
    }
  }
  const s = poolScores(all);
  out(
    `Bleualign de–fr${seedPairs ? `, seed dictionary FreeDict deu-fra (${seedPairs.length} pairs)` : ''}, documents: ${docs.join(', ')} (${elapsed.toFixed(0)} ms aligning)`,
  );
  out(`  strict  P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}`);
  out(`  lax     P ${f(s.laxPrecision)}  R ${f(s.laxRecall)}  F1 ${f(s.laxF1)}`);
  if (!dev) {
    const b = beadFigures(bleualignTestPairs(true), seedPairs ? [] : scored, seedPairs);
    out(`Bleualign test documents with simulated omissions and insertions (about 4 % each):`);
    out(
      `  bead F1 ${f(b.f1)}; 1-0/0-1 beads: ${b.nullGold} in gold, ${b.nullFound} found, recall ${f(b.nullRecall)}, precision ${f(b.nullPrecision)}`,
    );
  }
}

/** Settings compared by --cv: the defaults and single changes to them that were candidates on development data. */
const CV_GRID: Partial<AlignParams>[] = [
  {},
  { lexWeight: 2 },
  { lexWeight: 3 },
  { deletion: 1.5 },
  { deletion: 2.5 },
  { mergeTailWeight: 0.5 },
  { p22: 0.005, p32: 0.0005 },
  { temperature: 0.5 },
  { mutualCross: 0.25 },
  { mutualCross: 1 },
];

/** Leave-one-document-out cross-validation over the eight Bleualign documents (see --cv above). */
function crossValidation(seedPairs?: readonly [string, string][]): void {
  const grid = process.env.ALIGN_GRID
    ? (JSON.parse(process.env.ALIGN_GRID) as Partial<AlignParams>[])
    : CV_GRID;
  const docs = ['dev', ...BLEUALIGN_TEST];
  const pairs = docs.map((d) => bleualignPair(d, dir));
  const counts = grid.map((g) =>
    pairs.map((pair) => scoreCounts(pair.gold, run(pair, seedPairs, { ...params, ...g }).beads)),
  );
  const chosen: ScoreCounts[] = [];
  const picks: string[] = [];
  docs.forEach((_, d) => {
    let best = 0;
    let bestF1 = -1;
    counts.forEach((perDoc, g) => {
      const f1 = poolScores(perDoc.filter((__, k) => k !== d)).f1;
      if (f1 > bestF1 + 1e-12) {
        bestF1 = f1;
        best = g;
      }
    });
    chosen.push(counts[best]![d]!);
    picks.push(`${docs[d]}←${JSON.stringify(grid[best])}`);
  });
  const all = poolScores(chosen);
  const test = poolScores(chosen.slice(1));
  out(
    `Leave-one-document-out cross-validation${seedPairs ? ' with the seed dictionary' : ''} (${grid.length} settings):`,
  );
  out(`  all eight documents: strict P ${f(all.precision)} R ${f(all.recall)} F1 ${f(all.f1)}`);
  out(`  test0–6 part: strict P ${f(test.precision)} R ${f(test.recall)} F1 ${f(test.f1)}`);
  grid.forEach((g, k) => {
    const c = counts[k]!;
    out(
      `  ${JSON.stringify(g).padEnd(32)} dev ${f(poolScores([c[0]!]).f1)}  test0–6 ${f(poolScores(c.slice(1)).f1)}  all ${f(poolScores(c).f1)}`,
    );
  });
  if (verbose) out(`  chosen: ${picks.join('; ')}`);
}

const scored: Scored[] = [];
const ownScored: Scored[] = [];
const seeds = dictdPairs() ?? undefined;

if (bleualignAvailable(dir)) {
  const docs = dev ? ['dev'] : BLEUALIGN_TEST;
  bleualignFigures(docs);
  if (seeds) bleualignFigures(docs, seeds);
  if (cv) {
    crossValidation();
    if (seeds) crossValidation(seeds);
  }
} else {
  process.stderr.write(`measure-align: ${dir} not found; Bleualign figures skipped\n`);
}

const own = dev ? developmentPairs().filter((p) => p.sourceLang === 'ru') : heldOutPairs();
out(dev ? 'Own development documents:' : 'Own held-out documents (tests/fixtures/align/heldout):');
for (const target of ['en', 'kk']) {
  const pairs = own.filter((p) => p.targetLang === target);
  const before = scored.length;
  const b = beadFigures(pairs, scored);
  ownScored.push(...scored.slice(before));
  out(
    `  ru→${target}: bead F1 ${f(b.f1)}; 1-0/0-1 beads: ${b.nullGold} in gold, ${b.nullFound} found, recall ${f(b.nullRecall)}, precision ${f(b.nullPrecision)}`,
  );
}

// Reliability table: beads grouped by score; a calibrated aligner is right about as often as its scores say.
function reliability(title: string, beads: readonly Scored[]): void {
  const bins = 10;
  let ece = 0;
  out(`${title} (${beads.length} beads; right = exactly a gold bead):`);
  out('  score       beads  mean score  right');
  for (let k = 0; k < bins; k += 1) {
    const lo = k / bins;
    const hi = (k + 1) / bins;
    const inBin = beads.filter((x) => x.score >= lo && (x.score < hi || (k === bins - 1 && x.score <= 1)));
    if (inBin.length === 0) continue;
    const mean = inBin.reduce((s, x) => s + x.score, 0) / inBin.length;
    const acc = inBin.filter((x) => x.correct).length / inBin.length;
    ece += (inBin.length / beads.length) * Math.abs(acc - mean);
    out(`  ${f(lo)}–${f(hi)}  ${String(inBin.length).padStart(5)}  ${f(mean).padStart(10)}  ${f(acc)}`);
  }
  out(`  expected calibration error ${f(ece)}`);
}
reliability('Calibration, all documents above', scored);
reliability('Calibration, own held-out documents only', ownScored);
out(
  '  (the confidence model is fitted on the Bleualign documents; its calibration on documents it was not fitted on: npx tsx scripts/fit-align-confidence.ts --cv)',
);

for (const set of ['main', 'fresh'] as const) {
  out(
    `Segmentation, gold set ${set === 'main' ? 'tests/fixtures/segment' : 'tests/fixtures/segment/fresh'}:`,
  );
  for (const s of segmentationScores(set))
    out(
      `  ${s.lang}: ${s.sentences} sentences, P ${f(s.precision)} R ${f(s.recall)} F1 ${f(s.f1)}${verbose ? s.errors.map((e) => `\n    ${e}`).join('') : ''}`,
    );
}
