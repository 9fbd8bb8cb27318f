import { fail, ok, type Result } from '../result.ts';
import type { RenderingState, RevisionAction } from '../model/types.ts';

/** What a reviewer (or an import) does to a rendering. Every accepted action becomes one revision. */
export type RenderingAction =
  /** `human`: a translation people made (an aligned version), state `imported`; otherwise machine output, `mt`. */
  | { readonly type: 'import'; readonly text: string; readonly human?: boolean }
  | { readonly type: 'edit'; readonly text: string }
  | { readonly type: 'review' }
  | { readonly type: 'approve' }
  | { readonly type: 'reject'; readonly reason: string }
  | { readonly type: 'reopen' }
  | { readonly type: 'restore'; readonly text: string; readonly fromRevision: number }
  /** Undo of a bulk change: back to exactly the text and state the rendering had before it. */
  | { readonly type: 'revert'; readonly text: string; readonly state: RenderingState };

export type TransitionError = {
  /** `stale`: the rendering is no longer what the writer saw (see `Expectation`). */
  readonly code: 'invalidTransition' | 'emptyText' | 'unchanged' | 'reasonRequired' | 'stale';
  readonly from: RenderingState;
  readonly action: RevisionAction;
};

/**
 * What a writer saw when it decided on its actions: the revision number (an editor) or the text (a one-click fix
 * computed on the text a check saw). A write whose expectation no longer holds is refused as `stale`, so nobody
 * overwrites text they have not seen.
 */
export type Expectation = { readonly revision: number } | { readonly text: string };

export function expectationHolds(
  expect: Expectation | undefined,
  current: { readonly revision: number; readonly text: string } | undefined,
): boolean {
  if (!expect) return true;
  return 'revision' in expect
    ? expect.revision === (current?.revision ?? 0)
    : expect.text === (current?.text ?? '');
}

export type Transition = { readonly state: RenderingState; readonly text: string; readonly note?: string };

/**
 * Which states each action may start from. `mt` → `edited` → `reviewed` → `approved` is the usual path;
 * `rejected` is reachable from any reviewed-or-earlier state with text, and left only by editing or restoring.
 * An approved rendering is reopened (back to `reviewed`) or edited (back to `edited`) before it changes again.
 */
const ALLOWED_FROM: Readonly<Record<RevisionAction, readonly RenderingState[]>> = {
  import: ['new'],
  edit: ['new', 'mt', 'imported', 'edited', 'reviewed', 'approved', 'rejected'],
  review: ['mt', 'imported', 'edited'],
  approve: ['mt', 'imported', 'edited', 'reviewed'],
  reject: ['mt', 'imported', 'edited', 'reviewed', 'approved'],
  reopen: ['approved', 'rejected'],
  restore: ['mt', 'imported', 'edited', 'reviewed', 'approved', 'rejected'],
  revert: ['mt', 'imported', 'edited', 'reviewed', 'approved', 'rejected'],
};

export function canApply(from: RenderingState, action: RevisionAction): boolean {
  return ALLOWED_FROM[action].includes(from);
}

/** The pure state machine: where an action takes a rendering, or why it is refused. */
export function transition(
  from: RenderingState,
  currentText: string,
  action: RenderingAction,
): Result<Transition, TransitionError> {
  const refuse = (code: TransitionError['code']) => fail({ code, from, action: action.type });
  if (!canApply(from, action.type)) return refuse('invalidTransition');
  switch (action.type) {
    case 'import':
      return action.text.trim() === ''
        ? refuse('emptyText')
        : ok({ state: action.human ? 'imported' : 'mt', text: action.text });
    case 'edit':
      if (action.text === currentText) return refuse('unchanged');
      if (action.text.trim() === '') return refuse('emptyText');
      return ok({ state: 'edited', text: action.text });
    case 'review':
      return ok({ state: 'reviewed', text: currentText });
    case 'approve':
      return currentText.trim() === '' ? refuse('emptyText') : ok({ state: 'approved', text: currentText });
    case 'reject':
      return action.reason.trim() === ''
        ? refuse('reasonRequired')
        : ok({ state: 'rejected', text: currentText, note: action.reason.trim() });
    case 'reopen':
      return ok({ state: from === 'rejected' ? 'edited' : 'reviewed', text: currentText });
    case 'restore':
      return action.text.trim() === ''
        ? refuse('emptyText')
        : ok({ state: 'edited', text: action.text, note: `#${action.fromRevision}` });
    case 'revert':
      // Only `new` may be empty: reverting a rendering that did not exist before leaves it without text.
      if (action.state === 'new') return ok({ state: 'new', text: '' });
      return action.text.trim() === '' ? refuse('emptyText') : ok({ state: action.state, text: action.text });
  }
}
