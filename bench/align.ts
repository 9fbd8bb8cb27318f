// Aligner workload: synthetic Russian–English documents of 1k, 5k and 10k sentences with merges, splits,
// omissions and insertions (time and heap growth for each size, to show linear growth), then real prose (the
// Bleualign documents repeated and shuffled in blocks, see realProse.ts) of 10k, 50k and 100k sentences, each in a
// process of its own with its peak resident memory. ALIGN_PROSE_SIZES=10000 picks the real-prose sizes.
// Run alone: `npm run bench -- align` (or `npx tsx bench/align.ts`).
import { alignSegments } from '../src/core/align/index.ts';
import { spawnSync } from 'node:child_process';
import { SYNTHETIC_NAMES, syntheticPair } from './alignSynthetic.ts';
import { alignPairsOf } from '../src/core/align/glossaryPairs.ts';

/** JS heap plus typed-array backing stores (the aligner's big arrays live outside the JS heap). */
function memoryUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export async function bench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  // Warm-up so the JIT has compiled the hot loops before timing.
  const warm = syntheticPair(500, 1);
  alignSegments(warm.source, warm.target, { sourceLang: 'ru', targetLang: 'en' });
  for (const size of [1000, 5000, 10000]) {
    const { source, target } = syntheticPair(size, size);
    const before = memoryUsed();
    let peak = before;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const beads = alignSegments(source, target, {
      sourceLang: 'ru',
      targetLang: 'en',
      // Sampled a few dozen times during the run: the peak of what the aligner holds.
      onProgress: () => {
        const m = process.memoryUsage();
        peak = Math.max(peak, m.heapUsed + m.arrayBuffers);
      },
    });
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    out[`align_${size}_ms`] = Math.round(ms);
    out[`align_${size}_cpu_ms`] = Math.round((used.user + used.system) / 1000);
    out[`align_${size}_memory_peak_mb`] = Math.round(((peak - before) / 1048576) * 10) / 10;
    out[`align_${size}_beads`] = beads.length;
    out[`align_${size}_sizes`] = `${source.length}x${target.length}`;
  }
  Object.assign(out, glossaryRun());
  Object.assign(out, realProse());
  return out;
}

/** Real-prose sizes, each aligned in a fresh process (its peak resident memory is the whole cost). */
const PROSE_SIZES = (process.env.ALIGN_PROSE_SIZES ?? '10000,50000,100000').split(',').map(Number);

function realProse(): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  const child = new URL('./alignChild.ts', import.meta.url).pathname;
  for (const size of PROSE_SIZES) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', child, String(size)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) {
      out[`prose_${size}_error`] = (r.stderr || `exit ${r.status}`).trim().slice(0, 300);
      continue;
    }
    const figures = JSON.parse(r.stdout) as Record<string, number | string>;
    out.prose_workload = figures.workload!;
    out[`prose_${size}_sizes`] = figures.sizes!;
    out[`prose_${size}_ms`] = figures.ms!;
    out[`prose_${size}_cpu_ms`] = figures.cpuMs!;
    out[`prose_${size}_peak_rss_mb`] = figures.peakRssMb!;
    if (figures.strictF1 !== undefined) out[`prose_${size}_strict_f1`] = figures.strictF1;
  }
  return out;
}

const invokedDirectly = process.argv[1] !== undefined && /bench[\\/]align\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  void bench().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}

/**
 * The 10k synthetic pair again with a glossary: the place names of the synthetic documents with the renderings their
 * translation gives them, passed as the app passes an approved glossary (phrase anchors and seed-dictionary pairs).
 */
function glossaryRun(): Record<string, number> {
  const { source, target } = syntheticPair(10000, 10000);
  const glossary = SYNTHETIC_NAMES.map((n): [string, string] => [
    n,
    n === 'Алматы' ? 'Almaty' : `${n.slice(0, 1)}x`,
  ]);
  const cpu = process.cpuUsage();
  const start = performance.now();
  alignSegments(source, target, {
    sourceLang: 'ru',
    targetLang: 'en',
    ...alignPairsOf(glossary, 'ru', 'en'),
  });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return {
    align_10000_glossary_ms: Math.round(ms),
    align_10000_glossary_cpu_ms: Math.round((used.user + used.system) / 1000),
    align_10000_glossary_terms: glossary.length,
  };
}
