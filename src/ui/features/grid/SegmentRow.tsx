import { memo, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../core/checks/types.ts';
import type { Rendering, Unit, UnitAlignment } from '../../../core/model/types.ts';
import { useDiffText } from '../../hooks/useDiffText.ts';
import type { Mark } from '../../../core/review/markup.ts';
import type { TermSuggestion } from '../../../core/glossary/termMarks.ts';
import { IssueBadge } from '../../components/IssueBadge.tsx';
import { MarkedText } from '../../components/MarkedText.tsx';
import { StateBadge } from '../../components/StateBadge.tsx';
import type { EditorCommand } from './CellEditor.tsx';
import { preloadable } from '../../components/preloadable.ts';
import { columnTitleKey, type Column } from './columns.ts';

type Props = {
  readonly unit: Unit;
  readonly position: number;
  readonly columns: readonly Column[];
  /** lang → rendering of this unit */
  readonly renderings: ReadonlyMap<string, Rendering | undefined>;
  /** lang → open issues of this unit */
  readonly issues: ReadonlyMap<string, readonly Issue[]>;
  readonly active: boolean;
  readonly activeLang: string;
  readonly editingLang: string | undefined;
  readonly editorError: string | undefined;
  /** The editor's text is being written: it takes no keys until the write is done. */
  readonly editorBusy?: boolean;
  /** The span being marked by keyboard in the active cell, while marking. */
  readonly marked?: { readonly start: number; readonly end: number } | undefined;
  readonly paragraphStart: boolean;
  /** Next to an active unit with an omission or addition: the missing or extra text may be here. */
  readonly gapNeighbour?: boolean;
  readonly measure: (position: number, element: HTMLElement | null) => void;
  readonly onActivate: (unit: Unit, lang?: string, edit?: boolean) => void;
  readonly onCommand: (unit: Unit, lang: string, command: EditorCommand) => void;
  readonly checkDraft?: (unit: Unit, lang: string, text: string) => Promise<readonly Issue[]>;
  /** Glossary terms in a text, to highlight; stable between renders while the glossary stays the same. */
  readonly termMarks?: (text: string, lang: string) => readonly Mark[];
  readonly suggestions?: (unit: Unit, lang: string) => readonly TermSuggestion[];
};

/**
 * The editor opens with Enter or a click, not on the first paint: its code is fetched as the app starts, while the
 * database is read, and the review view waits for it (ReviewView), so no keystroke meant for it is lost.
 */
export const cellEditor = preloadable(() => import('./CellEditor.tsx').then((m) => m.CellEditor));
void cellEditor.preload();
const CellEditor = cellEditor.Component;

const NO_ISSUES: readonly Issue[] = [];

export function issueMarks(issues: readonly Issue[], side: 'target' | 'source'): Mark[] {
  return issues.flatMap((issue) =>
    (issue[side] ?? []).map((span) => ({ ...span, kind: issue.severity, id: issue.id })),
  );
}

const NO_MARKS: readonly Mark[] = [];

/** Whether the reviewer has selected text inside this cell (a drag selects; a plain click activates). */
function selectionInside(cell: HTMLElement): boolean {
  const selection = typeof window.getSelection === 'function' ? window.getSelection() : null;
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return false;
  return cell.contains(selection.getRangeAt(0).commonAncestorContainer);
}

/** The marked span, or a one-character caret mark where the span is still empty. */
function markedMarks(text: string, marked: { start: number; end: number } | undefined): readonly Mark[] {
  if (!marked) return NO_MARKS;
  if (marked.end > marked.start) return [{ ...marked, kind: 'marked' }];
  return marked.start < text.length
    ? [{ start: marked.start, end: marked.start + 1, kind: 'caret' }]
    : [{ start: Math.max(0, text.length - 1), end: text.length, kind: 'caret-end' }];
}
function TargetText(props: {
  readonly text: string;
  readonly machine: string | undefined;
  readonly issues: readonly Issue[];
  readonly terms: readonly Mark[];
  readonly marked: { readonly start: number; readonly end: number } | undefined;
}) {
  const { t } = useTranslation();
  const { text, machine, issues, terms, marked } = props;
  const diffText = useDiffText();
  const diff = useMemo(
    () => (machine !== undefined && machine !== text ? diffText(machine, text) : undefined),
    [machine, text, diffText],
  );
  const marks = useMemo(
    () => [...terms, ...issueMarks(issues, 'target'), ...markedMarks(text, marked)],
    [issues, terms, text, marked],
  );
  return <MarkedText text={text} marks={marks} {...(diff ? { diff, label: t('grid.diffAgainstMt') } : {})} />;
}

function sameEntries<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}

/**
 * Rows re-render only when what they show changed: the per-language maps are rebuilt by the grid on every render,
 * so they are compared by content, not identity. Scrolling then renders only the rows that come into view.
 */
function sameRow(prev: Props, next: Props): boolean {
  for (const key of Object.keys(next) as (keyof Props)[]) {
    if (
      key === 'renderings' ||
      key === 'issues' ||
      key === 'onCommand' ||
      key === 'checkDraft' ||
      key === 'suggestions'
    )
      continue;
    if (prev[key] !== next[key]) return false;
  }
  return (
    sameEntries(prev.renderings, next.renderings) &&
    sameEntries(prev.issues, next.issues) &&
    // Handlers change when the active cell does; only the rows being edited need the fresh ones.
    (next.editingLang === undefined ||
      (prev.onCommand === next.onCommand &&
        prev.checkDraft === next.checkDraft &&
        prev.suggestions === next.suggestions))
  );
}

