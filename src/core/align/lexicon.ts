import { KeyClass, addKeys, type KeyVocabulary, type SideFeatures } from './features.ts';
import type { PathStep } from './dp.ts';

/**
 * Word pairs learned from the document itself, without a dictionary: words that keep occurring in the same beads of
 * a first alignment ("Gipfel" / "sommet", "полиция" / "police") become shared keys for the second pass. Pairs are
 * chosen by competitive linking on the Dice coefficient (Melamed 2000), each word in at most one pair.
 */

export type LexiconParams = {
  /** Smallest number of beads a pair must share. */
  readonly minCount: number;
  /** Smallest Dice coefficient 2·c / (f(s) + f(t)). */
  readonly minDice: number;
  /** Beads used at most (evenly spaced), to bound the cost on long documents. */
  readonly maxBeads: number;
  /** Words are counted by their first `stem` letters (0: whole word forms). */
  readonly stem: number;
  /** Pairs a word may be in (1: competitive linking, each word in one pair). */
  readonly links: number;
};

export const DEFAULT_LEXICON: LexiconParams = {
  minCount: 2,
  minDice: 0.5,
  maxBeads: 2000,
  stem: 0,
  links: 1,
};

/** Word classes of one side: each word form's class (its first `stem` letters) and the class names. */
function wordClasses(words: readonly string[], stem: number): { classOf: Int32Array; names: string[] } {
  const classOf = new Int32Array(words.length);
  const names: string[] = [];
  const index = new Map<string, number>();
  words.forEach((w, k) => {
    const name = stem > 0 && w.length > stem ? w.slice(0, stem) : w;
    let id = index.get(name);
    if (id === undefined) {
      id = names.length;
      index.set(name, id);
      names.push(name);
    }
    classOf[k] = id;
  });
  return { classOf, names };
}

