// Pooled strict/lax precision, recall and F1 of the aligner on the Bleualign German–French gold set
// (/work/shared/conformance/align-gold/bleualign-de-fr, test0..test6), in the manner of vecalign's score.py.
// Usage: npx tsx scripts/measure-align.ts [--dev] [--dir PATH] [--verbose]
//   --dev scores the development document instead (used for tuning; the test documents are not tuned on).
//   ALIGN_PARAMS='{"lexWeight":2}' overrides model constants for experiments.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { alignWithParams, DEFAULT_PARAMS, type AlignParams } from '../src/core/align/align.ts';
import { poolScores, scoreCounts, type ScoreCounts } from '../src/core/align/metrics.ts';
import type { Bead, BeadShape } from '../src/core/align/types.ts';

const argv = process.argv.slice(2);
const dirFlag = argv.indexOf('--dir');
const dir = dirFlag >= 0 ? argv[dirFlag + 1]! : '/work/shared/conformance/align-gold/bleualign-de-fr';
const docs = argv.includes('--dev')
  ? ['dev']
  : ['test0', 'test1', 'test2', 'test3', 'test4', 'test5', 'test6'];
const verbose = argv.includes('--verbose');
const params: AlignParams = {
  ...DEFAULT_PARAMS,
  ...(JSON.parse(process.env.ALIGN_PARAMS ?? '{}') as Partial<AlignParams>),
};

if (!existsSync(dir)) {
  process.stderr.write(`measure-align: ${dir} not found\n`);
  process.exit(2);
}

function lines(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const out = text.split('\n');
  if (out.at(-1) === '') out.pop();
  return out;
}

function parseGold(path: string): BeadShape[] {
  return lines(path)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [s, t] = l.split(':');
      const list = (x: string | undefined) => JSON.parse(x ?? '[]') as number[];
      return { source: list(s), target: list(t) };
    });
}

const all: ScoreCounts[] = [];
const scored: { score: number; correct: boolean }[] = [];
let elapsed = 0;
for (const doc of docs) {
  const de = lines(join(dir, `${doc}.de`)).map((text) => ({ text }));
  const fr = lines(join(dir, `${doc}.fr`)).map((text) => ({ text }));
  const gold = parseGold(join(dir, `${doc}.defr`));
  const start = performance.now();
  const beads: Bead[] = alignWithParams(de, fr, { sourceLang: 'de', targetLang: 'fr' }, params);
  elapsed += performance.now() - start;
  const counts = scoreCounts(gold, beads);
  all.push(counts);
  const goldKeys = new Set(gold.map((b) => `${b.source.join(',')}:${b.target.join(',')}`));
  for (const b of beads)
    scored.push({ score: b.score, correct: goldKeys.has(`${b.source.join(',')}:${b.target.join(',')}`) });
  if (verbose) {
    const s = poolScores([counts]);
    process.stdout.write(
      `${doc}: strict P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}\n`,
    );
  }
}
const s = poolScores(all);
const f = (x: number) => x.toFixed(3);
process.stdout.write(
  [
    `documents: ${docs.join(', ')} (${elapsed.toFixed(0)} ms aligning)`,
    `strict  P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}`,
    `lax     P ${f(s.laxPrecision)}  R ${f(s.laxRecall)}  F1 ${f(s.laxF1)}`,
  ].join('\n') + '\n',
);
// Calibration of bead scores: share of exactly-right beads per score bucket.
const buckets = [0, 0.5, 0.8, 0.95, 1.01];
const rows: string[] = [];
for (let b = 0; b + 1 < buckets.length; b += 1) {
  const inBucket = scored.filter((x) => x.score >= buckets[b]! && x.score < buckets[b + 1]!);
  if (inBucket.length === 0) continue;
  const right = inBucket.filter((x) => x.correct).length;
  rows.push(
    `  score ${buckets[b]!.toFixed(2)}–${Math.min(1, buckets[b + 1]!).toFixed(2)}: ${inBucket.length} beads, ${f(right / inBucket.length)} exactly right`,
  );
}
process.stdout.write(`calibration (test beads, strict):\n${rows.join('\n')}\n`);
