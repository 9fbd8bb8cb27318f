import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../core/model/types.ts';
import type { RenderingAction } from '../../../core/review/stateMachine.ts';
import { classifyStorageError } from '../../../storage/errors.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import type { EditorCommand } from './CellEditor.tsx';
import { SegmentRow } from './SegmentRow.tsx';
import { columnTitleKey, columnsOf } from './columns.ts';

export type ActiveCell = { readonly index: number; readonly lang: string };

type Props = {
  readonly workbench: Workbench;
  readonly onActiveChange?: (cell: ActiveCell) => void;
};

/**
 * The document as rows of units. Arrow keys (or Alt+arrows) move between units, Left/Right between the
 * editable languages, Enter opens the editor; the editor's own keys approve, save and move.
 */
export function SegmentGrid({ workbench, onActiveChange }: Props) {
  const { t } = useTranslation();
  const { units, project, renderings } = workbench;
  const columns = columnsOf(project);
  const targetLangs = project.targetLangs;
  const [active, setActive] = useState<ActiveCell>({ index: 0, lang: targetLangs[0] ?? '' });
  const [editing, setEditing] = useState(false);
  const [editorError, setEditorError] = useState<string | undefined>(undefined);
  const gridRef = useRef<HTMLDivElement>(null);

  useEffect(() => onActiveChange?.(active), [active, onActiveChange]);

  // Keep the active row in view and give the grid focus back when the editor closes.
  useEffect(() => {
    const row = gridRef.current?.querySelector<HTMLElement>(`[data-unit="${active.index}"]`);
    row?.scrollIntoView?.({ block: 'nearest' });
    if (!editing && gridRef.current && !gridRef.current.contains(document.activeElement))
      gridRef.current.focus();
  }, [active, editing]);

  const move = useCallback(
    (delta: number) =>
      setActive((cell) => ({ ...cell, index: Math.max(0, Math.min(units.length - 1, cell.index + delta)) })),
    [units.length],
  );

  const onActivate = useCallback((unit: Unit, lang?: string, edit = false) => {
    setActive((cell) => ({ index: unit.index, lang: lang ?? cell.lang }));
    setEditorError(undefined);
    setEditing(edit);
  }, []);

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
      switch (command.type) {
        case 'cancel':
          setEditorError(undefined);
          setEditing(false);
          return;
        case 'approve':
          if (
            await run(unit, lang, [
              ...(changed ? [{ type: 'edit', text: command.text } as const] : []),
              { type: 'approve' },
            ])
          ) {
            setEditorError(undefined);
            if (unit.index < units.length - 1) move(1);
            else setEditing(false);
          }
          return;
        case 'save':
          if (
            changed &&
            command.text.trim() !== '' &&
            !(await run(unit, lang, [{ type: 'edit', text: command.text }]))
          )
            return;
          setEditorError(undefined);
          if (command.move === 0) setEditing(false);
          else move(command.move);
          return;
        case 'reject': {
          const edit = changed ? [{ type: 'edit', text: command.text } as const] : [];
          if (await run(unit, lang, [...edit, { type: 'reject', reason: command.reason }])) {
            setEditorError(undefined);
            setEditing(false);
          }
          return;
        }
      }
    },
    [renderings, run, move, units.length],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing || event.target !== event.currentTarget) return;
    const langIndex = targetLangs.indexOf(active.lang);
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        event.preventDefault();
        move(1);
        break;
      case 'ArrowUp':
      case 'k':
        event.preventDefault();
        move(-1);
        break;
      case 'PageDown':
        event.preventDefault();
        move(10);
        break;
      case 'PageUp':
        event.preventDefault();
        move(-10);
        break;
      case 'Home':
        event.preventDefault();
        move(-units.length);
        break;
      case 'End':
        event.preventDefault();
        move(units.length);
        break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        event.preventDefault();
        const next = targetLangs[langIndex + (event.key === 'ArrowRight' ? 1 : -1)];
        if (next) setActive((cell) => ({ ...cell, lang: next }));
        break;
      }
      case 'Enter':
        event.preventDefault();
        setEditorError(undefined);
        setEditing(true);
        break;
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
      {units.map((unit, i) => {
        const isActive = unit.index === active.index;
        const perUnit = new Map(targetLangs.map((lang) => [lang, renderings.get(lang)?.get(unit.id)]));
        return (
          <SegmentRow
            key={unit.id}
            unit={unit}
            columns={columns}
            renderings={perUnit}
            active={isActive}
            activeLang={active.lang}
            editingLang={isActive && editing ? active.lang : undefined}
            editorError={isActive ? editorError : undefined}
            paragraphStart={
              i > 0 && units[i - 1]?.paragraph !== unit.paragraph && unit.separator.includes('\n\n')
            }
            onActivate={onActivate}
            onCommand={onCommand}
          />
        );
      })}
    </div>
  );
}
