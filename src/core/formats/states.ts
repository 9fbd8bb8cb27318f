import { RENDERING_STATES, type RenderingState } from '../model/types.ts';

export type Xliff2State = 'initial' | 'translated' | 'reviewed' | 'final';

/**
 * The one state mapping every format uses (documented in the README). Each of our states has one XLIFF 2 `state`
 * (with `subState` `audarma:<ours>` keeping the finer one), one XLIFF 1.2 `state` (+ `state-qualifier`) and a TMX
 * property `x-audarma-state`. A rejected rendering needs translating again: XLIFF 2 `initial`, XLIFF 1.2
 * `needs-translation`, so a system that knows nothing of ours still sends it back to a translator. Machine
 * translation nobody has confirmed is `initial` / `needs-review-translation` qualified `leveraged-mt`; a people's
 * translation imported from a file is `translated`, in XLIFF 1.2 qualified `leveraged-repository` (taken from
 * elsewhere, not made here).
 */
export const STATE_TABLE: {
  readonly [S in RenderingState]: {
    readonly xliff2: Xliff2State;
    readonly xliff1: string;
    readonly xliff1Qualifier?: string;
  };
} = {
  new: { xliff2: 'initial', xliff1: 'new' },
  mt: { xliff2: 'initial', xliff1: 'needs-review-translation', xliff1Qualifier: 'leveraged-mt' },
  imported: { xliff2: 'translated', xliff1: 'translated', xliff1Qualifier: 'leveraged-repository' },
  edited: { xliff2: 'translated', xliff1: 'translated' },
  reviewed: { xliff2: 'reviewed', xliff1: 'signed-off' },
  approved: { xliff2: 'final', xliff1: 'final' },
  rejected: { xliff2: 'initial', xliff1: 'needs-translation' },
};

/** TMX has no state of its own: ours goes in a property of each variant. */
export const TMX_STATE_PROP = 'x-audarma-state';

const SUB_PREFIX = 'audarma:';

export function isRenderingState(value: string): value is RenderingState {
  return (RENDERING_STATES as readonly string[]).includes(value);
}

export function toXliff2State(state: RenderingState): { state: Xliff2State; subState: string } {
  return { state: STATE_TABLE[state].xliff2, subState: `${SUB_PREFIX}${state}` };
}

/** Our state from XLIFF 2: our own subState first, else the base state (a target with no text is `new`). */
export function fromXliff2State(
  state: string | undefined,
  subState: string | undefined,
  hasText: boolean,
): RenderingState {
  const sub = subState?.startsWith(SUB_PREFIX) ? subState.slice(SUB_PREFIX.length) : undefined;
  if (sub !== undefined && isRenderingState(sub)) return sub;
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

export function toXliff1State(state: RenderingState): { state: string; qualifier?: string } {
  const row = STATE_TABLE[state];
  return row.xliff1Qualifier ? { state: row.xliff1, qualifier: row.xliff1Qualifier } : { state: row.xliff1 };
}

/** Our state from XLIFF 1.2 `state` and `state-qualifier`; states of other tools map to their nearest. */
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
    case 'translated':
      return qualifier === 'leveraged-repository' ? 'imported' : 'edited';
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

/** Our state from a TMX variant's property; without one a variant with text is `edited`. */
export function fromTmxState(prop: string | undefined, hasText: boolean): RenderingState {
  if (prop !== undefined && isRenderingState(prop)) return prop;
  return hasText ? 'edited' : 'new';
}
