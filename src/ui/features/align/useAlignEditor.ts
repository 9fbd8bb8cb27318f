import { useCallback, useMemo, useReducer } from 'react';
import {
  applyEdit,
  isUncertain,
  uncertaintyRank,
  record,
  redo,
  startHistory,
  undo,
  type AlignEdit,
  type AlignRow,
  type EditHistory,
} from '../../../core/align/edit.ts';

export type RowOrder = 'document' | 'uncertainFirst';

/** Where the caret goes after an edit: a row (index into the rows) and an offset in its imported text. */
export type Caret = { readonly row: number; readonly offset: number };

type State = {
  readonly history: EditHistory<readonly AlignRow[]>;
  readonly active: number;
  /** Set by an edit, consumed by the view once it has moved the focus there. */
  readonly caret: Caret | undefined;
};

type Action =
  | { readonly type: 'edit'; readonly edit: AlignEdit; readonly caret: Caret }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'activate'; readonly row: number; readonly caret?: Caret };

const clamp = (row: number, rows: readonly AlignRow[]) => Math.max(0, Math.min(row, rows.length - 1));

function reducer(pivotTexts: readonly string[]) {
  return (state: State, action: Action): State => {
    switch (action.type) {
      case 'edit': {
        const next = applyEdit(state.history.present, action.edit, pivotTexts);
        if (next === state.history.present) return state;
        const row = clamp(action.caret.row, next);
        return {
          history: record(state.history, next),
          active: row,
          caret: { row, offset: action.caret.offset },
        };
      }
      case 'undo':
      case 'redo': {
        const history = action.type === 'undo' ? undo(state.history) : redo(state.history);
        if (history === state.history) return state;
        const row = clamp(state.active, history.present);
        return { history, active: row, caret: { row, offset: 0 } };
      }
      case 'activate':
        return state.active === action.row && !action.caret
          ? state
          : { ...state, active: action.row, caret: action.caret };
    }
  };
}

/** Rows under review with undo and redo, the active row, and the order in which rows are shown. */
export function useAlignEditor(
  initial: readonly AlignRow[],
  pivotTexts: readonly string[],
  order: RowOrder,
  onlyUncertain: boolean,
) {
  const reduce = useMemo(() => reducer(pivotTexts), [pivotTexts]);
  const [state, dispatch] = useReducer(reduce, undefined, () => ({
    history: startHistory(initial),
    active: 0,
    caret: undefined,
  }));
  const rows = state.history.present;

  /** Row indices in the order they are shown. */
  const shown = useMemo(() => {
    let indices = rows.map((_, i) => i);
    if (onlyUncertain) indices = indices.filter((i) => isUncertain(rows[i]!));
    if (order === 'uncertainFirst') {
      indices = [...indices].sort((a, b) => uncertaintyRank(rows[a]!) - uncertaintyRank(rows[b]!) || a - b);
    }
    return indices;
  }, [rows, order, onlyUncertain]);

  const edit = useCallback((edit: AlignEdit, caret: Caret) => dispatch({ type: 'edit', edit, caret }), []);
  const activate = useCallback(
    (row: number, caret?: Caret) =>
      dispatch(caret ? { type: 'activate', row, caret } : { type: 'activate', row }),
    [],
  );
  return {
    rows,
    shown,
    active: state.active,
    caret: state.caret,
    canUndo: state.history.past.length > 0,
    canRedo: state.history.future.length > 0,
    edit,
    activate,
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
  };
}

export type AlignEditorState = ReturnType<typeof useAlignEditor>;
