// Aligns one real-prose document in a process of its own and prints time, CPU and peak memory (resident set) as
// JSON, so each size's memory is measured alone: `tsx bench/alignChild.ts <source sentences>`.
import { alignSegments, strictPrecisionRecall } from '../src/core/align/index.ts';
import { prosePair } from './realProse.ts';

const count = Number(process.argv[2] ?? 10000);
const pair = prosePair(count);
const cpu = process.cpuUsage();
const start = performance.now();
const beads = alignSegments(pair.source, pair.target, {
  sourceLang: pair.sourceLang,
  targetLang: pair.targetLang,
});
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
const scores = pair.gold ? strictPrecisionRecall(pair.gold, beads) : undefined;
process.stdout.write(
  JSON.stringify({
    workload: pair.workload,
    sizes: `${pair.source.length}x${pair.target.length}`,
    ms: Math.round(ms),
    cpuMs: Math.round((used.user + used.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    beads: beads.length,
    ...(scores ? { strictF1: Math.round(scores.f1 * 1000) / 1000 } : {}),
  }),
);
