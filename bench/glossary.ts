// Term matching at scale: a 5,000-entry glossary (ru, en, kk) against 100,000 segments, and single-segment
// lookups as the editor makes them on every keystroke (budget: well under one 16 ms frame).
import { buildTermIndex, findTerms } from '../src/core/glossary/match.ts';
import { entryId, projectId } from '../src/core/model/ids.ts';
import type { TermEntry } from '../src/core/model/term.ts';
import { searchEntries } from '../src/ui/features/glossary/filterEntries.ts';

// A fixed-seed generator keeps the workload identical between runs.
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

const SYLLABLES = {
  en: ['ra', 'to', 'mi', 'sen', 'dor', 'al', 'ket', 'vi', 'lum', 'par', 'gos', 'ten'],
  ru: ['ра', 'то', 'ми', 'сен', 'дор', 'ал', 'кет', 'ви', 'лум', 'пар', 'гос', 'тен'],
  kk: ['ра', 'тә', 'мі', 'сең', 'дор', 'ал', 'кет', 'ві', 'лұм', 'пар', 'ғос', 'тен'],
} as const;
const ENDINGS = {
  en: ['', 's', "'s"],
  ru: ['', 'а', 'ом', 'ами', 'у'],
  kk: ['', 'тың', 'ға', 'дар', 'ы'],
} as const;
type L = keyof typeof SYLLABLES;

export async function bench(): Promise<Record<string, number | string>> {
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const word = (lang: L) =>
    Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(SYLLABLES[lang])).join('');
  const phrase = (lang: L) => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => word(lang)).join(' ');
  const entries: TermEntry[] = Array.from({ length: 5000 }, (_, i) => ({
    id: entryId(`e${i}`),
    projectId: projectId('bench'),
    terms: (['ru', 'en', 'kk'] as const).map((lang) => ({
      lang,
      text: phrase(lang),
      status: 'approved' as const,
    })),
    createdAt: 0,
    updatedAt: 0,
  }));
  const t0 = performance.now();
  const index = buildTermIndex(entries);
  const buildMs = performance.now() - t0;

  const segment = (lang: L) => {
    const words: string[] = [];
    for (let k = 0; k < 18; k += 1) {
      if (rnd() < 0.1) {
        const term = (pick(entries).terms.find((t) => t.lang === lang)?.text ?? '').split(' ');
        words.push(...term.map((w) => w + pick(ENDINGS[lang])));
      } else words.push(word(lang));
    }
    return words.join(' ') + '.';
  };
  const langs: L[] = ['en', 'ru', 'kk'];
  const segments = Array.from({ length: 100_000 }, (_, i) => ({
    lang: langs[i % 3] as L,
    text: segment(langs[i % 3] as L),
  }));

  let hits = 0;
  const t1 = performance.now();
  for (const s of segments) hits += findTerms(index, s.text, s.lang).length;
  const allMs = performance.now() - t1;

  const times: number[] = [];
  for (let i = 0; i < 1000; i += 1) {
    const s = segments[(i * 97) % segments.length] as { lang: L; text: string };
    const a = performance.now();
    findTerms(index, s.text, s.lang);
    times.push(performance.now() - a);
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;

  // The glossary search box: every prefix of inflected multi-word queries, as typed key by key.
  const queries = [0, 1, 2].flatMap((k) =>
    langs.map((lang) =>
      (entries[k * 1000]?.terms.find((t) => t.lang === lang)?.text ?? '')
        .split(' ')
        .map((w) => w + pick(ENDINGS[lang]))
        .join(' '),
    ),
  );
  const keystrokes: number[] = [];
  let found = 0;
  for (const q of queries)
    for (let n = 1; n <= q.length; n += 1) {
      const a = performance.now();
      found += searchEntries(entries, index, q.slice(0, n))?.size ?? 0;
      keystrokes.push(performance.now() - a);
    }
  const firstKeystrokeMs = keystrokes[0] as number;
  keystrokes.sort((a, b) => a - b);
  return {
    entries: entries.length,
    segments: segments.length,
    buildIndexMs: round(buildMs),
    match100kSegmentsMs: round(allMs),
    hits,
    singleSegmentMedianMs: round(times[500] as number),
    singleSegmentP99Ms: round(times[990] as number),
    singleSegmentMaxMs: round(times.at(-1) as number),
    searchKeystrokes: keystrokes.length,
    searchFound: found,
    searchFirstKeystrokeMs: round(firstKeystrokeMs),
    searchKeystrokeMedianMs: round(keystrokes[Math.floor(keystrokes.length / 2)] as number),
    searchKeystrokeMaxMs: round(keystrokes.at(-1) as number),
  };
}
