import { useEffect, useMemo, useState } from 'react';
import {
  buildMemoryIndex,
  lookupMemory,
  type MemoryIndex,
  type MemoryMatch,
} from '../../../core/memory/MemoryIndex.ts';
import { entryKey, type MatchKind, type MemoryEntry } from '../../../core/memory/types.ts';
import { renderingId } from '../../../core/model/ids.ts';
import type { Unit } from '../../../core/model/types.ts';
import { listMemory, listMemoryIds } from '../../../storage/memory.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { reportProblem } from '../../app/problems.ts';

export type UnitMatches = {
  readonly kind: MatchKind;
  readonly matches: readonly MemoryMatch<MemoryEntry>[];
};

export type MemoryState = {
  /** Every entry of every stored memory (approvals of all documents and imported memories). */
  readonly entries: readonly MemoryEntry[];
  readonly matchesFor: (unit: Unit | undefined, lang: string) => UnitMatches;
  readonly reload: () => void;
};

const NONE: UnitMatches = { kind: 'source', matches: [] };

/**
 * The memory as the review view uses it: read again whenever renderings change (an approval writes its entry in
 * the same transaction), indexed once per language and kind of match on first use.
 */
export function useMemory(workbench: Workbench): MemoryState {
  const { db, renderings, project, units } = workbench;
  const [entries, setEntries] = useState<readonly MemoryEntry[]>([]);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    listMemoryIds(db)
      .then((ids) => listMemory(db, [...ids.keys()]))
      .then((read) => {
        if (!cancelled) setEntries(read);
      })
      // A read cut short by leaving (the database closes with the view) is no problem to report.
      .catch((error: unknown) => {
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db, renderings, generation]);

  const matchesFor = useMemo(
    () => createMatcher(entries, project.sourceLang, units),
    [entries, project.sourceLang, units],
  );

  return { entries, matchesFor, reload: () => setGeneration((g) => g + 1) };
}

/** Look-ups over a set of entries; indexes are built on first use per language and kind of match. */
function createMatcher(
  entries: readonly MemoryEntry[],
  sourceLang: string,
  units: readonly Unit[],
): MemoryState['matchesFor'] {
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
    if (!unit) return NONE;
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
