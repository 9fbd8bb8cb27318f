import { useCallback, useEffect, useState } from 'react';
import type { UnitMatches } from '../../../core/memory/unitMatcher.ts';
import type { Unit } from '../../../core/model/types.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { reportProblem } from '../../app/problems.ts';
import { runJob } from '../../hooks/runJob.ts';

export type MemoryState = {
  /** The database the worker reads the memory from. */
  readonly db: string;
  /** Changes whenever the memory may have changed (an approval, an import, an edit), so that views ask again. */
  readonly version: string;
  /** Says that the memory changed outside the workbench's renderings (an import, an edit in the memory editor). */
  readonly reload: () => void;
};

/**
 * The memory as the review view sees it: only a name for its current state. The entries stay in the worker,
 * which reads them from IndexedDB and follows the memory's change log, so the main thread never holds them.
 */
export function useMemory(workbench: Workbench): MemoryState {
  const { db, renderings } = workbench;
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // An approval writes its memory entry in the same transaction as the rendering: a new rendering map is a
  // possibly new memory.
  return { db: db.name, version: `${versionOf(renderings)}.${generation}`, reload };
}

const versions = new WeakMap<object, number>();
let lastVersion = 0;

/** A number per object, the same for the same object: names a state of the renderings. */
function versionOf(value: object): number {
  let version = versions.get(value);
  if (version === undefined) {
    version = ++lastVersion;
    versions.set(value, version);
  }
  return version;
}

/** Matches of the active unit, looked up in the worker; empty until the answer arrives. */
export function useMemoryMatches(
  memory: MemoryState,
  sourceLang: string,
  unit: Unit | undefined,
  lang: string,
  previous: Unit | undefined,
): UnitMatches {
  const [found, setFound] = useState<{ readonly id: string; readonly value: UnitMatches }>();
  const id = `${memory.version}|${sourceLang}|${unit?.id ?? ''}|${lang}`;
  useEffect(() => {
    if (!unit) return;
    let cancelled = false;
    runJob('memoryMatches', { db: memory.db, sourceLang, unit, lang, ...(previous ? { previous } : {}) })
      .then((value) => {
        if (!cancelled) setFound({ id, value });
      })
      .catch((error: unknown) => {
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [id, memory.db, sourceLang, unit, lang, previous]);
  // While a new answer is on its way, the last one for the same unit stays (a re-read after an approval).
  const sameUnit = found?.id.split('|').slice(1).join('|') === id.split('|').slice(1).join('|');
  if (found && (found.id === id || sameUnit)) return found.value;
  return { kind: unit && unit.source.trim() === '' ? 'mt' : 'source', matches: [] };
}
