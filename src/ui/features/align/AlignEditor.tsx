import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  goesBelow,
  importedText,
  isUncertain,
  rowsForApply,
  type AlignEdit,
  type AlignSide,
} from '../../../core/align/edit.ts';
import { applyAlignment, planWrites, type UnitWrite } from '../../../storage/alignment.ts';
import { classifyStorageError } from '../../../storage/errors.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { useVirtualRows } from '../../hooks/useVirtualRows.ts';
import { commandFor } from '../../keymap/keymap.ts';
import type { AlignSession } from './AlignSetup.tsx';
import { AlignRowView } from './AlignRowView.tsx';
import { AlignToolbar, type ToolbarCommand } from './AlignToolbar.tsx';
import { useAlignEditor, type Caret, type RowOrder } from './useAlignEditor.ts';

const HEADER_HEIGHT = 34;

/** Writes the reviewed alignment into the open document. */
function write(
  workbench: Workbench,
  session: AlignSession,
  writes: readonly UnitWrite[],
  onProgress: (done: number, total: number) => void,
) {
  return applyAlignment(workbench.db, {
    documentId: workbench.document.id,
    lang: session.lang,
    role: session.role,
    ...(session.role === 'source' ? { pivotLang: session.pivot.lang } : {}),
    units: workbench.units,
    writes,
    author: workbench.author,
    now: Date.now(),
    onProgress,
  });
}

/**
 * Reviews an alignment before it is written: rows of pivot units and imported sentences with their confidence,
 * hand corrections with undo, and "apply", which writes the texts and scores into the units.
 */
