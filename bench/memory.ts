// Translation-memory look-ups at scale (`npm run bench -- tm`): a 100,000-entry memory of generated sentences
// held as the worker holds it (LiveMemory), indexed on first use, indexed again from kept normalised forms as after
// a reload, looked up with near-repeats (a word or a number changed) and unrelated sentences as the review view
// does for each active unit, and changed by approvals between look-ups.
import { LiveMemory } from '../src/core/memory/liveMemory.ts';
import { packForms, unpackForms } from '../src/core/memory/packedForms.ts';
import type { MemoryEntry } from '../src/core/memory/types.ts';
import type { Unit } from '../src/core/model/types.ts';

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
  const entries: MemoryEntry[] = Array.from({ length: 100_000 }, (_, i) => {
    const source = sentence();
    return {
      id: `e${i}`,
      memoryId: 'bench',
      sourceLang: 'ru',
      targetLang: 'en',
      source,
      target: source,
      createdBy: '',
      createdAt: i,
      updatedBy: '',
      updatedAt: i,
    };
  });
  const unit = (source: string) =>
    ({ id: 'q:u0', documentId: 'q', index: 0, paragraph: 0, kind: 'sentence', separator: '', source, mt: {} }) as Unit;

  // First start: every key tokenised. The index is built on the first look-up, as in the worker.
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const live = new LiveMemory(entries);
  live.match('ru', unit(entries[0]?.source ?? ''), 'en');
  const buildMs = performance.now() - t0;
  global.gc?.();
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  // Next start: the normalised forms come from the kept table (the worker keeps it in the Cache API).
  const p0 = performance.now();
  const packed = packForms(live.normalisedForms());
  const packMs = performance.now() - p0;
  const r0 = performance.now();
  const reloaded = new LiveMemory(entries, unpackForms(packed));
  reloaded.match('ru', unit(entries[0]?.source ?? ''), 'en');
  const rebuildFromKeptMs = performance.now() - r0;

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
    if (live.match('ru', unit(query), 'en').matches.length > 0) found += 1;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);

  // An approval while reviewing: one entry changes, then the next look-up (delta beside the base).
  const approvals: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const e = entries[Math.floor(rnd() * entries.length)] as MemoryEntry;
    const s = performance.now();
    live.apply([{ ...e, target: `${e.target} (edited)`, updatedAt: e.updatedAt + 1 }], []);
    live.match('ru', unit(queries[i] ?? ''), 'en');
    approvals.push(performance.now() - s);
  }
  approvals.sort((a, b) => a - b);

  // Concordance scans every entry's texts: one phrase over the whole memory.
  const phrase = (entries[123]?.source ?? '').split(' ').slice(2, 4).join(' ');
  const c0 = performance.now();
  const hits = live.concordance(phrase).length;
  const concordanceMs = performance.now() - c0;
  const at = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
  return {
    entries: entries.length,
    buildMs: Math.round(buildMs),
    indexHeapMiB: Math.round(heapMiB),
    keptFormsMiB: Number((packed.length / 2 ** 20).toFixed(1)),
    packFormsMs: Math.round(packMs),
    rebuildFromKeptFormsMs: Math.round(rebuildFromKeptMs),
    approvalThenLookupP50Ms: Number(at(approvals, 0.5).toFixed(2)),
    approvalThenLookupP95Ms: Number(at(approvals, 0.95).toFixed(2)),
    lookups: queries.length,
    lookupsWithMatch: found,
    lookupP50Ms: Number(at(times, 0.5).toFixed(2)),
    lookupP95Ms: Number(at(times, 0.95).toFixed(2)),
    lookupMaxMs: Number(at(times, 1).toFixed(2)),
    concordanceMs: Math.round(concordanceMs),
    concordanceHits: hits,
  };
}
