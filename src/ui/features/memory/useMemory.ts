import { useEffect, useMemo, useState } from 'react';
import type { MemoryMatch } from '../../../core/memory/MemoryIndex.ts';
import type { MatchKind, MemoryEntry } from '../../../core/memory/types.ts';
import { createMatcher } from './memoryMatcher.ts';
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
