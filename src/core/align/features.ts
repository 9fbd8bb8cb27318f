import { monthNumber, numberKeys } from './numbers.ts';
import { skeletonOf } from './romanize.ts';

/**
 * What the aligner knows about each segment: its length and a set of language-neutral keys ("anchors") that a
 * translation of it is likely to share: numbers and dates, URLs and e-mails, names and loanwords romanised to a common
 * skeleton, acronyms, glossary terms, a few punctuation marks, and (later) word pairs learned from the text itself.
 */

export const KeyClass = {
  Number: 0,
  Url: 1,
  Term: 2,
  Word: 3,
  Acronym: 4,
  Punct: 5,
  Learned: 6,
  Dictionary: 7,
} as const;
export type KeyClass = (typeof KeyClass)[keyof typeof KeyClass];

/** Relative weight of each key class; multiplied by the key's rarity. */
export const CLASS_WEIGHT: readonly number[] = [2.0, 3.0, 3.0, 1.0, 1.5, 0.35, 1.0, 1.0];

/** Prefix length of the romanised skeleton that counts as "the same word" (Simard et al. used 4 for cognates). */
export const COGNATE_PREFIX = 5;

/** Keys shared by both sides of one alignment: string to dense id, with each id's class. */
export class KeyVocabulary {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  readonly classes: KeyClass[] = [];

  id(key: string, cls: KeyClass): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.classes.length;
      this.ids.set(key, id);
      this.names.push(key);
      this.classes.push(cls);
    }
    return id;
  }

  /** The key string of an id ("n:1500", "w:astan" …), for tests and debugging. */
  name(id: number): string {
    return this.names[id] ?? '';
  }

  get size(): number {
    return this.classes.length;
  }
}

/** Features of one side, in compressed rows: keys of segment i are keyIds[keyStart[i] .. keyStart[i+1]), sorted. */
export type SideFeatures = {
  readonly count: number;
  /** Non-blank characters per segment. */
  readonly length: Float64Array;
  readonly keyStart: Int32Array;
  readonly keyIds: Int32Array;
  /** Lower-cased word forms per segment (ids into `words`), for learning word pairs from the text. */
  readonly wordStart: Int32Array;
  readonly wordIds: Int32Array;
  readonly words: readonly string[];
  /** Paragraph of each segment, or null when the side has no paragraph information. */
  readonly paragraph: Int32Array | null;
};

/** Codes that mix letters and digits ("A380", "COVID-19", "ISO-9001", "B2B"): the same in every language. */
const CODE = /(?<![\p{L}\d])(?=[\p{L}\d-]*\d)(?=[\p{L}\d-]*\p{L})[\p{L}\d]+(?:-[\p{L}\d]+)*(?![\p{L}\d])/gu;
const ORDINAL = /^\d+-?\p{Ll}{1,5}$/u;
const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)[^\s<>"«»]+|[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/giu;
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}]+)*/gu;
const UPPER = /\p{Lu}/u;
const ALL_UPPER = /^[\p{Lu}\d]+$/u;

function normaliseUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/[.,;:!?)\]}»"']+$/u, '')
    .replace(/^(?:https?:\/\/)?(?:www\.)?/, '')
    .replace(/\/$/, '');
}

/** A glossary term as lower-cased word stems: a segment contains it when consecutive words start with them. */
type TermPattern = { readonly stems: readonly string[]; readonly key: number };

function stemsOf(term: string): string[] {
  const words = term.toLowerCase().match(WORD) ?? [];
  // Inflection changes the ends of words in Russian and Kazakh: keep the start ("аким" matches "акима", "акимом").
  return words.map((w) => (w.length > 5 ? w.slice(0, Math.max(4, w.length - 2)) : w));
}

export function termPatterns(terms: readonly string[], vocab: KeyVocabulary): TermPattern[] {
  const patterns: TermPattern[] = [];
  terms.forEach((term, index) => {
    const stems = stemsOf(term);
    if (stems.length > 0) patterns.push({ stems, key: vocab.id(`g:${index}`, KeyClass.Term) });
  });
  return patterns;
}

/**
 * Patterns of both sides of glossary term pairs. Terms joined by pairs (one source term with its target spellings,
 * synonyms of one concept) share one key, so that a sentence with one spelling does not count the others as anchors
 * its partner lacks.
 */
export function termPairPatterns(
  pairs: readonly (readonly [string, string])[],
  vocab: KeyVocabulary,
): { source: TermPattern[]; target: TermPattern[] } {
  const parent = pairs.map((_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]!]!;
    return k;
  };
  const firstWith = [new Map<string, number>(), new Map<string, number>()] as const;
  pairs.forEach((pair, k) => {
    for (const side of [0, 1] as const) {
      const text = pair[side].trim().toLowerCase();
      const other = firstWith[side].get(text);
      if (other === undefined) firstWith[side].set(text, k);
      else parent[find(k)] = find(other);
    }
  });
  const source: TermPattern[] = [];
  const target: TermPattern[] = [];
  const seen = [new Set<string>(), new Set<string>()] as const;
  pairs.forEach((pair, k) => {
    for (const side of [0, 1] as const) {
      const text = pair[side].trim().toLowerCase();
      if (seen[side].has(text)) continue;
      seen[side].add(text);
      const stems = stemsOf(text);
      if (stems.length > 0)
        (side === 0 ? source : target).push({ stems, key: vocab.id(`g:${find(k)}`, KeyClass.Term) });
    }
  });
  return { source, target };
}

