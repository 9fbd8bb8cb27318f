import { diffText, type DiffSpan } from '../review/diff.ts';
import { normalise, type Normalised } from './normalise.ts';
import { matchScore } from './score.ts';

/**
 * An inverted index of normalised words (numbers as one mark) over the keys of a memory: a look-up counts the
 * words a key shares with the query, keeps the best-overlapping candidates, and only scores those by edit
 * distance. Very common words are skipped while rarer ones are available, so a look-up touches a few postings
 * rather than the whole memory.
 */
export type MemoryIndex<T> = {
  readonly items: readonly T[];
  readonly keys: readonly string[];
  readonly normalised: readonly Normalised[];
  readonly postings: ReadonlyMap<string, Int32Array>;
  /** Per-look-up scratch counts, reused so a look-up allocates nothing proportional to the memory. */
  readonly counts: Uint16Array;
};

export type MemoryMatch<T> = {
  readonly item: T;
  /** 0–100, or 101 where the neighbouring segment matches too. */
  readonly score: number;
  /** From the matched key to the query: deleted = only in the memory, inserted = only in this segment. */
  readonly diff: readonly DiffSpan[];
};

export type LookupOptions<T> = {
  readonly max?: number;
  readonly min?: number;
  /** Segment before the query; an identical match whose context equals it scores 101. */
  readonly context?: string;
  readonly contextOf?: (item: T) => string | undefined;
  /** Leaves out items (the query's own entry, for one). */
  readonly skip?: (item: T) => boolean;
};

/** How many overlapping candidates are scored by edit distance. */
const CANDIDATES = 40;
/** A word in more than this share of keys is skipped when the query has rarer ones. */
const COMMON_SHARE = 0.05;

/**
 * Builds the index. `known` gives normalised forms already computed (a persisted index, an earlier build): the
 * tokenising is most of the cost of a build, so a reload that has them skips it for every key it finds there.
 */
export function buildMemoryIndex<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  known?: ReadonlyMap<string, Normalised>,
): MemoryIndex<T> {
  const keep: T[] = [];
  const keys: string[] = [];
  const normalised: Normalised[] = [];
  const lists = new Map<string, number[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key.trim() === '') continue;
    const n = known?.get(key) ?? normalise(key);
    const id = keep.length;
    keep.push(item);
    keys.push(key);
    normalised.push(n);
    for (const word of n.words) {
      const list = lists.get(word);
      if (list) list.push(id);
      else lists.set(word, [id]);
    }
  }
  const postings = new Map<string, Int32Array>();
  for (const [word, list] of lists) postings.set(word, Int32Array.from(list));
  return { items: keep, keys, normalised, postings, counts: new Uint16Array(keep.length) };
}

/** Up to `max` items whose keys match `query` at `min` % or better, best first. */
export function lookupMemory<T>(
  index: MemoryIndex<T>,
  query: string,
  options: LookupOptions<T> = {},
): MemoryMatch<T>[] {
  const { max = 3, min = 50 } = options;
  const q = normalise(query);
  if (q.words.length === 0) return [];
  const lists = q.words
    .map((word) => index.postings.get(word))
    .filter((list): list is Int32Array => list !== undefined)
    .sort((a, b) => a.length - b.length);
  const common = Math.max(50, index.items.length * COMMON_SHARE);
  const counts = index.counts;
  const touched: number[] = [];
  lists.forEach((list, i) => {
    if (i >= 2 && list.length > common) return;
    for (const id of list) {
      if (counts[id] === 0) touched.push(id);
      counts[id] = (counts[id] as number) + 1;
    }
  });
  let most = 0;
  for (const id of touched) most = Math.max(most, counts[id] as number);
  // Keys sharing under half as many words as the best one cannot come near it; they are not even ranked.
  const floor = Math.ceil(most / 2);
  const ranked: { id: number; overlap: number }[] = [];
  for (const id of touched) {
    const shared = counts[id] as number;
    counts[id] = 0;
    // Overlap as Dice's coefficient over distinct words: long keys sharing a few words rank below close ones.
    if (shared >= floor)
      ranked.push({
        id,
        overlap: (2 * shared) / (q.words.length + (index.normalised[id]?.words.length ?? 0)),
      });
  }
  ranked.sort((a, b) => b.overlap - a.overlap);
  const matches: { id: number; score: number }[] = [];
  for (const { id } of ranked.slice(0, CANDIDATES)) {
    const item = index.items[id] as T;
    if (options.skip?.(item)) continue;
    const key = index.keys[id] as string;
    const n = index.normalised[id] as Normalised;
    const longest = Math.max(q.key.length, n.key.length);
    // The length difference alone is a lower bound of the edit distance.
    if (longest > 0 && (100 * (longest - Math.abs(q.key.length - n.key.length))) / longest < min) continue;
    let score = matchScore(query, key, q, n);
    if (score === 100 && options.context !== undefined && options.contextOf?.(item) === options.context)
      score = 101;
    if (score >= min) matches.push({ id, score });
  }
  matches.sort((a, b) => b.score - a.score || a.id - b.id);
  return matches.slice(0, max).map(({ id, score }) => ({
    item: index.items[id] as T,
    score,
    diff: diffText(index.keys[id] as string, query),
  }));
}
