import { useEffect, useState } from 'react';
import type { DiffSpan } from '../../core/review/diff.ts';

export type DiffText = (before: string, after: string) => DiffSpan[];

/** Until the word diff has loaded: the whole text replaced, a true (if coarse) diff of the two. */
const coarse: DiffText = (before, after) =>
  before === after
    ? [{ op: 'equal', text: after }]
    : [
        ...(before ? [{ op: 'delete' as const, text: before }] : []),
        ...(after ? [{ op: 'insert' as const, text: after }] : []),
      ];

let loaded: DiffText | undefined;
let loading: Promise<DiffText> | undefined;

// diff-match-patch is not needed until a text differs from its machine translation or a history is read: it is
// fetched then, not with the first screen.
const load = () =>
  (loading ??= import('../../core/review/diff.ts').then((m) => {
    loaded = m.diffText;
    return m.diffText;
  }));

/** Fetches the word diff ahead of its first use. */
export const preloadDiffText = (): Promise<unknown> => load();

/**
 * The word diff (core/review/diff.ts), loaded on first use: components call the function returned, which gives a
 * coarse diff until the module is there and the word diff from the render after.
 */
export function useDiffText(): DiffText {
  const [diff, setDiff] = useState<DiffText>(() => loaded ?? coarse);
  useEffect(() => {
    if (diff !== coarse) return;
    let live = true;
    void load().then((fine) => {
      if (live) setDiff(() => fine);
    });
    return () => {
      live = false;
    };
  }, [diff]);
  return diff;
}
