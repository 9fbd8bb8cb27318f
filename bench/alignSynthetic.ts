// Synthetic Russian–English documents for the aligner: syllable soup with numbers and names, and about 5% merges,
// 5% splits, 1% omissions and 1% insertions. Easy for an aligner (lengths agree, anchors are unique): the real-prose
// workload (realProse.ts) is the honest one.
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
/** Place names of the source; the translation keeps Алматы as Almaty and renders the others as their initial + x. */
export const SYNTHETIC_NAMES = [
  'Астана',
  'Алматы',
  'Шымкент',
  'Караганда',
  'Актобе',
  'Павлодар',
  'Костанай',
  'Атырау',
];

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
    const name = r() < 0.2 ? SYNTHETIC_NAMES[Math.floor(r() * SYNTHETIC_NAMES.length)]! : null;
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
