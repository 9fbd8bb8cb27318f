import type { Revision } from '../model/types.ts';

/** Longest gap between two revisions counted as work: a longer pause is a break, counted as this much. */
export const DEFAULT_IDLE_CAP_MS = 5 * 60 * 1000;

export type TimeSpent = {
  /** Estimated working time in milliseconds over all authors. */
  readonly totalMs: number;
  /** Per author, longest first. */
  readonly byAuthor: readonly { readonly author: string; readonly ms: number; readonly revisions: number }[];
};

/**
 * Time spent reviewing, derived from revision timestamps alone: per author, revisions in time order, and the
 * gap between each two consecutive ones counted up to `capMs` (5 minutes by default: the reviewer may have
 * read, thought, looked something up; a longer pause is counted as 5 minutes, not as hours of work).
 * Imports are not work and are left out. The time before an author's first revision is unknown and not
 * counted, so the figure is a lower bound per working session. Revisions written together (an edit and its
 * approval share a timestamp) add nothing.
 */
export function timeSpent(revisions: readonly Revision[], capMs: number = DEFAULT_IDLE_CAP_MS): TimeSpent {
  const times = new Map<string, number[]>();
  for (const revision of revisions) {
    if (revision.action === 'import') continue;
    let list = times.get(revision.author);
    if (!list) {
      list = [];
      times.set(revision.author, list);
    }
    list.push(revision.at);
  }
  const byAuthor = [...times].map(([author, list]) => {
    list.sort((a, b) => a - b);
    let ms = 0;
    for (let i = 1; i < list.length; i += 1) ms += Math.min(capMs, list[i]! - list[i - 1]!);
    return { author, ms, revisions: list.length };
  });
  byAuthor.sort((a, b) => b.ms - a.ms || a.author.localeCompare(b.author));
  return { totalMs: byAuthor.reduce((sum, a) => sum + a.ms, 0), byAuthor };
}