/** One unit: its number, the source, the machine translation and one cell per target language. */
/** Why an aligned unit has no text in a language: the version dropped it, or rendered it in another row. */
function AlignmentGap({ alignment }: { readonly alignment: UnitAlignment | undefined }) {
  const { t } = useTranslation();
  if (alignment?.gap === 'omitted') return <span className="placeholder">{t('grid.alignedOmitted')}</span>;
  if (alignment?.gap === 'merged' && alignment.into !== undefined)
    return <span className="placeholder">{t('grid.alignedMerged', { n: alignment.into + 1 })}</span>;
  return null;
}

/** This language's alignment confidence, where it is low: another language of the row may be aligned well. */
function LanguageAlignScore({ alignment }: { readonly alignment: UnitAlignment | undefined }) {
  const { t } = useTranslation();
  const score = alignment?.score;
  if (score === undefined || score >= 0.5) return null;
  return (
    <span className="align-warning" title={t('grid.uncertainAlignment', { score: score.toFixed(2) })}>
      ≈
    </span>
  );
}

export const SegmentRow = memo(function SegmentRow(props: Props) {
  const { unit, columns, renderings, issues, active, activeLang, editingLang, editorError, paragraphStart } =
    props;
  const { t } = useTranslation();
  const allIssues = useMemo(() => [...issues.values()].flat(), [issues]);
  return (
    <div
      ref={(element) => props.measure(props.position, element)}
      role="row"
      aria-rowindex={unit.index + 2}
      aria-selected={active}
      className={`grid-row kind-${unit.kind}${active ? ' active' : ''}${paragraphStart ? ' paragraph-start' : ''}${props.gapNeighbour ? ' gap-neighbour' : ''}`}
      title={props.gapNeighbour ? t('grid.gapNeighbour') : undefined}
      data-unit={unit.index}
    >
      <div
        role="rowheader"
        className="cell cell-number"
        title={t('grid.paragraph', { n: unit.paragraph + 1 })}
      >
        <span>{unit.index + 1}</span>
        <IssueBadge issues={allIssues} />
        {unit.alignScore !== undefined && unit.alignScore < 0.5 && (
          <span
            className="align-warning"
            title={t('grid.uncertainAlignment', { score: unit.alignScore.toFixed(2) })}
          >
            ≈
          </span>
        )}
      </div>
      {columns.map((column) => {
        const key = `${column.kind}-${column.lang}`;
        if (column.kind === 'source') {
          const sourceMarks = [
            ...(props.termMarks?.(unit.source, column.lang) ?? NO_MARKS),
            ...issueMarks([...issues.values()].flat(), 'source'),
          ];
          return (
            <div
              role="gridcell"
              key={key}
              className="cell cell-source"
              lang={column.lang}
              onClick={() => props.onActivate(unit)}
            >
              {unit.source ? (
                <MarkedText text={unit.source} marks={sourceMarks} />
              ) : (
                <span className="placeholder">{t('grid.noSource')}</span>
              )}
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
              <MarkedText
                text={unit.mt[column.lang] ?? ''}
                marks={props.termMarks?.(unit.mt[column.lang] ?? '', column.lang) ?? NO_MARKS}
              />
            </div>
          );
        }
        const rendering = renderings.get(column.lang);
        const cellIssues = issues.get(column.lang) ?? NO_ISSUES;
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
            onClick={
              editing
                ? undefined
                : (event) => props.onActivate(unit, column.lang, !selectionInside(event.currentTarget))
            }
          >
            {editing ? (
              <Suspense fallback={<div className="cell-text">{rendering?.text}</div>}>
                <CellEditor
                  label={t(columnTitleKey(column))}
                  text={rendering?.text ?? ''}
                  revision={rendering?.revision ?? 0}
                  machineText={machine}
                  source={unit.source}
                  error={editorError}
                  busy={props.editorBusy ?? false}
                  onCommand={(command) => props.onCommand(unit, column.lang, command)}
                  {...(props.checkDraft
                    ? { checkDraft: (text: string) => props.checkDraft!(unit, column.lang, text) }
                    : {})}
                  {...(props.suggestions ? { suggestions: props.suggestions(unit, column.lang) } : {})}
                />
              </Suspense>
            ) : (
              <>
                <div className="cell-text">
                  {rendering && rendering.text !== '' ? (
                    <TargetText
                      text={rendering.text}
                      machine={machine}
                      issues={cellIssues}
                      terms={props.termMarks?.(rendering.text, column.lang) ?? NO_MARKS}
                      marked={focused ? props.marked : undefined}
                    />
                  ) : (
                    <AlignmentGap alignment={unit.alignment?.[column.lang]} />
                  )}
                </div>
                <div className="cell-meta">
                  <StateBadge state={rendering?.state ?? 'new'} />
                  <LanguageAlignScore alignment={unit.alignment?.[column.lang]} />
                  {rendering?.state === 'rejected' && rendering.reason && (
                    <span className="rejection-reason" title={t('grid.rejectionReason')}>
                      {rendering.reason}
                    </span>
                  )}
                  <IssueBadge issues={cellIssues} />
                </div>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}, sameRow);