function findTerms(lowerWords: readonly string[], patterns: readonly TermPattern[], out: number[]): void {
  if (patterns.length === 0) return;
  for (const p of patterns) {
    const first = p.stems[0]!;
    for (let w = 0; w + p.stems.length <= lowerWords.length; w += 1) {
      if (!lowerWords[w]!.startsWith(first)) continue;
      let all = true;
      for (let k = 1; k < p.stems.length && all; k += 1) all = lowerWords[w + k]!.startsWith(p.stems[k]!);
      if (all) {
        out.push(p.key);
        break;
      }
    }
  }
}

/**
 * What a word form contributes: its lower-cased form, its key id as a word inside a sentence and as the first word
 * of one (−1 for none; −2 not yet looked up), and whether it names a month.
 */
export type WordInfo = { readonly lower: string; key: number; firstKey: number; readonly month: boolean };

function wordKey(word: string, first: boolean, vocab: KeyVocabulary): number {
  const skeleton = skeletonOf(word);
  if (word.length >= 2 && ALL_UPPER.test(word) && skeleton.length >= 2)
    return vocab.id(`a:${skeleton}`, KeyClass.Acronym);
  if (skeleton.length >= COGNATE_PREFIX)
    return vocab.id(`w:${skeleton.slice(0, COGNATE_PREFIX)}`, KeyClass.Word);
  // Short names inside the sentence ("Ким", "Kim").
  if (!first && UPPER.test(word.charAt(0)) && skeleton.length >= 3)
    return vocab.id(`w:${skeleton}`, KeyClass.Word);
  return -1;
}