export function learnWordPairs(
  src: SideFeatures,
  tgt: SideFeatures,
  path: readonly PathStep[],
  vocab: KeyVocabulary,
  params: LexiconParams = DEFAULT_LEXICON,
): { src: SideFeatures; tgt: SideFeatures; pairs: number } | null {
  const beads = path.filter((s) => s.a > 0 && s.b > 0 && s.a + s.b <= 3);
  if (beads.length < 10) return null;
  const stride = Math.max(1, beads.length / params.maxBeads);
  const used: PathStep[] = [];
  for (let x = 0; x < beads.length; x += stride) used.push(beads[Math.floor(x)]!);
  const B = used.length;
  const classesS = wordClasses(src.words, params.stem);
  const classesT = wordClasses(tgt.words, params.stem);
  const NS = classesS.names.length;
  const NT = classesT.names.length;
  const freqS = new Int32Array(NS);
  const freqT = new Int32Array(NT);
  const stampS = new Int32Array(NS).fill(-1);
  const stampT = new Int32Array(NT).fill(-1);
  const beadWordsS: Int32Array[] = [];
  const beadWordsT: Int32Array[] = [];
  const collect = (
    side: SideFeatures,
    start: number,
    count: number,
    classOf: Int32Array,
    stamp: Int32Array,
    freq: Int32Array,
    b: number,
  ) => {
    const out: number[] = [];
    for (let s = start; s < start + count; s += 1) {
      for (let p = side.wordStart[s]!; p < side.wordStart[s + 1]!; p += 1) {
        const w = classOf[side.wordIds[p]!]!;
        if (stamp[w] !== b) {
          stamp[w] = b;
          freq[w]! += 1;
          out.push(w);
        }
      }
    }
    return Int32Array.from(out);
  };
  used.forEach((step, b) => {
    beadWordsS.push(collect(src, step.i0, step.a, classesS.classOf, stampS, freqS, b));
    beadWordsT.push(collect(tgt, step.j0, step.b, classesT.classOf, stampT, freqT, b));
  });
  const maxFreq = Math.max(params.minCount, Math.floor(B * 0.3));
  const ok = (f: number) => f >= params.minCount && f <= maxFreq;
  // Co-occurrence counts source word by source word: the beads that hold it (compressed rows), then a dense counter
  // over the target words of those beads.
  const beadsOfS = new Int32Array(NS + 1);
  for (let b = 0; b < B; b += 1) for (const w of beadWordsS[b]!) beadsOfS[w + 1]! += 1;
  for (let w = 0; w < NS; w += 1) beadsOfS[w + 1]! += beadsOfS[w]!;
  const beadList = new Int32Array(beadsOfS[NS]!);
  const fill = beadsOfS.slice(0, NS);
  for (let b = 0; b < B; b += 1) for (const w of beadWordsS[b]!) beadList[fill[w]!++] = b;
  const okT = new Uint8Array(NT);
  for (let t = 0; t < NT; t += 1) okT[t] = ok(freqT[t]!) ? 1 : 0;
  const count = new Int32Array(NT);
  const firstBead = new Int32Array(NT);
  const touched: number[] = [];
  // `order`: where the pair first occurs (bead, then the words' places in it), so that ties go to the earlier pair.
  const candidates: { s: number; t: number; dice: number; c: number; order: number }[] = [];
  for (let s = 0; s < NS; s += 1) {
    const fs = freqS[s]!;
    if (!ok(fs)) continue;
    for (let p = beadsOfS[s]!; p < beadsOfS[s + 1]!; p += 1) {
      for (const t of beadWordsT[beadList[p]!]!) {
        if (!okT[t]) continue;
        if (count[t] === 0) {
          touched.push(t);
          firstBead[t] = beadList[p]!;
        }
        count[t]! += 1;
      }
    }
    for (const t of touched) {
      const c = count[t]!;
      count[t] = 0;
      if (c < params.minCount) continue;
      const ft = freqT[t]!;
      const dice = (2 * c) / (fs + ft);
      // Better than chance: well above the co-occurrence expected of independent words.
      if (dice >= params.minDice && c > (2 * fs * ft) / B) {
        const b = firstBead[t]!;
        const place = beadWordsS[b]!.indexOf(s) * 4096 + Math.min(4095, beadWordsT[b]!.indexOf(t));
        candidates.push({ s, t, dice, c, order: b * 2 ** 24 + place });
      }
    }
    touched.length = 0;
  }
  candidates.sort((x, y) => y.dice - x.dice || y.c - x.c || x.order - y.order);
  // Each word in at most `links` pairs (1: competitive linking proper).
  const linkedS = new Uint8Array(NS);
  const linkedT = new Uint8Array(NT);
  const keysOfS: (number[] | undefined)[] = new Array(NS);
  const keysOfT: (number[] | undefined)[] = new Array(NT);
  let pairs = 0;
  for (const cand of candidates) {
    if (linkedS[cand.s]! >= params.links || linkedT[cand.t]! >= params.links) continue;
    linkedS[cand.s]! += 1;
    linkedT[cand.t]! += 1;
    const key = vocab.id(`l:${classesS.names[cand.s]}\u0000${classesT.names[cand.t]}`, KeyClass.Learned);
    (keysOfS[cand.s] ??= []).push(key);
    (keysOfT[cand.t] ??= []).push(key);
    pairs += 1;
  }
  if (pairs === 0) return null;
  const extra = (
    side: SideFeatures,
    keysOf: readonly (number[] | undefined)[],
    classOf: Int32Array,
  ): (number[] | undefined)[] => {
    const out: (number[] | undefined)[] = [];
    for (let i = 0; i < side.count; i += 1) {
      let keys: number[] | undefined;
      for (let p = side.wordStart[i]!; p < side.wordStart[i + 1]!; p += 1) {
        const more = keysOf[classOf[side.wordIds[p]!]!];
        if (more) (keys ??= []).push(...more);
      }
      out.push(keys);
    }
    return out;
  };
  return {
    src: addKeys(src, extra(src, keysOfS, classesS.classOf)),
    tgt: addKeys(tgt, extra(tgt, keysOfT, classesT.classOf)),
    pairs,
  };
}
