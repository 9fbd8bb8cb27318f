import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { markRange, moveMark, type MarkMove, type MarkSpan } from '../../../core/review/markSpan.ts';
import { commandFor, type Command } from '../../keymap/keymap.ts';
import { focusIsLost, returnFocus } from '../../keymap/focusModel.ts';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../core/checks/types.ts';
import type { Unit } from '../../../core/model/types.ts';
import type { Mark } from '../../../core/review/markup.ts';
import type { TermSuggestion } from '../../../core/glossary/termMarks.ts';
import type { Expectation, RenderingAction } from '../../../core/review/stateMachine.ts';
import { classifyStorageError } from '../../../storage/errors.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import type { IssueMap } from '../../hooks/useIssues.ts';
import { useVirtualRows } from '../../hooks/useVirtualRows.ts';
import type { EditorCommand } from './CellEditor.tsx';
import { SegmentRow } from './SegmentRow.tsx';
import { holdKey, pressHeldKey, type HeldKey } from './keysAhead.ts';
import { neighbourOf, positionOf } from './position.ts';
import { columnTitleKey, columnsOf } from './columns.ts';

export type ActiveCell = { readonly index: number; readonly lang: string };

/** Grid commands the review view carries out (jumps, panels, marking, undo); true when handled. */
export type GridCommand = Exclude<
  Command<'grid'>,
  | 'next'
  | 'previous'
  | 'pageDown'
  | 'pageUp'
  | 'first'
  | 'last'
  | 'languageNext'
  | 'languagePrevious'
  | 'edit'
  | 'mark'
>;

type Props = {
  readonly workbench: Workbench;
  /** Unit indices to show, in order (the current filter). */
  readonly visible: readonly number[];
  readonly issues: IssueMap;
  readonly active: ActiveCell;
  readonly onActiveChange: (cell: ActiveCell) => void;
  readonly checkDraft?: (unit: Unit, lang: string, text: string) => Promise<readonly Issue[]>;
  readonly termMarks?: (text: string, lang: string) => readonly Mark[];
  readonly suggestions?: (unit: Unit, lang: string) => readonly TermSuggestion[];
  /** Commands the grid does not carry out itself; `span` is the marked span when marking. */
  readonly onGridCommand?: (command: GridCommand, span?: { start: number; end: number }) => boolean;
};

const HEADER_HEIGHT = 36;
/** Issues about text that may have moved to or come from a neighbouring unit: those rows are shown beside it. */
const GAP_CHECKS = new Set(['omission', 'addition', 'empty-target', 'length-short', 'length-long']);
const NO_ISSUES = new Map<string, readonly Issue[]>();

/** A write that moves on to a neighbouring unit once done (save and go on, approve and go on). */
type PendingMove = {
  readonly unit: Unit;
  readonly lang: string;
  /** Rows to move once written; 0 leaves the editor where it is. */
  readonly delta: number;
  /** Whether the move still stands: the reviewer may have gone elsewhere (a click) while it was written. */
  follow: boolean;
  /** Keys typed meanwhile, for the unit the move reaches. */
  readonly keys: HeldKey[];
};

/**
 * The document as rows of units, virtualised: only rows near the viewport are in the DOM. Arrow keys (or
 * Alt+arrows) move between the visible units, Left/Right between editable languages, Enter opens the editor.
 */
