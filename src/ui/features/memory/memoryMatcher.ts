import { buildMemoryIndex, lookupMemory, type MemoryIndex } from '../../../core/memory/MemoryIndex.ts';
import { entryKey, type MatchKind, type MemoryEntry } from '../../../core/memory/types.ts';
import { renderingId } from '../../../core/model/ids.ts';
import type { Unit } from '../../../core/model/types.ts';
import type { UnitMatches } from './useMemory.ts';

/** Look-ups over a set of entries; indexes are built on first use per language and kind of match. */
export function createMatcher(
  entries: readonly MemoryEntry[],
  sourceLang: string,
  units: readonly Unit[],
): (unit: Unit | undefined, lang: string) => UnitMatches {
  // Built on first use per language and kind; a new read of the memory starts a new cache.
  const indexes = new Map<string, MemoryIndex<MemoryEntry>>();
  const indexFor = (lang: string, kind: MatchKind) => {
    const key = `${lang}|${kind}`;
    let index = indexes.get(key);
    if (!index) {
      index = buildMemoryIndex(
        entries.filter((e) => e.targetLang === lang && (kind === 'mt' || e.sourceLang === sourceLang)),
        (e) => entryKey(e, kind),
      );
      indexes.set(key, index);
    }
    return index;
  };
  return (unit: Unit | undefined, lang: string): UnitMatches => {
    if (!unit) return { kind: 'source', matches: [] };
    const kind: MatchKind = unit.source.trim() !== '' ? 'source' : 'mt';
    const query = kind === 'source' ? unit.source : (unit.mt[lang] ?? '');
    if (query.trim() === '') return { kind, matches: [] };
    const previous = units[unit.index - 1];
    const own = renderingId(unit.id, lang);
    return {
      kind,
      matches: lookupMemory(indexFor(lang, kind), query, {
        skip: (e) => e.id === own,
        ...(previous ? { context: kind === 'source' ? previous.source : (previous.mt[lang] ?? '') } : {}),
        contextOf: (e) => e.context,
      }),
    };
  };
}
