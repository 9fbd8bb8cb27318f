import { useEffect, useState } from 'react';
import type { TermIndex } from '../../../core/glossary/match.ts';
import type { Occurrence } from '../../../core/glossary/occurrences.ts';
import type { TermEntry } from '../../../core/model/term.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { runJob } from '../../hooks/runJob.ts';
import { reportProblem } from '../../app/problems.ts';

/**
 * Where each entry occurs in the open document, counted in the worker (a long document takes seconds). `index`
 * changes only when term texts do, so a status change does not count again. Undefined while counting.
 */
export function useOccurrences(
  index: TermIndex,
  entries: readonly TermEntry[],
  sourceLang: string,
  workbench: Pick<Workbench, 'units' | 'renderings'>,
): ReadonlyMap<string, Occurrence> | undefined {
  const { units, renderings } = workbench;
  const [found, setFound] = useState<{
    readonly key: unknown;
    readonly map: ReadonlyMap<string, Occurrence>;
  }>();
  useEffect(() => {
    let cancelled = false;
    runJob('glossaryOccurrences', { entries, sourceLang, units, renderings })
      .then((list) => {
        if (!cancelled) setFound({ key: index, map: new Map(list) });
      })
      .catch((error: unknown) => {
        // An effect that was left (another document, the app closed) has no one to tell.
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
    // `entries` is read with the index it was built from; the index is what says the terms changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index, sourceLang, units, renderings]);
  return found?.key === index ? found.map : undefined;
}