export function SegmentGrid({
  workbench,
  visible,
  issues,
  active,
  onActiveChange,
  checkDraft,
  onGridCommand,
  termMarks,
  suggestions,
}: Props) {
  const { t } = useTranslation();
  const { units, project, renderings } = workbench;
  const columns = columnsOf(project);
  const targetLangs = project.targetLangs;
  const [editing, setEditing] = useState(false);
  const [editorError, setEditorError] = useState<string | undefined>(undefined);
  const [marking, setMarking] = useState<MarkSpan | undefined>(undefined);
  // While a write that moves on is under way, its editor takes no keys and the grid holds them (see writeAndMove).
  const pending = useRef<PendingMove | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // The rows as now shown, for a move worked out when a write ends rather than when its key was pressed.
  const visibleRef = useRef(visible);
  useLayoutEffect(() => {
    visibleRef.current = visible;
  }, [visible]);
  const gridRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows(visible.length, gridRef, HEADER_HEIGHT);
  const activePosition = positionOf(visible, active.index);
  const { scrollToPosition } = virtual;

  useEffect(() => {
    scrollToPosition(activePosition);
    // Focus model: the grid takes focus back only when focus is lost (a closed editor, a row that scrolled out),
    // never from a field the reviewer is typing into.
    if (!editing && gridRef.current && focusIsLost()) gridRef.current.focus({ preventScroll: true });
  }, [activePosition, editing, scrollToPosition]);

  const activeUnitId = units[visible[activePosition] ?? -1]?.id;
  // A mark belongs to one cell: moving elsewhere ends it.
  const [markedCell, setMarkedCell] = useState({ unit: activeUnitId, lang: active.lang });
  if (markedCell.unit !== activeUnitId || markedCell.lang !== active.lang) {
    setMarkedCell({ unit: activeUnitId, lang: active.lang });
    if (marking) setMarking(undefined);
  }

  const move = useCallback(
    (delta: number) => {
      const target = visible[Math.max(0, Math.min(visible.length - 1, activePosition + delta))];
      if (target !== undefined) onActiveChange({ index: target, lang: active.lang });
    },
    [visible, activePosition, active.lang, onActiveChange],
  );

  const onActivate = useCallback(
    (unit: Unit, lang?: string, edit = false) => {
      // A click chooses the unit: a move waiting for its write is off.
      if (pending.current) pending.current.follow = false;
      onActiveChange({ index: unit.index, lang: lang ?? active.lang });
      setEditorError(undefined);
      setEditing(edit);
    },
    [active.lang, onActiveChange],
  );

  const run = useCallback(
    async (
      unit: Unit,
      lang: string,
      actions: readonly RenderingAction[],
      expect?: Expectation,
    ): Promise<boolean> => {
      let outcome;
      try {
        outcome = await workbench.act(unit, lang, actions, expect);
      } catch (error) {
        const failure = classifyStorageError(error);
        setEditorError(t(`storage.failure.${failure.failure}`, { message: failure.message }));
        return false;
      }
      if (!outcome.ok)
        setEditorError(t(`transition.${outcome.error.code}`, { from: t(`state.${outcome.error.from}`) }));
      return outcome.ok;
    },
    [workbench, t],
  );

  const leaveEditor = useCallback(() => {
    setEditing(false);
    gridRef.current?.focus({ preventScroll: true });
  }, []);

  /**
   * Writes, then moves `delta` rows on from the written unit, whatever the rows became meanwhile, with its editor
   * open (or leaves the editor when `delta` is 0). Keys typed during the write are held by the grid (the editor's
   * text has been sent, so it takes none) and pressed once the move is on the page: text typed goes to the next
   * unit's editor, Esc leaves it (the move still happens), arrows then move on the grid.
   */
  const writeAndMove = useCallback(
    async (unit: Unit, lang: string, delta: number, write: () => Promise<boolean>) => {
      const held: PendingMove = { unit, lang, delta, follow: true, keys: [] };
      pending.current = held;
      setBusy(true);
      gridRef.current?.focus({ preventScroll: true });
      let ok = false;
      try {
        ok = await write();
      } finally {
        if (pending.current === held) pending.current = undefined;
        // The move (and the next editor, focused as it mounts) is on the page before the held keys are pressed.
        flushSync(() => {
          setBusy(false);
          if (!ok || !held.follow) return;
          setEditorError(undefined);
          const target = delta === 0 ? undefined : neighbourOf(visibleRef.current, unit.index, delta);
          if (target === undefined) {
            setEditing(false);
            return;
          }
          onActiveChange({ index: target, lang });
          setEditing(true);
        });
      }
      // The editor takes the keys again where it stayed open (a failed write, a move held at the last row); a click
      // elsewhere meanwhile keeps the focus it gave.
      if (held.follow) returnFocus();
      else if (focusIsLost()) gridRef.current?.focus({ preventScroll: true });
      held.keys.forEach((key, i) => {
        // A key that started another write hands the keys after it on to that one.
        const next = pending.current;
        if (next && next !== held) next.keys.push(...held.keys.slice(i));
        // Each key lands on the page as its handlers leave it (focus moved, editor opened) before the next.
        else if (!next) flushSync(() => pressHeldKey(key));
      });
    },
    [onActiveChange],
  );

  // Focus may leave the grid during the write (its rows re-rendered, a panel took it): keys typed then are held too.
  useEffect(() => {
    if (!busy) return;
    const hold = (event: globalThis.KeyboardEvent) => {
      const held = pending.current;
      if (!held || !focusIsLost()) return;
      event.preventDefault();
      event.stopPropagation();
      held.keys.push(holdKey(event));
    };
    window.addEventListener('keydown', hold, true);
    return () => window.removeEventListener('keydown', hold, true);
  }, [busy]);

  const onCommand = useCallback(
    async (unit: Unit, lang: string, command: EditorCommand) => {
      // The editor of a write under way takes no commands (the grid holds its keys).
      if (pending.current) return;
      const current = renderings.get(lang)?.get(unit.id);
      const changed = command.type !== 'cancel' && command.text !== (current?.text ?? '');
      const edit = changed && 'text' in command ? [{ type: 'edit', text: command.text } as const] : [];
      // The editor says which revision its text was based on: a write over a change it has not shown is refused.
      const expect: Expectation | undefined =
        command.type === 'cancel' ? undefined : { revision: command.baseRevision };
      switch (command.type) {
        case 'cancel':
          setEditorError(undefined);
          setEditing(false);
          gridRef.current?.focus({ preventScroll: true });
          return;
        case 'approve': {
          const last = visible[visible.length - 1];
          await writeAndMove(unit, lang, last === undefined || unit.index >= last ? 0 : 1, () =>
            run(unit, lang, [...edit, { type: 'approve' }], expect),
          );
          return;
        }
        case 'save': {
          const write = async () =>
            !changed || command.text.trim() === '' || (await run(unit, lang, edit, expect));
          if (command.move !== 0) {
            await writeAndMove(unit, lang, command.move, write);
            return;
          }
          if (!(await write())) return;
          setEditorError(undefined);
          leaveEditor();
          return;
        }
        case 'reject':
          if (await run(unit, lang, [...edit, { type: 'reject', reason: command.reason }], expect)) {
            setEditorError(undefined);
            leaveEditor();
          }
          return;
      }
    },
    [renderings, run, writeAndMove, visible, leaveEditor],
  );

  const activeText = (): string => {
    const unit = units[visible[activePosition] ?? -1];
    return (unit && renderings.get(active.lang)?.get(unit.id)?.text) ?? '';
  };

  const markKey = (event: KeyboardEvent<HTMLDivElement>, mark: MarkSpan): boolean => {
    const command = commandFor('mark', event.nativeEvent);
    if (!command) return false;
    const moves: Partial<Record<typeof command, [MarkMove, boolean]>> = {
      extendRight: ['right', true],
      extendLeft: ['left', true],
      extendWordRight: ['wordRight', true],
      extendWordLeft: ['wordLeft', true],
      caretRight: ['right', false],
      caretLeft: ['left', false],
    };
    const step = moves[command];
    if (step) setMarking(moveMark(activeText(), mark, step[0], step[1]));
    else if (command === 'markCancel') setMarking(undefined);
    else if (command === 'markAnnotate') {
      const range = markRange(mark);
      if (range.end > range.start) {
        setMarking(undefined);
        onGridCommand?.('annotate', range);
      }
    }
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const held = pending.current;
    if (held) {
      // A write that moves on is under way: the key is for the unit it moves to (see writeAndMove).
      event.preventDefault();
      event.stopPropagation();
      held.keys.push(holdKey(event.nativeEvent));
      return;
    }
    // Keys typed inside the grid's children (the editor, buttons) belong to them.
    if (editing || event.target !== event.currentTarget) return;
    if (marking && markKey(event, marking)) {
      event.preventDefault();
      return;
    }
    const command = commandFor('grid', event.nativeEvent);
    if (!command) return;
    const langIndex = targetLangs.indexOf(active.lang);
    const moves: Partial<Record<typeof command, number>> = {
      next: 1,
      previous: -1,
      pageDown: 10,
      pageUp: -10,
      first: -visible.length,
      last: visible.length,
    };
    const delta = moves[command];
    if (delta !== undefined) {
      event.preventDefault();
      move(delta);
      return;
    }
    switch (command) {
      case 'languageNext':
      case 'languagePrevious': {
        event.preventDefault();
        const next = targetLangs[langIndex + (command === 'languageNext' ? 1 : -1)];
        if (next) onActiveChange({ index: active.index, lang: next });
        return;
      }
      case 'edit':
        if (visible.length === 0) return;
        event.preventDefault();
        if (!visible.includes(active.index)) move(0);
        setEditorError(undefined);
        setEditing(true);
        return;
      case 'mark':
        if (activeText() === '') return;
        event.preventDefault();
        setMarking({ anchor: 0, focus: 0 });
        return;
      default:
        if (onGridCommand?.(command as GridCommand)) event.preventDefault();
    }
  };

  // Where the active unit lacks or has extra text, its neighbours are highlighted: the text may be there.
  const activeIssues = activeUnitId ? issues.get(active.lang)?.get(activeUnitId) : undefined;
  const gapAround = activeIssues?.some((issue) => GAP_CHECKS.has(issue.check)) ?? false;
  const activeShown = visible[activePosition];

  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label={t('grid.label')}
      aria-rowcount={units.length + 1}
      aria-colcount={columns.length + 1}
      aria-describedby={marking ? 'grid-marking-hint' : undefined}
      tabIndex={0}
      className={`segment-grid${units.some((u) => u.source !== '') ? '' : ' no-source'}`}
      onKeyDown={onKeyDown}
    >
      <div role="row" aria-rowindex={1} className="grid-row grid-header">
        <div role="columnheader" className="cell cell-number">
          #
        </div>
        {columns.map((column) => (
          <div
            role="columnheader"
            key={`${column.kind}-${column.lang}`}
            className={`cell cell-${column.kind}`}
          >
            {t(columnTitleKey(column))}
            {column.kind === 'target' && column.lang === active.lang && (
              <span className="active-column-dot" aria-hidden="true" />
            )}
          </div>
        ))}
      </div>
      {marking && (
        <p id="grid-marking-hint" className="marking-hint" role="status">
          {t('grid.marking')}
        </p>
      )}
      {visible.length === 0 && <p className="grid-empty">{t('filter.nothing')}</p>}
      <div style={{ height: virtual.paddingTop }} aria-hidden="true" />
      {virtual.range.map((position) => {
        const unit = units[visible[position] ?? -1];
        if (!unit) return null;
        const isActive = unit.index === visible[activePosition];
        const perUnit = new Map(targetLangs.map((lang) => [lang, renderings.get(lang)?.get(unit.id)]));
        const unitIssues = new Map<string, readonly Issue[]>();
        for (const lang of targetLangs) {
          const list = issues.get(lang)?.get(unit.id);
          if (list) unitIssues.set(lang, list);
        }
        const previous = units[unit.index - 1];
        return (
          <SegmentRow
            key={unit.id}
            unit={unit}
            position={position}
            columns={columns}
            renderings={perUnit}
            issues={unitIssues.size > 0 ? unitIssues : NO_ISSUES}
            active={isActive}
            activeLang={active.lang}
            editingLang={isActive && editing ? active.lang : undefined}
            editorError={isActive ? editorError : undefined}
            editorBusy={isActive && editing && busy}
            marked={isActive && marking ? markRange(marking) : undefined}
            gapNeighbour={gapAround && activeShown !== undefined && Math.abs(unit.index - activeShown) === 1}
            paragraphStart={
              previous !== undefined &&
              previous.paragraph !== unit.paragraph &&
              unit.separator.includes('\n\n')
            }
            measure={virtual.measure}
            onActivate={onActivate}
            onCommand={onCommand}
            {...(checkDraft ? { checkDraft } : {})}
            {...(termMarks ? { termMarks } : {})}
            {...(suggestions ? { suggestions } : {})}
          />
        );
      })}
      <div style={{ height: virtual.paddingBottom }} aria-hidden="true" />
    </div>
  );
}
