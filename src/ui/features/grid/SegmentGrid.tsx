import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../core/checks/types.ts';
import type { Unit } from '../../../core/model/types.ts';
import type { Mark } from '../../../core/review/markup.ts';
import type { TermSuggestion } from '../../../core/glossary/termMarks.ts';
import type { RenderingAction } from '../../../core/review/stateMachine.ts';
import { classifyStorageError } from '../../../storage/errors.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import type { IssueMap } from '../../hooks/useIssues.ts';
import { useVirtualRows } from '../../hooks/useVirtualRows.ts';
import type { EditorCommand } from './CellEditor.tsx';
import { SegmentRow } from './SegmentRow.tsx';
import { columnTitleKey, columnsOf } from './columns.ts';

export type ActiveCell = { readonly index: number; readonly lang: string };

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
  /** Keys the grid does not use itself (n, u, a, p, c, /…); return true when handled. */
  readonly onExtraKey?: (key: string) => boolean;
};

const HEADER_HEIGHT = 36;
const NO_ISSUES = new Map<string, readonly Issue[]>();

/** Position of `index` in the sorted `visible`, or of the nearest row after it. */
function positionOf(visible: readonly number[], index: number): number {
  let lo = 0;
  let hi = visible.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((visible[mid] ?? 0) < index) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, visible.length - 1);
}

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
  onExtraKey,
  termMarks,
  suggestions,
}: Props) {
  const { t } = useTranslation();
  const { units, project, renderings } = workbench;
  const columns = columnsOf(project);
  const targetLangs = project.targetLangs;
  const [editing, setEditing] = useState(false);
  const [editorError, setEditorError] = useState<string | undefined>(undefined);
  const gridRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows(visible.length, gridRef, HEADER_HEIGHT);
  const activePosition = positionOf(visible, active.index);
  const { scrollToPosition } = virtual;

  useEffect(() => {
    scrollToPosition(activePosition);
    if (!editing && gridRef.current && !gridRef.current.contains(document.activeElement))
      gridRef.current.focus();
  }, [activePosition, editing, scrollToPosition]);

  const move = useCallback(
    (delta: number) => {
      const target = visible[Math.max(0, Math.min(visible.length - 1, activePosition + delta))];
      if (target !== undefined) onActiveChange({ index: target, lang: active.lang });
    },
    [visible, activePosition, active.lang, onActiveChange],
  );

  const onActivate = useCallback(
    (unit: Unit, lang?: string, edit = false) => {
      onActiveChange({ index: unit.index, lang: lang ?? active.lang });
      setEditorError(undefined);
      setEditing(edit);
    },
    [active.lang, onActiveChange],
  );

  const run = useCallback(
    async (unit: Unit, lang: string, actions: readonly RenderingAction[]): Promise<boolean> => {
      let outcome;
      try {
        outcome = await workbench.act(unit, lang, actions);
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

  const onCommand = useCallback(
    async (unit: Unit, lang: string, command: EditorCommand) => {
      const current = renderings.get(lang)?.get(unit.id);
      const changed = command.type !== 'cancel' && command.text !== (current?.text ?? '');
      const edit = changed && 'text' in command ? [{ type: 'edit', text: command.text } as const] : [];
      switch (command.type) {
        case 'cancel':
          setEditorError(undefined);
          setEditing(false);
          return;
        case 'approve':
          if (await run(unit, lang, [...edit, { type: 'approve' }])) {
            setEditorError(undefined);
            if (activePosition < visible.length - 1) move(1);
            else setEditing(false);
          }
          return;
        case 'save':
          if (changed && command.text.trim() !== '' && !(await run(unit, lang, edit))) return;
          setEditorError(undefined);
          if (command.move === 0) setEditing(false);
          else move(command.move);
          return;
        case 'reject':
          if (await run(unit, lang, [...edit, { type: 'reject', reason: command.reason }])) {
            setEditorError(undefined);
            setEditing(false);
          }
          return;
      }
    },
    [renderings, run, move, activePosition, visible.length],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing || event.target !== event.currentTarget || event.ctrlKey || event.metaKey) return;
    const langIndex = targetLangs.indexOf(active.lang);
    const moves: Record<string, number> = {
      ArrowDown: 1,
      j: 1,
      ArrowUp: -1,
      k: -1,
      PageDown: 10,
      PageUp: -10,
      Home: -visible.length,
      End: visible.length,
    };
    const delta = moves[event.key];
    if (delta !== undefined) {
      event.preventDefault();
      move(delta);
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const next = targetLangs[langIndex + (event.key === 'ArrowRight' ? 1 : -1)];
      if (next) onActiveChange({ index: active.index, lang: next });
    } else if (event.key === 'Enter' && visible.length > 0) {
      event.preventDefault();
      if (!visible.includes(active.index)) move(0);
      setEditorError(undefined);
      setEditing(true);
    } else if (!event.altKey && onExtraKey?.(event.key)) {
      event.preventDefault();
    }
  };

  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label={t('grid.label')}
      aria-rowcount={units.length + 1}
      aria-colcount={columns.length + 1}
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
