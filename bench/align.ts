// Aligner workload: synthetic Russian–English documents of 1k, 5k and 10k sentences with merges, splits,
// omissions and insertions; reports align time and heap growth for each size, to show linear growth.
// Run alone: `npm run bench -- align` (or `npx tsx bench/align.ts`).
import { alignSegments } from '../src/core/align/index.ts';
import type { AlignSegment } from '../src/core/align/types.ts';

/** Small deterministic PRNG (mulberry32) so that every run aligns the same documents. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RU_SYLLABLES = [
  'ка',
  'ро',
  'ви',
  'на',
  'ст',
  'ле',
  'му',
  'до',
  'пра',
  'вле',
  'ни',
  'е',
  'го',
  'род',
  'ской',
  'по',
  'ли',
  'ци',
  'я',
];
const EN_SYLLABLES = [
  'ad',
  'min',
  'is',
  'tra',
  'tion',
  'of',
  'the',
  'ci',
  'ty',
  'po',
  'lice',
  'de',
  'part',
  'ment',
  're',
  'port',
];
const NAMES = ['Астана', 'Алматы', 'Шымкент', 'Караганда', 'Актобе', 'Павлодар', 'Костанай', 'Атырау'];

function word(r: () => number, syllables: readonly string[]): string {
  const count = 1 + Math.floor(r() * 3);
  let w = '';
  for (let k = 0; k < count; k += 1) w += syllables[Math.floor(r() * syllables.length)];
  return w;
}

function sentence(
  r: () => number,
  syllables: readonly string[],
  words: number,
  extras: readonly string[],
): string {
  const out: string[] = [];
  for (let k = 0; k < words; k += 1) out.push(word(r, syllables));
  for (const e of extras) out.splice(Math.floor(r() * out.length), 0, e);
  const s = out.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

/** A source of `count` sentences and a translation with about 5% merges, 5% splits, 1% omissions, 1% insertions. */
export function syntheticPair(count: number, seed = 7): { source: AlignSegment[]; target: AlignSegment[] } {
  const r = rng(seed);
  const source: AlignSegment[] = [];
  const target: AlignSegment[] = [];
  let i = 0;
  while (i < count) {
    const words = 6 + Math.floor(r() * 20);
    const extras: string[] = [];
    if (r() < 0.3) extras.push(String(Math.floor(r() * 100000)));
    const name = r() < 0.2 ? NAMES[Math.floor(r() * NAMES.length)]! : null;
    const ru = sentence(r, RU_SYLLABLES, words, name ? [...extras, name] : extras);
    const enExtras = name ? [...extras, name === 'Алматы' ? 'Almaty' : `${name.slice(0, 1)}x`] : extras;
    const en = sentence(r, EN_SYLLABLES, Math.max(3, Math.round(words * (0.9 + r() * 0.4))), enExtras);
    const roll = r();
    if (roll < 0.05 && i + 1 < count) {
      // merge: two source sentences, one target sentence
      const ru2 = sentence(r, RU_SYLLABLES, 5 + Math.floor(r() * 10), []);
      source.push({ text: ru }, { text: ru2 });
      target.push({ text: `${en.slice(0, -1)}, ${sentence(r, EN_SYLLABLES, 5 + Math.floor(r() * 10), [])}` });
      i += 2;
    } else if (roll < 0.1) {
      // split: one source sentence, two target sentences
      source.push({ text: ru });
      const cut = Math.max(1, Math.floor(en.length / 2));
      target.push({ text: `${en.slice(0, cut).trim()}.` }, { text: `${en.slice(cut).trim()}` });
      i += 1;
    } else if (roll < 0.11) {
      source.push({ text: ru });
      i += 1;
    } else if (roll < 0.12) {
      target.push({ text: en });
    } else {
      source.push({ text: ru });
      target.push({ text: en });
      i += 1;
    }
  }
  return { source, target };
}

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
  return out;
}

const invokedDirectly = process.argv[1] !== undefined && /bench[\\/]align\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  void bench().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
