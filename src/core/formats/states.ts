import type { RenderingState } from '../model/types.ts';

export type Xliff2State = 'initial' | 'translated' | 'reviewed' | 'final';

/**
 * Audarma states onto XLIFF 2 `state`; `subState` (`audarma:<state>`) keeps the finer one so that our own
 * files come back exactly. `rejected` is `reviewed` (a reviewer has seen it), `mt` is `initial` (no human yet).
 */
export function toXliff2State(state: RenderingState): { state: Xliff2State; subState: string } {
  const base: Record<RenderingState, Xliff2State> = {
    new: 'initial',
    mt: 'initial',
    edited: 'translated',
    reviewed: 'reviewed',
    approved: 'final',
    rejected: 'reviewed',
  };
  return { state: base[state], subState: `audarma:${state}` };
}

const RENDERING = new Set<string>(['new', 'mt', 'edited', 'reviewed', 'approved', 'rejected']);

export function fromXliff2State(
  state: string | undefined,
  subState: string | undefined,
  hasText: boolean,
): RenderingState {
  const sub = subState?.startsWith('audarma:') ? subState.slice('audarma:'.length) : undefined;
  if (sub !== undefined && RENDERING.has(sub)) return sub as RenderingState;
  if (!hasText) return 'new';
  switch (state) {
    case 'translated':
      return 'edited';
    case 'reviewed':
      return 'reviewed';
    case 'final':
      return 'approved';
    default:
      // A target with text and no state, or `initial`: a draft nobody has confirmed, which is what `mt` means here.
      return 'mt';
  }
}

/** XLIFF 1.2 `state` and `state-qualifier` for an Audarma state (1.2 has no rejected: it is needs-translation). */
export function toXliff1State(state: RenderingState): { state: string; qualifier?: string } {
  switch (state) {
    case 'new':
      return { state: 'new' };
    case 'mt':
      return { state: 'needs-review-translation', qualifier: 'leveraged-mt' };
    case 'edited':
      return { state: 'translated' };
    case 'reviewed':
      return { state: 'signed-off' };
    case 'approved':
      return { state: 'final' };
    case 'rejected':
      return { state: 'needs-translation' };
  }
}

export function fromXliff1State(
  state: string | undefined,
  qualifier: string | undefined,
  hasText: boolean,
): RenderingState {
  if (!hasText) return 'new';
  switch (state) {
    case 'needs-translation':
      return 'rejected';
    case 'needs-review-translation':
      return qualifier === 'leveraged-mt' || qualifier === 'mt-suggestion' ? 'mt' : 'edited';
    case 'signed-off':
      return 'reviewed';
    case 'final':
      return 'approved';
    case 'new':
      return 'mt';
    default:
      return 'edited';
  }
}