export function AlignEditor({
  workbench,
  session,
  onApplied,
  onDiscard,
}: {
  readonly workbench: Workbench;
  readonly session: AlignSession;
  readonly onApplied: (message: string) => void;
  readonly onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<RowOrder>('document');
  const [onlyUncertain, setOnlyUncertain] = useState(false);
  const [applying, setApplying] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const pivotTexts = session.pivot.texts;
  const editor = useAlignEditor(session.rows, pivotTexts, order, onlyUncertain);
  const { rows, shown, active, caret, edit, activate } = editor;
  const tableRef = useRef<HTMLDivElement>(null);
  const areas = useRef(new Map<number, HTMLTextAreaElement>());
  const virtual = useVirtualRows(shown.length, tableRef, HEADER_HEIGHT);
  const { scrollToPosition } = virtual;
  const plan = useMemo(
    () => planWrites(rowsForApply(rows), workbench.units.length),
    [rows, workbench.units.length],
  );
  const uncertain = useMemo(() => rows.filter(isUncertain).length, [rows]);
  const language = t(`languageInText.${session.lang}`);
  const pivotLanguage = t(`languageInText.${session.pivot.lang}`);

  const register = useCallback((index: number, element: HTMLTextAreaElement | null) => {
    if (element) areas.current.set(index, element);
    else areas.current.delete(index);
  }, []);

  // After an edit, undo or a move, put the caret where the edit says once its row is rendered.
  const placed = useRef<Caret | undefined>(undefined);
  useEffect(() => {
    if (!caret || placed.current === caret) return;
    const element = areas.current.get(caret.row);
    if (!element) {
      scrollToPosition(shown.indexOf(caret.row));
      return;
    }
    placed.current = caret;
    element.focus();
    element.setSelectionRange(caret.offset, caret.offset);
  });

  const textOf = (row: number) => {
    const r = rows[row];
    return r ? importedText(r) : '';
  };

  /** Runs a command on a row; `offset` is the caret in its imported text (for splitting). */
  const run = (command: ToolbarCommand, row: number, offset: number) => {
    const move = (type: 'moveUp' | 'moveDown', side: AlignSide): AlignEdit => ({ type, row, side });
    switch (command) {
      case 'mergeNext':
        return edit({ type: 'mergeNext', row }, { row, offset: textOf(row).length });
      case 'mergePrevious':
        return edit(
          { type: 'mergeNext', row: row - 1 },
          { row: row - 1, offset: textOf(row - 1).length + (textOf(row - 1) ? 1 : 0) },
        );
      case 'split':
        return edit({ type: 'split', row, offset }, { row: row + 1, offset: 0 });
      case 'sentenceUp':
        return edit(move('moveUp', 'imported'), { row, offset: 0 });
      case 'sentenceDown':
        return edit(move('moveDown', 'imported'), { row, offset: 0 });
      case 'unitUp':
        return edit(move('moveUp', 'pivot'), { row, offset: 0 });
      case 'unitDown':
        return edit(move('moveDown', 'pivot'), { row, offset: 0 });
      case 'detach':
        return edit({ type: 'detach', row }, { row: row + 1, offset: 0 });
      case 'nextUncertain': {
        const at = shown.indexOf(row);
        const order = [...shown.slice(at + 1), ...shown.slice(0, at + 1)];
        const next = order.find((i) => isUncertain(rows[i]!));
        return next === undefined ? undefined : activate(next, { row: next, offset: 0 });
      }
      case 'undo':
        return editor.undo();
      case 'redo':
        return editor.redo();
    }
  };

  const caretOf = (row: number) => areas.current.get(row)?.selectionStart ?? 0;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const key = event.key;
    const mod = event.ctrlKey || event.metaKey;
    // The shortcuts come from the one keymap table; caret-dependent keys (Backspace at the start, Delete at the end,
    // arrows at a row's edge) are editing behaviour of the row's text and stay here.
    const bound = commandFor('align', event.nativeEvent);
    const up = key === 'ArrowUp';
    let command: ToolbarCommand | undefined;
    if (bound === 'alignUndo') command = event.shiftKey || key.toLowerCase() === 'y' ? 'redo' : 'undo';
    else if (bound === 'alignNextUncertain') command = 'nextUncertain';
    const target = event.target;
    const row =
      target instanceof HTMLTextAreaElement && target.dataset.row ? Number(target.dataset.row) : undefined;
    if (!command && row !== undefined && target instanceof HTMLTextAreaElement) {
      const start = target.selectionStart;
      const collapsed = start === target.selectionEnd;
      const atEnd = collapsed && start === target.value.length;
      const plain = !mod && !event.altKey && !event.shiftKey;
      if (bound === 'alignMoveUnit') command = up ? 'unitUp' : 'unitDown';
      else if (bound === 'alignMoveSentence') command = up ? 'sentenceUp' : 'sentenceDown';
      else if (bound === 'alignMerge') command = 'mergeNext';
      else if (bound === 'alignEmpty') command = 'detach';
      else if (bound === 'alignSplit') command = 'split';
      else if (plain && key === 'Backspace' && collapsed && start === 0 && row > 0) command = 'mergePrevious';
      else if (plain && key === 'Delete' && atEnd) command = 'mergeNext';
      else if (plain && (key === 'ArrowUp' || key === 'ArrowDown')) {
        if ((up && collapsed && start === 0) || (!up && atEnd)) {
          const next = shown[shown.indexOf(row) + (up ? -1 : 1)];
          if (next !== undefined) {
            event.preventDefault();
            activate(next, { row: next, offset: up ? textOf(next).length : 0 });
          }
        }
        return;
      }
    }
    if (!command) return;
    event.preventDefault();
    // Ctrl+Z here undoes an alignment edit, not a change another view listens for on the window.
    event.stopPropagation();
    run(command, row ?? active, row !== undefined ? caretOf(row) : caretOf(active));
  };

  const apply = async () => {
    setError(undefined);
    setApplying(0);
    try {
      const result = await write(workbench, session, plan.writes, (done, total) =>
        setApplying(done / Math.max(1, total)),
      );
      workbench.reload();
      onApplied(t('align.applied', { language, ...result }));
    } catch (failure) {
      const storage = classifyStorageError(failure);
      setError(
        t(storage.failure === 'quota' ? 'align.applyQuota' : 'align.applyFailed', {
          message: storage.message,
        }),
      );
      setApplying(undefined);
    }
  };

  return (
    <section
      className="align-editor"
      aria-label={t('align.reviewTitle', { language, pivot: pivotLanguage })}
      onKeyDown={onKeyDown}
    >
      <header className="align-editor-head">
        <h2>{t('align.reviewTitle', { language, pivot: pivotLanguage })}</h2>
        <p className="align-hint">
          {session.origin.kind === 'import'
            ? t('align.fromFile', { file: session.origin.file })
            : t('align.fromStored')}{' '}
          {t('align.counts', { rows: rows.length, uncertain })}
        </p>
      </header>
      <AlignToolbar
        row={active}
        canUndo={editor.canUndo}
        canRedo={editor.canRedo}
        onCommand={(command) => run(command, active, caretOf(active))}
      >
        <label>
          {t('align.order')}
          <select value={order} onChange={(e) => setOrder(e.currentTarget.value as RowOrder)}>
            <option value="document">{t('align.orderDocument')}</option>
            <option value="uncertainFirst">{t('align.orderUncertain')}</option>
          </select>
        </label>
        <label className="align-check">
          <input
            type="checkbox"
            checked={onlyUncertain}
            onChange={(e) => setOnlyUncertain(e.currentTarget.checked)}
          />
          {t('align.onlyUncertain')}
        </label>
      </AlignToolbar>
      <div
        className="align-table"
        role="table"
        aria-label={t('align.tableLabel')}
        aria-rowcount={shown.length + 1}
        ref={tableRef}
      >
        <div role="row" aria-rowindex={1} className="align-row align-head">
          <div role="columnheader">#</div>
          <div role="columnheader">
            {t(session.pivot.role === 'source' ? 'align.columnSource' : 'align.columnMt', {
              language: pivotLanguage,
            })}
          </div>
          <div role="columnheader">{t('align.columnImported', { language })}</div>
          <div role="columnheader">{t('align.columnScore')}</div>
        </div>
        {shown.length === 0 && <p className="align-hint">{t('align.nothingShown')}</p>}
        <div style={{ height: virtual.paddingTop }} aria-hidden="true" />
        {virtual.range.map((position) => {
          const index = shown[position];
          const row = index === undefined ? undefined : rows[index];
          if (index === undefined || !row) return null;
          return (
            <AlignRowView
              key={index}
              row={row}
              index={index}
              position={position}
              pivotTexts={pivotTexts}
              below={row.pivot.length === 0 && goesBelow(rows, index)}
              active={index === active}
              measure={virtual.measure}
              register={register}
              onFocusRow={activate}
            />
          );
        })}
        <div style={{ height: virtual.paddingBottom }} aria-hidden="true" />
      </div>
      <footer className="align-apply">
        <p className="align-hint">
          {t('align.plan', {
            filled: plan.writes.length - plan.empty,
            empty: plan.empty,
            attached: plan.attached,
            merged: plan.merged,
          })}
        </p>
        {applying !== undefined && <progress max={1} value={applying} aria-label={t('align.applying')} />}
        <button
          type="button"
          className="primary"
          onClick={() => void apply()}
          disabled={applying !== undefined}
        >
          {t('align.apply', { language })}
        </button>
        <button type="button" onClick={onDiscard} disabled={applying !== undefined}>
          {t('align.discard')}
        </button>
        {error && (
          <p role="alert" className="align-error">
            {error}
          </p>
        )}
      </footer>
    </section>
  );
}
