import { useEffect, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { entrySummary } from '../../../core/glossary/status.ts';
import type { Term, TermEntry, TermStatus } from '../../../core/model/term.ts';
import { termsIn } from './glossaryColumns.ts';
import { commandFor } from '../../keymap/keymap.ts';
import type { SortKey } from './filterEntries.ts';
import type { Occurrence } from '../../../core/glossary/occurrences.ts';

/** What a key in the table asks for; the view decides what it does. */
export type TableCommand =
  | { readonly type: 'move'; readonly to: number; readonly extend: boolean }
  | { readonly type: 'term'; readonly delta: number }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'toggle' }
  | { readonly type: 'selectAll' }
  | { readonly type: 'clear' }
  | { readonly type: 'status'; readonly status: TermStatus }
  | { readonly type: 'edit' }
  | { readonly type: 'delete' }
  | { readonly type: 'new' };

const STATUS_KEYS: Readonly<Record<string, TermStatus>> = { a: 'approved', f: 'forbidden', p: 'proposed' };

/** Maps a key press on the table to a command through the keymap; undefined for keys the table leaves alone. */
export function commandOf(event: KeyboardEvent, active: number, count: number): TableCommand | undefined {
  const last = Math.max(0, count - 1);
  const move = (to: number): TableCommand => ({ type: 'move', to, extend: event.shiftKey });
  const command = commandFor('glossary', event.nativeEvent);
  switch (command) {
    case 'glossaryDown':
      return move(Math.min(last, active + 1));
    case 'glossaryUp':
      return move(Math.max(0, active - 1));
    case 'glossaryPageDown':
      return move(Math.min(last, active + 10));
    case 'glossaryPageUp':
      return move(Math.max(0, active - 10));
    case 'glossaryFirst':
      return move(0);
    case 'glossaryLast':
      return move(last);
    case 'glossaryTermNext':
      return { type: 'term', delta: 1 };
    case 'glossaryTermPrevious':
      return { type: 'term', delta: -1 };
    case 'glossarySelect':
      return { type: 'toggle' };
    case 'glossarySelectAll':
      return { type: 'selectAll' };
    case 'glossaryClear':
      return { type: 'clear' };
    case 'glossaryEdit':
      return { type: 'edit' };
    case 'glossaryDelete':
      return { type: 'delete' };
    case 'glossaryNew':
      return { type: 'new' };
    case 'glossaryUndo':
      return { type: 'undo' };
    case 'glossaryRedo':
      return { type: 'redo' };
    case 'glossaryStatus': {
      const status = STATUS_KEYS[event.key.toLowerCase()];
      return status ? { type: 'status', status } : undefined;
    }
    default:
      return undefined;
  }
}

type Props = {
  readonly tableRef: RefObject<HTMLTableElement | null>;
  readonly entries: readonly TermEntry[];
  readonly langs: readonly string[];
  readonly occurrences: ReadonlyMap<string, Occurrence>;
  /** True while the worker is still counting where entries occur. */
  readonly counting?: boolean;
  readonly activeIndex: number;
  /** The term the cursor is on in the active row (← →), as an index into cursorTerms; none: the whole entry. */
  readonly activeTerm?: number;
  readonly selected: ReadonlySet<string>;
  readonly sort: SortKey;
  readonly onSort: (column: string) => void;
  readonly onCommand: (command: TableCommand) => void;
  readonly onActivate: (index: number) => void;
  readonly onToggle: (id: string) => void;
  /** Entry being edited and its form, shown in a row under it. */
  readonly editing?: { readonly id: string; readonly form: ReactNode };
  readonly formatDate: (at: number) => string;
  /** The date alone, for the compact who-and-when line under each term. */
  readonly formatDay: (at: number) => string;
};

const rowId = (id: string) => `glossary-row-${id.replace(/[^\w-]/g, '_')}`;
const termId = (id: string, index: number) => `${rowId(id)}-term-${index}`;

/** The stored terms of an entry in column order: the terms ← and → step through. */
export function cursorTerms(entry: TermEntry, langs: readonly string[]): Term[] {
  const shown = langs.flatMap((lang) => termsIn(entry, lang).filter((t) => !t.computed));
  const rest = entry.terms.filter((t) => !langs.includes(t.lang));
  return [...shown.map(({ computed: _c, ...t }) => t), ...rest];
}

/**
 * The glossary as a grid, one row per entry: a single tab stop, ↑ ↓ move the active row, ← → the term
 * within it, Space or x selects, a / f / p set the status of the selection (or of the term under the
 * cursor), Enter edits, Delete deletes, n adds, Ctrl+Z / Ctrl+Shift+Z undo and redo.
 */
