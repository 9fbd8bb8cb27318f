import { useEffect, useState } from 'react';

const load = () =>
  Promise.all([import('../../core/glossary/match.ts'), import('../../core/glossary/termMarks.ts')]).then(
    ([match, marks]) => ({ ...match, ...marks }),
  );
export type TermMatching = Awaited<ReturnType<typeof load>>;

let loaded: TermMatching | undefined;
let pending: Promise<TermMatching> | undefined;

/**
 * The glossary's term matching (inflection-aware, so not small), fetched once a project has terms; the grid shows
 * its text at once and underlines the terms when this arrives.
 */
export function useTermMatching(wanted: boolean): TermMatching | undefined {
  const [matching, setMatching] = useState(loaded);
  useEffect(() => {
    if (!wanted || matching) return;
    let live = true;
    pending ??= load().then((module) => (loaded = module));
    void pending.then((module) => {
      if (live) setMatching(module);
    });
    return () => {
      live = false;
    };
  }, [wanted, matching]);
  return matching;
}
