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
  /** Leaves out items (the query's own entry, for one); `part` is the position of the item's index in the look-up. */
  readonly skip?: (item: T, part: number) => boolean;
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

/**
 * Up to `max` items whose keys match `query` at `min` % or better, best first. Several indexes (a memory's base
 * and the entries changed since) are searched as one: candidates are counted and ranked across all of them, so
 * the result is the one a single index over their union would give.
 */
export function lookupMemory<T>(
  indexes: MemoryIndex<T> | readonly MemoryIndex<T>[],
  query: string,
  options: LookupOptions<T> = {},
): MemoryMatch<T>[] {
  const { max = 3, min = 50 } = options;
  const parts: readonly MemoryIndex<T>[] = Array.isArray(indexes) ? indexes : [indexes as MemoryIndex<T>];
  const q = normalise(query);
  if (q.words.length === 0) return [];
  const total = parts.reduce((sum, part) => sum + part.items.length, 0);
  const lists = q.words
    .map((word) => parts.map((part) => part.postings.get(word)))
    .map((perPart) => ({ perPart, length: perPart.reduce((sum, list) => sum + (list?.length ?? 0), 0) }))
    .filter((word) => word.length > 0)
    .sort((a, b) => a.length - b.length);
  const common = Math.max(50, total * COMMON_SHARE);
  const touched: { part: number; id: number }[] = [];
  lists.forEach(({ perPart, length }, i) => {
    if (i >= 2 && length > common) return;
    perPart.forEach((list, part) => {
      if (!list) return;
      const counts = (parts[part] as MemoryIndex<T>).counts;
      for (const id of list) {
        if (counts[id] === 0) touched.push({ part, id });
        counts[id] = (counts[id] as number) + 1;
      }
    });
  });
  // Left-out items are dropped before ranking: they must not raise the floor below nor take a candidate's place.
  const shared = touched.map(({ part, id }) => {
    const index = parts[part] as MemoryIndex<T>;
    const count = index.counts[id] as number;
    index.counts[id] = 0;
    return options.skip?.(index.items[id] as T, part) ? 0 : count;
  });
  let most = 0;
  for (const count of shared) most = Math.max(most, count);
  // Keys sharing under half as many words as the best one cannot come near it; they are not even ranked.
  const floor = Math.max(1, Math.ceil(most / 2));
  const ranked: { at: number; overlap: number }[] = [];
  touched.forEach(({ part, id }, at) => {
    const count = shared[at] as number;
    // Overlap as Dice's coefficient over distinct words: long keys sharing a few words rank below close ones.
    if (count >= floor)
      ranked.push({
        at,
        overlap:
          (2 * count) /
          (q.words.length + ((parts[part] as MemoryIndex<T>).normalised[id]?.words.length ?? 0)),
      });
  });
  // Ties go to the earlier index and key, as in one index built over them in that order.
  const offsets: number[] = [];
  parts.reduce((sum, part) => (offsets.push(sum), sum + part.items.length), 0);
  const order = (at: number) => {
    const { part, id } = touched[at] as { part: number; id: number };
    return (offsets[part] as number) + id;
  };
  ranked.sort((a, b) => b.overlap - a.overlap || order(a.at) - order(b.at));
  const matches: { part: number; id: number; order: number; score: number }[] = [];
  for (const { at } of ranked.slice(0, CANDIDATES)) {
    const { part, id } = touched[at] as { part: number; id: number };
    const index = parts[part] as MemoryIndex<T>;
    const item = index.items[id] as T;
    const key = index.keys[id] as string;
    const n = index.normalised[id] as Normalised;
    const longest = Math.max(q.key.length, n.key.length);
    // The length difference alone is a lower bound of the edit distance.
    if (longest > 0 && (100 * (longest - Math.abs(q.key.length - n.key.length))) / longest < min) continue;
    let score = matchScore(query, key, q, n);
    if (score === 100 && options.context !== undefined && options.contextOf?.(item) === options.context)
      score = 101;
    if (score >= min) matches.push({ part, id, order: order(at), score });
  }
  matches.sort((a, b) => b.score - a.score || a.order - b.order);
  return matches.slice(0, max).map(({ part, id, score }) => {
    const index = parts[part] as MemoryIndex<T>;
    return { item: index.items[id] as T, score, diff: diffText(index.keys[id] as string, query) };
  });
}
