import type { RenderingState } from '../model/types.ts';

export type Progress = {
  readonly total: number;
  readonly approved: number;
  readonly byState: Readonly<Record<RenderingState, number>>;
};

/** Approved / total per language; units without a rendering count as `new`. */
export function progressOf(total: number, states: Iterable<RenderingState>): Progress {
  const byState: Record<RenderingState, number> = {
    new: 0,
    mt: 0,
    imported: 0,
    edited: 0,
    reviewed: 0,
    approved: 0,
    rejected: 0,
  };
  let seen = 0;
  for (const state of states) {
    byState[state] += 1;
    seen += 1;
  }
  byState.new += Math.max(0, total - seen);
  return { total, approved: byState.approved, byState };
}