export function GlossaryTable(props: Props) {
  const { t } = useTranslation();
  const { entries, langs, occurrences, activeIndex, selected, sort } = props;
  const { tableRef } = props;
  const active = entries[activeIndex];
  const activeTerm = active && props.activeTerm !== undefined ? props.activeTerm : undefined;

  useEffect(() => {
    if (!active) return;
    tableRef.current?.querySelector(`#${rowId(active.id)}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, tableRef]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.target !== event.currentTarget) return;
    const command = commandOf(event, activeIndex, entries.length);
    if (!command) return;
    event.preventDefault();
    // Views stay mounted while hidden: the glossary's undo must not reach another view's window listener.
    if (command.type === 'undo' || command.type === 'redo') event.stopPropagation();
    props.onCommand(command);
  };

  const sortHeader = (column: string, label: string) => {
    const current = sort.column === column;
    return (
      <th
        key={column}
        scope="col"
        aria-sort={current ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button type="button" className="glossary-sort" onClick={() => props.onSort(column)}>
          {label}
          <span aria-hidden="true">{current ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };

  const columnCount = langs.length + 6;
  return (
    <table
      ref={tableRef}
      role="grid"
      className="glossary-grid"
      aria-label={t('glossary.table.label')}
      aria-multiselectable="true"
      aria-rowcount={entries.length + 1}
      aria-activedescendant={
        active ? (activeTerm !== undefined ? termId(active.id, activeTerm) : rowId(active.id)) : undefined
      }
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <thead>
        <tr>
          <th scope="col" className="glossary-select-col">
            <span className="visually-hidden">{t('glossary.table.selected')}</span>
          </th>
          {langs.map((lang) => sortHeader(lang, t(`language.${lang}`)))}
          {sortHeader('status', t('glossary.column.entryStatus'))}
          {sortHeader('definition', t('glossary.column.definition'))}
          {sortHeader('partOfSpeech', t('glossary.column.partOfSpeech'))}
          {sortHeader('occurrences', t('glossary.column.occurrences'))}
          {sortHeader('updated', t('glossary.column.updated'))}
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 && (
          <tr>
            <td colSpan={columnCount} className="placeholder">
              {t('glossary.table.empty')}
            </td>
          </tr>
        )}
        {entries.map((entry, index) => {
          const isSelected = selected.has(entry.id);
          const occurrence = occurrences.get(entry.id);
          const first = entry.terms[0]?.text ?? entry.id;
          const summary = entrySummary(entry);
          const cursor = cursorTerms(entry, langs);
          const cursorIndex = (term: Term) =>
            cursor.findIndex((c) => c.lang === term.lang && c.text === term.text);
          return [
            <tr
              key={entry.id}
              id={rowId(entry.id)}
              aria-rowindex={index + 2}
              aria-selected={isSelected}
              className={`glossary-row${index === activeIndex ? ' is-active' : ''}${isSelected ? ' is-selected' : ''}`}
              onClick={() => props.onActivate(index)}
            >
              <td className="glossary-select-col">
                <input
                  type="checkbox"
                  tabIndex={-1}
                  checked={isSelected}
                  aria-label={t('glossary.table.select', { term: first })}
                  onChange={() => props.onToggle(entry.id)}
                />
              </td>
              {langs.map((lang) => (
                <td key={lang} lang={lang} className="glossary-terms">
                  {termsIn(entry, lang).map((term) => {
                    const at = term.computed ? -1 : cursorIndex(term);
                    const current = index === activeIndex && at >= 0 && at === activeTerm;
                    return (
                      <div
                        key={term.text}
                        {...(at >= 0 ? { id: termId(entry.id, at) } : {})}
                        className={`glossary-term${term.computed ? ' is-computed' : ''}${current ? ' is-term-active' : ''}`}
                      >
                        <span className="term-text">{term.text}</span>{' '}
                        {term.computed ? (
                          <span className="glossary-computed">{t('glossary.table.computed')}</span>
                        ) : (
                          <>
                            <span className={`term-status status-${term.status}`}>
                              {t(`glossary.status.${term.status}`)}
                            </span>
                            {(term.setBy || term.setAt !== undefined) && (
                              <span
                                className="glossary-set-by"
                                title={term.setAt !== undefined ? props.formatDate(term.setAt) : undefined}
                              >
                                {[term.setBy, term.setAt !== undefined ? props.formatDay(term.setAt) : '']
                                  .filter(Boolean)
                                  .join(' · ')}
                              </span>
                            )}
                          </>
                        )}
                      </div>
                    );
                  })}
                </td>
              ))}
              <td className="glossary-entry-status">
                <span className={`term-status status-${summary.status}`}>
                  {t(`glossary.status.${summary.status}`)}
                </span>
                {summary.undecided.length > 0 && summary.status === 'proposed' && (
                  <span className="glossary-set-by">
                    {t('glossary.table.undecided', {
                      langs: summary.undecided.map((l) => t(`language.${l}`, { defaultValue: l })).join(', '),
                    })}
                  </span>
                )}
              </td>
              <td className="glossary-definition">
                {entry.definition}
                {entry.note && <div className="glossary-note">{entry.note}</div>}
              </td>
              <td>{entry.partOfSpeech ? t(`glossary.pos.${entry.partOfSpeech}`) : ''}</td>
              <td className="glossary-occurrences">
                {occurrence
                  ? t('glossary.table.occurrences', {
                      count: occurrence.units.length,
                      units:
                        occurrence.units.slice(0, 8).join(', ') + (occurrence.units.length > 8 ? '…' : ''),
                    })
                  : props.counting
                    ? t('glossary.table.counting')
                    : t('glossary.table.noOccurrences')}
              </td>
              <td className="glossary-updated" title={props.formatDate(entry.updatedAt)}>
                {props.formatDay(entry.updatedAt)}
              </td>
            </tr>,
            props.editing?.id === entry.id ? (
              <tr key={`${entry.id}-editor`} className="glossary-editor-row">
                <td colSpan={columnCount}>{props.editing.form}</td>
              </tr>
            ) : null,
          ];
        })}
      </tbody>
    </table>
  );
}
