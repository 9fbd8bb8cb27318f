import { buildMemoryIndex, lookupMemory, type MemoryIndex } from './MemoryIndex.ts';
import { entryKey, type MatchKind, type MemoryEntry } from './types.ts';
import { renderingId } from '../model/ids.ts';
import type { Unit } from '../model/types.ts';
import type { MemoryMatch } from './MemoryIndex.ts';
import type { Normalised } from './normalise.ts';

export type UnitMatches = {
  readonly kind: MatchKind;
  readonly matches: readonly MemoryMatch<MemoryEntry>[];
};

export type MatcherOptions = {
  /** Entries to leave out of every look-up (removed or changed since the index was built). */
  readonly skip?: (entry: MemoryEntry) => boolean;
  /** Normalised forms computed before, by key text (see buildMemoryIndex). */
  readonly known?: ReadonlyMap<string, Normalised>;
};

export type Matcher = {
  (unit: Unit | undefined, lang: string, previous?: Unit): UnitMatches;
  /** The index for a target language and kind of match, built on first use. */
  readonly index: (lang: string, kind: MatchKind) => MemoryIndex<MemoryEntry>;
  /** The indexes built so far, by `lang|kind`: what a persisted index keeps. */
  readonly built: () => ReadonlyMap<string, MemoryIndex<MemoryEntry>>;
};

/** Look-ups over a set of entries; indexes are built on first use per language and kind of match. */
export function createMatcher(
  entries: readonly MemoryEntry[],
  sourceLang: string,
  options: MatcherOptions = {},
): Matcher {
  // Built on first use per language and kind; a new read of the memory starts a new cache.
  const indexes = new Map<string, MemoryIndex<MemoryEntry>>();
  const indexFor = (lang: string, kind: MatchKind) => {
    const key = `${lang}|${kind}`;
    let index = indexes.get(key);
    if (!index) {
      index = buildMemoryIndex(
        entries.filter((e) => e.targetLang === lang && (kind === 'mt' || e.sourceLang === sourceLang)),
        (e) => entryKey(e, kind),
        options.known,
      );
      indexes.set(key, index);
    }
    return index;
  };
  const match = (unit: Unit | undefined, lang: string, previous?: Unit): UnitMatches =>
    matchUnit((kind) => [indexFor(lang, kind)], unit, lang, previous, options.skip);
  return Object.assign(match, { index: indexFor, built: () => indexes });
}

/**
 * Looks a unit up in indexes searched as one (see lookupMemory): by its source text, or by its machine translation
 * where it has no source. `previous` is the unit before, whose text makes an identical match an in-context (101 %)
 * one; the unit's own entry is never offered.
 */
export function matchUnit(
  indexesFor: (kind: MatchKind) => readonly MemoryIndex<MemoryEntry>[],
  unit: Unit | undefined,
  lang: string,
  previous?: Unit,
  skip?: (entry: MemoryEntry, part: number) => boolean,
): UnitMatches {
  if (!unit) return { kind: 'source', matches: [] };
  const kind: MatchKind = unit.source.trim() !== '' ? 'source' : 'mt';
  const query = kind === 'source' ? unit.source : (unit.mt[lang] ?? '');
  if (query.trim() === '') return { kind, matches: [] };
  const own = renderingId(unit.id, lang);
  return {
    kind,
    matches: lookupMemory(indexesFor(kind), query, {
      skip: (e, part) => e.id === own || skip?.(e, part) === true,
      ...(previous ? { context: kind === 'source' ? previous.source : (previous.mt[lang] ?? '') } : {}),
      contextOf: (e) => e.context,
    }),
  };
}
