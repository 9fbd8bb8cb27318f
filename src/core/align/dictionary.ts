import { KeyClass, addKeys, type KeyVocabulary, type SideFeatures } from './features.ts';

/**
 * A bilingual seed dictionary (word pairs from outside the document, as hunalign's `-dict`): a source word and a
 * target word it may be translated by become a shared key. Words are compared by a crude stem (inflectional endings
 * dropped, at most `STEM_MAX` letters), so "Hütten" finds "Hütte" and "sommets" finds "sommet" without a stemmer per
 * language. A target word that translates many source words would tie a sentence to everything: it keeps its first
 * `MAX_SENSES` of them.
 */

const STEM_MAX = 7;
const STEM_MIN = 4;
const MAX_SENSES = 3;
/** Endings that inflection adds or changes in most European languages (vowels, -s, -n, -x), cut at most three times. */
const ENDING = /[aeiouyäöüéèêëàâîïôûœаеёиоуыэюяіəөүұ]|[snx]/u;

export function dictionaryStem(word: string): string {
  let w = word.toLowerCase();
  for (let k = 0; k < 3 && w.length > STEM_MIN && ENDING.test(w.charAt(w.length - 1)); k += 1)
    w = w.slice(0, -1);
  return w.length > STEM_MAX ? w.slice(0, STEM_MAX) : w;
}

const SINGLE_WORD = /^[\p{L}\p{M}'’-]+$/u;

/** Source and target stems to the names of the keys of the entries they belong to. */
export type SeedIndex = { readonly source: Map<string, string[]>; readonly target: Map<string, string[]> };

// A dictionary is read once however many documents are aligned with it (the same array, passed again).
const indexCache = new WeakMap<readonly (readonly [string, string])[], SeedIndex>();

export function seedIndex(pairs: readonly (readonly [string, string])[]): SeedIndex {
  const cached = indexCache.get(pairs);
  if (cached) return cached;
  const source = new Map<string, string[]>();
  const target = new Map<string, string[]>();
  for (const [s, t] of pairs) {
    const a = s.trim();
    const b = t.trim();
    // Single words of a useful length; phrases and short function words say little about which sentence is which.
    if (a.length < STEM_MIN || b.length < STEM_MIN || !SINGLE_WORD.test(a) || !SINGLE_WORD.test(b)) continue;
    const stemS = dictionaryStem(a);
    const stemT = dictionaryStem(b);
    const key = `d:${stemS}`;
    if (!source.has(stemS)) source.set(stemS, [key]);
    const senses = target.get(stemT);
    if (!senses) target.set(stemT, [key]);
    else if (senses.length < MAX_SENSES && !senses.includes(key)) senses.push(key);
  }
  const index = { source, target };
  indexCache.set(pairs, index);
  return index;
}

/** The side with the dictionary keys of its words added. */
export function withDictionaryKeys(
  side: SideFeatures,
  index: ReadonlyMap<string, readonly string[]>,
  vocab: KeyVocabulary,
): SideFeatures {
  if (index.size === 0) return side;
  const keysOfWord = side.words.map((w) => {
    const names = w.length >= STEM_MIN ? index.get(dictionaryStem(w)) : undefined;
    return names?.map((name) => vocab.id(name, KeyClass.Dictionary));
  });
  const extra: (number[] | undefined)[] = [];
  let any = false;
  for (let i = 0; i < side.count; i += 1) {
    let keys: number[] | undefined;
    for (let p = side.wordStart[i]!; p < side.wordStart[i + 1]!; p += 1) {
      const more = keysOfWord[side.wordIds[p]!];
      if (more) (keys ??= []).push(...more);
    }
    if (keys) any = true;
    extra.push(keys);
  }
  return any ? addKeys(side, extra) : side;
}

/**
 * Share of segments with a dictionary key, on the side that has fewer (keys found on one side only already dropped).
 * A general dictionary reaches most sentences (FreeDict German–French 73–95 % on the Bleualign documents); a glossary
 * of a few dozen terms, a small share.
 */
export function dictionaryCoverage(src: SideFeatures, tgt: SideFeatures, vocab: KeyVocabulary): number {
  const share = (side: SideFeatures) => {
    if (side.count === 0) return 0;
    let covered = 0;
    for (let i = 0; i < side.count; i += 1) {
      for (let p = side.keyStart[i]!; p < side.keyStart[i + 1]!; p += 1)
        if (vocab.classes[side.keyIds[p]!] === KeyClass.Dictionary) {
          covered += 1;
          break;
        }
    }
    return covered / side.count;
  };
  return Math.min(share(src), share(tgt));
}
