import { useCallback, useRef, useState } from 'react';
import type { GlossaryStep } from '../../../core/glossary/revertEntries.ts';
import type { GlossaryProblem } from '../../../core/glossary/glossaryProblem.ts';
import type { AudarmaDb } from '../../../storage/db.ts';
import { revertStep } from '../../../storage/glossary.ts';

const LIMIT = 100;

type Stacks = { readonly undo: readonly GlossaryStep[]; readonly redo: readonly GlossaryStep[] };

export type UndoOutcome =
  | { readonly done: 'undo' | 'redo'; readonly step: GlossaryStep }
  | { readonly refused: GlossaryProblem }
  | undefined;

/**
 * The glossary's undo and redo stacks for this session: every change (status, edit, delete, import) pushes a
 * step; undo writes its before side back, redo its after side, each through storage as a new change with
 * history. A new change clears the redo stack, as in every editor.
 */
export function useGlossaryUndo(db: AudarmaDb, author: string) {
  const [stacks, setStacks] = useState<Stacks>({ undo: [], redo: [] });
  // Quick successive Ctrl+Z presses each see the stack the previous one left.
  const current = useRef(stacks);
  const busy = useRef(false);

  const set = useCallback((next: Stacks) => {
    current.current = next;
    setStacks(next);
  }, []);

  const push = useCallback(
    (step: GlossaryStep) => {
      if (step.before.size === 0) return;
      set({ undo: [...current.current.undo, step].slice(-LIMIT), redo: [] });
    },
    [set],
  );

  const run = useCallback(
    async (direction: 'undo' | 'redo'): Promise<UndoOutcome> => {
      if (busy.current) return undefined;
      const from = direction === 'undo' ? current.current.undo : current.current.redo;
      const step = from.at(-1);
      if (!step) return undefined;
      busy.current = true;
      try {
        const result = await revertStep(db, step, direction, author, Date.now());
        const { undo, redo } = current.current;
        if (!result.ok) {
          // A step that can no longer be applied is dropped, so the next Ctrl+Z reaches the one before it.
          set(direction === 'undo' ? { undo: undo.slice(0, -1), redo } : { undo, redo: redo.slice(0, -1) });
          return { refused: result.error };
        }
        set(
          direction === 'undo'
            ? { undo: undo.slice(0, -1), redo: [...redo, step] }
            : { undo: [...undo, step], redo: redo.slice(0, -1) },
        );
        return { done: direction, step };
      } finally {
        busy.current = false;
      }
    },
    [db, author, set],
  );

  return {
    push,
    undo: useCallback(() => run('undo'), [run]),
    redo: useCallback(() => run('redo'), [run]),
    canUndo: stacks.undo.length > 0,
    canRedo: stacks.redo.length > 0,
    nextUndo: stacks.undo.at(-1),
    nextRedo: stacks.redo.at(-1),
  };
}
