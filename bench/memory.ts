// Translation-memory look-ups at scale: a 100,000-entry memory of generated sentences, indexed once, then
// looked up with near-repeats (a word or a number changed) and with unrelated sentences, as the review view
// does for each active unit.
import { buildMemoryIndex, lookupMemory } from '../src/core/memory/MemoryIndex.ts';
import { concordance } from '../src/core/memory/concordance.ts';
import type { MemoryEntry } from '../src/core/memory/types.ts';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

const SYLLABLES = ['ра', 'то', 'ми', 'сен', 'дор', 'ал', 'кет', 'ви', 'лум', 'пар', 'гос', 'тен', 'бу', 'ше'];
const COMMON = ['и', 'в', 'на', 'по', 'для', 'с', 'не'];

export async function bench(): Promise<Record<string, number | string>> {
  const rnd = random(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const vocabulary = Array.from({ length: 20000 }, () =>
    Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(SYLLABLES)).join(''),
  );
  const sentence = () =>
    Array.from({ length: 6 + Math.floor(rnd() * 14) }, () =>
      rnd() < 0.25 ? pick(COMMON) : rnd() < 0.05 ? String(Math.floor(rnd() * 1000)) : pick(vocabulary),
    ).join(' ') + '.';
  const entries = Array.from({ length: 100_000 }, (_, i) => ({ id: i, source: sentence() }));

  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const index = buildMemoryIndex(entries, (e) => e.source);
  const buildMs = performance.now() - t0;
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  const queries: string[] = [];
  for (let i = 0; i < 500; i += 1) {
    const base = entries[Math.floor(rnd() * entries.length)]?.source ?? '';
    const words = base.split(' ');
    words[Math.floor(rnd() * words.length)] = pick(vocabulary);
    queries.push(i % 5 === 4 ? sentence() : words.join(' '));
  }
  const times: number[] = [];
  let found = 0;
  for (const query of queries) {
    const s = performance.now();
    if (lookupMemory(index, query).length > 0) found += 1;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);

  // Concordance scans every entry's texts: one phrase over the whole memory.
  const asEntries: MemoryEntry[] = entries.map((e) => ({
    id: String(e.id),
    memoryId: 'bench',
    sourceLang: 'ru',
    targetLang: 'en',
    source: e.source,
    target: e.source,
    createdBy: '',
    createdAt: e.id,
    updatedBy: '',
    updatedAt: e.id,
  }));
  const phrase = (entries[123]?.source ?? '').split(' ').slice(2, 4).join(' ');
  const c0 = performance.now();
  const hits = concordance(asEntries, phrase).length;
  const concordanceMs = performance.now() - c0;
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return {
    entries: entries.length,
    buildMs: Math.round(buildMs),
    indexHeapMiB: Math.round(heapMiB),
    lookups: queries.length,
    lookupsWithMatch: found,
    lookupP50Ms: Number(at(0.5).toFixed(2)),
    lookupP95Ms: Number(at(0.95).toFixed(2)),
    lookupMaxMs: Number(at(1).toFixed(2)),
    concordanceMs: Math.round(concordanceMs),
    concordanceHits: hits,
  };
}
