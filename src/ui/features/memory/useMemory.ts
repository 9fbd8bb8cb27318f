import { useEffect, useState } from 'react';
import type { MemoryEntry } from '../../../core/memory/types.ts';
import type { UnitMatches } from '../../../core/memory/unitMatcher.ts';
import type { Unit } from '../../../core/model/types.ts';
import { listMemory, listMemoryIds } from '../../../storage/memory.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { reportProblem } from '../../app/problems.ts';
import { runJob } from '../../hooks/runJob.ts';

export type MemoryState = {
  /** Every entry of every stored memory (approvals of all documents and imported memories). */
  readonly entries: readonly MemoryEntry[];
  /** Names this read of the memory, so the worker indexes each read once. */
  readonly key: string;
  readonly reload: () => void;
};

let reads = 0;

/** The memory, read again whenever renderings change (an approval writes its entry in the same transaction). */
export function useMemory(workbench: Workbench): MemoryState {
  const { db, renderings } = workbench;
  const [read, setRead] = useState<{ readonly entries: readonly MemoryEntry[]; readonly key: string }>({
    entries: [],
    key: 'none',
  });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    listMemoryIds(db)
      .then((ids) => listMemory(db, [...ids.keys()]))
      .then((entries) => {
        reads += 1;
        if (!cancelled) setRead({ entries, key: `read-${reads}` });
      })
      // A read cut short by leaving (the database closes with the view) is no problem to report.
      .catch((error: unknown) => {
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db, renderings, generation]);
  return { ...read, reload: () => setGeneration((g) => g + 1) };
}

/** Which read of the memory the worker holds; a look-up for another one sends the entries along. */
let sentKey: string | undefined;

/** Matches of the active unit, looked up in the worker; empty until the answer arrives. */
export function useMemoryMatches(
  memory: MemoryState,
  sourceLang: string,
  unit: Unit | undefined,
  lang: string,
  previous: Unit | undefined,
): UnitMatches {
  const [found, setFound] = useState<{ readonly id: string; readonly value: UnitMatches }>();
  const id = `${memory.key}|${sourceLang}|${unit?.id ?? ''}|${lang}`;
  useEffect(() => {
    if (!unit || memory.entries.length === 0) return;
    let cancelled = false;
    const ask = async (withEntries: boolean): Promise<UnitMatches | undefined> => {
      const key = `${memory.key}|${sourceLang}`;
      if (withEntries) sentKey = key;
      const out = await runJob('memoryMatches', {
        key,
        sourceLang,
        unit,
        lang,
        ...(previous ? { previous } : {}),
        ...(withEntries ? { entries: memory.entries } : {}),
      });
      if ('stale' in out) return withEntries ? undefined : ask(true);
      return out;
    };
    ask(sentKey !== `${memory.key}|${sourceLang}`)
      .then((value) => {
        if (!cancelled && value) setFound({ id, value });
      })
      .catch((error: unknown) => {
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [id, memory.key, memory.entries, sourceLang, unit, lang, previous]);
  if (found?.id === id) return found.value;
  return { kind: unit && unit.source.trim() === '' ? 'mt' : 'source', matches: [] };
}
