import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rendering, Unit } from '../../../core/model/types.ts';
import { diffText } from '../../../core/review/diff.ts';
import { DiffView } from '../../components/DiffView.tsx';
import { StateBadge } from '../../components/StateBadge.tsx';
import { CellEditor, type EditorCommand } from './CellEditor.tsx';
import { columnTitleKey, type Column } from './columns.ts';

type Props = {
  readonly unit: Unit;
  readonly columns: readonly Column[];
  readonly renderings: ReadonlyMap<string, Rendering | undefined>;
  readonly active: boolean;
  readonly activeLang: string;
  readonly editingLang: string | undefined;
  readonly editorError: string | undefined;
  readonly paragraphStart: boolean;
  readonly onActivate: (unit: Unit, lang?: string, edit?: boolean) => void;
  readonly onCommand: (unit: Unit, lang: string, command: EditorCommand) => void;
};

function MachineAwareText({
  text,
  machine,
}: {
  readonly text: string;
  readonly machine: string | undefined;
}) {
  const { t } = useTranslation();
  const spans = useMemo(
    () => (machine !== undefined && machine !== text ? diffText(machine, text) : undefined),
    [machine, text],
  );
  return spans ? <DiffView spans={spans} label={t('grid.diffAgainstMt')} /> : <span>{text}</span>;
}

/** One unit: its number, the source, the machine translation and one cell per target language. */
export const SegmentRow = memo(function SegmentRow(props: Props) {
  const { unit, columns, renderings, active, activeLang, editingLang, editorError, paragraphStart } = props;
  const { t } = useTranslation();
  return (
    <div
      role="row"
      aria-rowindex={unit.index + 2}
      aria-selected={active}
      className={`grid-row kind-${unit.kind}${active ? ' active' : ''}${paragraphStart ? ' paragraph-start' : ''}`}
      data-unit={unit.index}
    >
      <div
        role="rowheader"
        className="cell cell-number"
        title={t('grid.paragraph', { n: unit.paragraph + 1 })}
      >
        {unit.index + 1}
      </div>
      {columns.map((column) => {
        const key = `${column.kind}-${column.lang}`;
        if (column.kind === 'source') {
          return (
            <div
              role="gridcell"
              key={key}
              className="cell cell-source"
              lang={column.lang}
              onClick={() => props.onActivate(unit)}
            >
              {unit.source || <span className="placeholder">{t('grid.noSource')}</span>}
            </div>
          );
        }
        if (column.kind === 'mt') {
          return (
            <div
              role="gridcell"
              key={key}
              className="cell cell-mt"
              lang={column.lang}
              aria-readonly="true"
              onClick={() => props.onActivate(unit)}
            >
              {unit.mt[column.lang] ?? ''}
            </div>
          );
        }
        const rendering = renderings.get(column.lang);
        const machine = unit.mt[column.lang];
        const editing = editingLang === column.lang;
        const focused = active && activeLang === column.lang;
        return (
          <div
            role="gridcell"
            key={key}
            lang={column.lang}
            aria-label={editing ? undefined : `${t(columnTitleKey(column))} ${unit.index + 1}`}
            className={`cell cell-target${focused ? ' focused' : ''}${editing ? ' editing' : ''}`}
            onClick={editing ? undefined : () => props.onActivate(unit, column.lang, true)}
          >
            {editing ? (
              <CellEditor
                label={t(columnTitleKey(column))}
                initialText={rendering?.text ?? ''}
                machineText={machine}
                error={editorError}
                onCommand={(command) => props.onCommand(unit, column.lang, command)}
              />
            ) : (
              <>
                <div className="cell-text">
                  {rendering && rendering.text !== '' && (
                    <MachineAwareText text={rendering.text} machine={machine} />
                  )}
                </div>
                <StateBadge state={rendering?.state ?? 'new'} />
              </>
            )}
          </div>
        );
      })}
    </div>
  );
});