/** Keys of one segment text (ids into `vocab`, unsorted, may repeat) and its lower-cased words. */
export function segmentKeys(
  text: string,
  lang: string,
  vocab: KeyVocabulary,
  terms: readonly TermPattern[],
  keysOut: number[],
  wordsOut: string[],
  wordKeyCache: Map<string, WordInfo> = new Map(),
): void {
  const infoOf = (word: string, first: boolean): WordInfo => {
    let info = wordKeyCache.get(word);
    if (info === undefined) {
      info = { lower: word.toLowerCase(), key: -2, firstKey: -2, month: monthNumber(word) > 0 };
      wordKeyCache.set(word, info);
    }
    // The first word of a sentence is capitalised whatever it is, so its key is looked up apart.
    if (first) {
      if (info.firstKey === -2) info.firstKey = wordKey(word, true, vocab);
    } else if (info.key === -2) info.key = wordKey(word, false, vocab);
    return info;
  };
  let rest = text;
  if (rest.includes('@') || rest.includes('www.') || rest.includes('://')) {
    rest = rest.replace(URL_OR_EMAIL, (url) => {
      keysOut.push(vocab.id(`u:${normaliseUrl(url)}`, KeyClass.Url));
      return ' ';
    });
  }
  if (/\d/.test(rest) && /\p{L}/u.test(rest)) {
    for (const m of rest.matchAll(CODE)) {
      // Not ordinals with their suffixes ("2-го", "5-ші", "21st"): those are numbers.
      if (!ORDINAL.test(m[0])) keysOut.push(vocab.id(`i:${m[0].toLowerCase()}`, KeyClass.Acronym));
    }
  }
  let index = 0;
  let month = false;
  for (const match of rest.matchAll(WORD)) {
    const word = match[0];
    const info = infoOf(word, index === 0);
    wordsOut.push(info.lower);
    // Key of the word as it stands (case matters: acronyms and names); -1 for none.
    const key = index === 0 ? info.firstKey : info.key;
    if (key >= 0) keysOut.push(key);
    // Dates are only looked for where a month is named (or written in digits).
    if (info.month) month = true;
    index += 1;
  }
  if (/\d/.test(rest))
    for (const k of numberKeys(rest, lang, month)) keysOut.push(vocab.id(k, KeyClass.Number));
  findTerms(wordsOut, terms, keysOut);
  if (rest.includes('?')) keysOut.push(vocab.id('p:?', KeyClass.Punct));
  if (rest.includes('!')) keysOut.push(vocab.id('p:!', KeyClass.Punct));
  if (/["«»“”„]/u.test(rest)) keysOut.push(vocab.id('p:q', KeyClass.Punct));
  if (/[([]/u.test(rest)) keysOut.push(vocab.id('p:(', KeyClass.Punct));
  if (/…|\.\.\./u.test(rest)) keysOut.push(vocab.id('p:…', KeyClass.Punct));
}

/** Extracts the features of one side. Keys are not yet filtered: see `keepSharedKeys`. */
export function extractSide(
  segments: readonly { readonly text: string; readonly paragraph?: number }[],
  lang: string,
  vocab: KeyVocabulary,
  terms: readonly TermPattern[],
): SideFeatures {
  const count = segments.length;
  const length = new Float64Array(count);
  const keyStart = new Int32Array(count + 1);
  const wordStart = new Int32Array(count + 1);
  const keyList: number[] = [];
  const wordList: number[] = [];
  const wordIndex = new Map<string, number>();
  const words: string[] = [];
  const hasParagraphs = count > 0 && segments.every((s) => typeof s.paragraph === 'number');
  const paragraph = hasParagraphs ? new Int32Array(count) : null;
  const keys: number[] = [];
  const segWords: string[] = [];
  const wordKeyCache = new Map<string, WordInfo>();
  for (let i = 0; i < count; i += 1) {
    const text = segments[i]!.text;
    let nonBlank = 0;
    for (let c = 0; c < text.length; c += 1) {
      const code = text.charCodeAt(c);
      if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 0xa0) nonBlank += 1;
    }
    length[i] = nonBlank;
    keys.length = 0;
    segWords.length = 0;
    segmentKeys(text, lang, vocab, terms, keys, segWords, wordKeyCache);
    keys.sort((a, b) => a - b);
    keyStart[i] = keyList.length;
    let last = -1;
    for (const k of keys) {
      if (k !== last) keyList.push(k);
      last = k;
    }
    wordStart[i] = wordList.length;
    for (const w of segWords) {
      let id = wordIndex.get(w);
      if (id === undefined) {
        id = words.length;
        wordIndex.set(w, id);
        words.push(w);
      }
      wordList.push(id);
    }
    if (paragraph) paragraph[i] = segments[i]!.paragraph!;
  }
  keyStart[count] = keyList.length;
  wordStart[count] = wordList.length;
  return {
    count,
    length,
    keyStart,
    keyIds: Int32Array.from(keyList),
    wordStart,
    wordIds: Int32Array.from(wordList),
    words,
    paragraph,
  };
}

/** Number of segments of a side that contain each key. */
export function documentFrequency(side: SideFeatures, vocabSize: number): Int32Array {
  const df = new Int32Array(vocabSize);
  for (let p = 0; p < side.keyIds.length; p += 1) df[side.keyIds[p]!]! += 1;
  return df;
}

/** A side with only the keys for which `keep` is set. */
export function filterKeys(side: SideFeatures, keep: Uint8Array): SideFeatures {
  const keyStart = new Int32Array(side.count + 1);
  const kept: number[] = [];
  for (let i = 0; i < side.count; i += 1) {
    keyStart[i] = kept.length;
    for (let p = side.keyStart[i]!; p < side.keyStart[i + 1]!; p += 1) {
      const k = side.keyIds[p]!;
      if (keep[k]) kept.push(k);
    }
  }
  keyStart[side.count] = kept.length;
  return { ...side, keyStart, keyIds: Int32Array.from(kept) };
}

/** Adds keys to segments (learned word pairs): `extra[i]` are new key ids for segment i. */
export function addKeys(side: SideFeatures, extra: readonly (readonly number[] | undefined)[]): SideFeatures {
  const keyStart = new Int32Array(side.count + 1);
  const out: number[] = [];
  const buf: number[] = [];
  for (let i = 0; i < side.count; i += 1) {
    keyStart[i] = out.length;
    buf.length = 0;
    for (let p = side.keyStart[i]!; p < side.keyStart[i + 1]!; p += 1) buf.push(side.keyIds[p]!);
    const more = extra[i];
    if (more) buf.push(...more);
    buf.sort((a, b) => a - b);
    let last = -1;
    for (const k of buf) {
      if (k !== last) out.push(k);
      last = k;
    }
  }
  keyStart[side.count] = out.length;
  return { ...side, keyStart, keyIds: Int32Array.from(out) };
}

/** Sum of `weight` over the keys two segments share (both key lists sorted). */
export function sharedWeight(
  a: SideFeatures,
  i: number,
  b: SideFeatures,
  j: number,
  weight: Float64Array,
): number {
  let p = a.keyStart[i]!;
  const pEnd = a.keyStart[i + 1]!;
  let q = b.keyStart[j]!;
  const qEnd = b.keyStart[j + 1]!;
  let sum = 0;
  while (p < pEnd && q < qEnd) {
    const x = a.keyIds[p]!;
    const y = b.keyIds[q]!;
    if (x === y) {
      sum += weight[x]!;
      p += 1;
      q += 1;
    } else if (x < y) p += 1;
    else q += 1;
  }
  return sum;
}

/** Sum of `weight` over the keys of one segment. */
export function keyMass(side: SideFeatures, i: number, weight: Float64Array): number {
  let sum = 0;
  for (let p = side.keyStart[i]!; p < side.keyStart[i + 1]!; p += 1) sum += weight[side.keyIds[p]!]!;
  return sum;
}
