import { useCallback, useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { commandFor } from '../../keymap/keymap.ts';
import type { Candidate } from '../../../core/glossary/extractCandidates.ts';
import { buildTermIndex } from '../../../core/glossary/match.ts';
import { serialiseGlossaryCsv } from '../../../core/formats/glossaryCsv.ts';
import { serialiseTbx } from '../../../core/formats/tbx.ts';
import type { TermEntry, TermStatus } from '../../../core/model/term.ts';
import { classifyStorageError } from '../../../storage/errors.ts';
import { deleteEntries, saveEntry, setStatusBulk, type BulkStatusScope } from '../../../storage/glossary.ts';
import { stepOf, type GlossaryStep } from '../../../core/glossary/revertEntries.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { CandidateList } from './CandidateList.tsx';
import { DeleteConfirm } from './DeleteConfirm.tsx';
import { fileBaseName } from './fileBaseName.ts';
import { downloadText } from '../../components/download.ts';
import { EntryDetails } from './EntryDetails.tsx';
import { EntryEditor } from './EntryEditor.tsx';
import { applyDraft, draftOf, newDraft, type EntryDraft } from './entryDraft.ts';
import { matchesFilter, searchEntries, sortEntries, statusCounts, type SortKey } from './filterEntries.ts';
import { glossaryLangs } from './glossaryColumns.ts';
import { GlossaryFilters } from './GlossaryFilters.tsx';
import { GlossaryImport, useProblemText } from './GlossaryImport.tsx';
import { cursorTerms, GlossaryTable, type TableCommand } from './GlossaryTable.tsx';
import { planNeedsReason, StatusConfirm, type StatusPlan } from './StatusConfirm.tsx';
import { useGlossaryUndo } from './useGlossaryUndo.ts';
import { useOccurrences } from './useOccurrences.ts';
import type { Occurrence } from '../../../core/glossary/occurrences.ts';

const NO_OCCURRENCES: ReadonlyMap<string, Occurrence> = new Map();
import './glossary.css';
import { dateFormatter } from '../../../i18n/formatDate.ts';

const NEW = '\u0000new';

/** The project's term base: table with search, filters and bulk status keys, editor, history, candidates, files. */
export function GlossaryView({ workbench }: { readonly workbench: Workbench }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const { project, glossary, db, author } = workbench;
  const langs = useMemo(() => glossaryLangs(project), [project]);
  // Matching depends on the terms' texts only: a status change keeps the index and the occurrences.
  const termsKey = useMemo(
    () =>
      glossary
        .map((e) => `${e.id}\u0001${e.terms.map((x) => `${x.lang}:${x.text}`).join('\u0001')}`)
        .join('\n'),
    [glossary],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const index = useMemo(() => buildTermIndex(glossary), [termsKey]);
  const counted = useOccurrences(index, glossary, project.sourceLang, workbench);
  const occurrences = counted ?? NO_OCCURRENCES;
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<TermStatus | undefined>(undefined);
  const [lang, setLang] = useState<string | undefined>(undefined);
  const [sort, setSort] = useState<SortKey>({ column: langs[0] ?? 'en', descending: false });
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const [activeTerm, setActiveTerm] = useState<number | undefined>(undefined);
  const [statusPlan, setStatusPlan] = useState<
    { readonly plan: StatusPlan; readonly scope: BulkStatusScope } | undefined
  >(undefined);
  const history = useGlossaryUndo(db, author);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<{ readonly id: string; readonly draft: EntryDraft } | undefined>();
  const [editError, setEditError] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<readonly TermEntry[] | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const formatDate = useMemo(() => dateFormatter(i18n.language, 'short'), [i18n.language]);
  const formatDay = useMemo(() => dateFormatter(i18n.language, 'day'), [i18n.language]);

  // Typing stays responsive on large glossaries: the search follows the query when React has time.
  const deferredQuery = useDeferredValue(query);
  const searched = useMemo(() => {
    const found = searchEntries(glossary, index, deferredQuery);
    return found ? glossary.filter((e) => found.has(e.id)) : glossary;
  }, [glossary, index, deferredQuery]);
  const counts = useMemo(() => statusCounts(searched, lang), [searched, lang]);
  const rows = useMemo(
    () =>
      sortEntries(
        searched.filter((e) =>
          matchesFilter(e, { query, ...(status ? { status } : {}), ...(lang ? { lang } : {}) }),
        ),
        sort,
        occurrences,
        i18n.language,
      ),
    [searched, query, status, lang, sort, occurrences, i18n.language],
  );
  const activeIndex = Math.max(
    0,
    rows.findIndex((e) => e.id === activeId),
  );
  const active = rows[activeIndex];
  const focusTable = () => setTimeout(() => tableRef.current?.focus(), 0);

  const fail = useCallback(
    (failure: unknown) => {
      const storage = classifyStorageError(failure);
      setNotice(t(`storage.failure.${storage.failure}`, { message: storage.message }));
    },
    [t],
  );

  const targets = (): TermEntry[] => {
    const chosen = rows.filter((e) => selected.has(e.id));
    return chosen.length > 0 ? chosen : active ? [active] : [];
  };

  /** Which terms a status key acts on: the term under the cursor, or every term (of the filtered language). */
  const statusScope = (): BulkStatusScope => {
    const term =
      selected.size === 0 && active && activeTerm !== undefined
        ? cursorTerms(active, langs)[activeTerm]
        : undefined;
    if (term) return { terms: [{ lang: term.lang, text: term.text }] };
    return lang ? { lang } : {};
  };

  const changeStatus = (
    to: TermStatus,
    only?: { readonly entries: readonly TermEntry[]; readonly scope: BulkStatusScope },
  ) => {
    const entries = only?.entries ?? targets();
    const scope = only?.scope ?? statusScope();
    const inScope = (term: { lang: string; text: string }) =>
      (scope.lang === undefined || term.lang === scope.lang) &&
      (scope.terms === undefined || scope.terms.some((r) => r.lang === term.lang && r.text === term.text));
    const plan: StatusPlan = {
      to,
      entries: entries
        .map((entry) => ({
          entry,
          terms: entry.terms
            .filter((term) => inScope(term) && term.status !== to)
            .map((term) => ({ lang: term.lang, text: term.text, from: term.status })),
        }))
        .filter((e) => e.terms.length > 0),
    };
    if (plan.entries.length === 0) {
      setNotice(t('glossary.bulk.nothing', { status: t(`glossary.status.${to}`) }));
      return;
    }
    // A key over a selection says first which entries it changes; a reversed decision asks for its reason.
    if (entries.length > 1 || planNeedsReason(plan)) setStatusPlan({ plan, scope });
    else void applyStatus(plan, scope, '');
  };

  const applyStatus = async (plan: StatusPlan, scope: BulkStatusScope, reason: string) => {
    const to = plan.to;
    try {
      const outcome = await setStatusBulk(
        db,
        plan.entries.map((e) => e.entry.id),
        to,
        author,
        Date.now(),
        { ...scope, ...(reason ? { reason } : {}) },
      );
      history.push(
        stepOf('glossary.undo.status', outcome.before, outcome.after, {
          status: t(`glossary.status.${to}`),
          count: outcome.changed,
        }),
      );
      const parts = [t('glossary.bulk.done', { count: outcome.changed, status: t(`glossary.status.${to}`) })];
      if (outcome.refused.length > 0)
        parts.push(
          t('glossary.bulk.refused', {
            count: outcome.refused.length,
            terms: outcome.refused.map((r) => r.term).join(', '),
          }),
        );
      setNotice(parts.join(' '));
      // The selection was for this change: a later key must not reach entries decided just now.
      setSelected(new Set());
      if (outcome.changed > 0) workbench.reload();
    } catch (failure) {
      fail(failure);
    }
  };

  const record = (step: GlossaryStep) => history.push(step);

  const revert = async (direction: 'undo' | 'redo') => {
    try {
      const outcome = direction === 'undo' ? await history.undo() : await history.redo();
      if (!outcome) {
        setNotice(t(direction === 'undo' ? 'glossary.undo.nothing' : 'glossary.undo.nothingToRedo'));
        return;
      }
      if ('refused' in outcome) {
        setNotice(problemText(outcome.refused));
        return;
      }
      setNotice(
        t(direction === 'undo' ? 'glossary.undo.undone' : 'glossary.undo.redone', {
          action: t(outcome.step.label, outcome.step.params),
        }),
      );
      workbench.reload();
    } catch (failure) {
      fail(failure);
    }
  };

  const onCommand = (command: TableCommand) => {
    switch (command.type) {
      case 'move': {
        const to = rows[command.to];
        if (!to) return;
        setActiveId(to.id);
        if (to.id !== active?.id) setActiveTerm(undefined);
        if (command.extend && active) setSelected((s) => new Set([...s, active.id, to.id]));
        return;
      }
      case 'term': {
        if (!active) return;
        const count = cursorTerms(active, langs).length;
        const next =
          activeTerm === undefined ? (command.delta > 0 ? 0 : count - 1) : activeTerm + command.delta;
        setActiveTerm(next >= 0 && next < count ? next : undefined);
        return;
      }
      case 'undo':
        void revert('undo');
        return;
      case 'redo':
        void revert('redo');
        return;
      case 'toggle':
        if (active) toggle(active.id);
        return;
      case 'selectAll':
        setSelected(new Set(rows.map((e) => e.id)));
        return;
      case 'clear':
        setSelected(new Set());
        setActiveTerm(undefined);
        return;
      case 'status':
        changeStatus(command.status);
        return;
      case 'edit':
        if (active) startEditing(active.id, draftOf(active));
        return;
      case 'delete':
        if (targets().length > 0) setConfirming(targets());
        return;
      case 'new':
        startEditing(NEW, newDraft(langs));
        return;
    }
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const startEditing = (id: string, draft: EntryDraft) => {
    setEditError(undefined);
    setEditing({ id, draft });
  };

  const closeEditor = () => {
    setEditing(undefined);
    setEditError(undefined);
    focusTable();
  };

  const save = async (draft: EntryDraft) => {
    if (!editing) return;
    const original = glossary.find((e) => e.id === editing.id);
    const result = applyDraft(original, draft, { projectId: project.id, by: author, at: Date.now() });
    if (!result.ok) {
      setEditError(problemText(result.error));
      return;
    }
    if (result.value.changes.length > 0) {
      setBusy(true);
      try {
        await saveEntry(db, result.value.entry, result.value.changes);
        record(
          stepOf(
            original ? 'glossary.undo.edit' : 'glossary.undo.add',
            original ? [original] : [],
            [result.value.entry],
            {
              term: result.value.entry.terms[0]?.text ?? '',
            },
          ),
        );
        workbench.reload();
        setNotice(
          t(original ? 'glossary.editor.saved' : 'glossary.editor.added', {
            term: result.value.entry.terms[0]?.text ?? '',
          }),
        );
      } catch (failure) {
        const storage = classifyStorageError(failure);
        setEditError(t(`storage.failure.${storage.failure}`, { message: storage.message }));
        return;
      } finally {
        setBusy(false);
      }
    }
    setActiveId(result.value.entry.id);
    if (!original) {
      // A new entry must be visible: clear what would hide it.
      setQuery('');
      setStatus(undefined);
      setLang(undefined);
    }
    closeEditor();
  };

  const confirmDelete = async () => {
    const entries = confirming ?? [];
    setConfirming(undefined);
    try {
      await deleteEntries(db, entries, author, Date.now());
      record(stepOf('glossary.undo.delete', entries, [], { count: entries.length }));
      setSelected(new Set());
      setNotice(t('glossary.delete.done', { count: entries.length }));
      workbench.reload();
    } catch (failure) {
      fail(failure);
    }
    focusTable();
  };

  const acceptCandidate = (candidate: Candidate) =>
    startEditing(
      NEW,
      newDraft(langs, {
        terms: candidate.entry.terms,
        ...(candidate.entry.definition ? { definition: candidate.entry.definition } : {}),
      }),
    );

  const exportAs = (format: 'tbx' | 'csv') => {
    const base = `${fileBaseName(project.name)}-glossary`;
    if (format === 'tbx')
      downloadText(
        `${base}.tbx`,
        'application/x-tbx+xml',
        serialiseTbx(glossary, { lang: project.sourceLang, title: project.name }),
      );
    else downloadText(`${base}.csv`, 'text/csv', serialiseGlossaryCsv(glossary, { ids: true }));
    setNotice(t('glossary.export.done', { count: glossary.length }));
  };

  const onViewKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.defaultPrevented || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const command = commandFor('glossary', event.nativeEvent);
    if (command === 'glossarySearch') {
      event.preventDefault();
      searchRef.current?.focus();
    } else if (command === 'glossaryUndo' || command === 'glossaryRedo') {
      event.preventDefault();
      event.stopPropagation();
      void revert(command === 'glossaryRedo' ? 'redo' : 'undo');
    }
  };

  const editor = (id: string, draft: EntryDraft) => (
    <EntryEditor
      key={id}
      title={
        id === NEW
          ? t('glossary.editor.newTitle')
          : t('glossary.editor.editTitle', { term: draft.terms[0]?.text ?? '' })
      }
      initial={draft}
      stored={glossary.find((e) => e.id === id)?.terms.map((term) => term.status) ?? []}
      langs={langs}
      busy={busy}
      {...(editError ? { error: editError } : {})}
      onSave={(d) => void save(d)}
      onCancel={closeEditor}
    />
  );

  return (
    <div className="glossary-view" onKeyDown={onViewKeyDown}>
      <div className="glossary-toolbar">
        <GlossaryFilters
          searchRef={searchRef}
          query={query}
          onQuery={setQuery}
          onLeaveSearch={() => tableRef.current?.focus()}
          status={status}
          onStatus={setStatus}
          lang={lang}
          onLang={setLang}
          langs={langs}
          counts={counts}
        />
        <button type="button" className="glossary-button" onClick={() => startEditing(NEW, newDraft(langs))}>
          {t('glossary.add')}
        </button>
        <button type="button" className="glossary-button" onClick={() => exportAs('tbx')}>
          {t('glossary.export.tbx')}
        </button>
        <button type="button" className="glossary-button" onClick={() => exportAs('csv')}>
          {t('glossary.export.csv')}
        </button>
        <button
          type="button"
          className="glossary-button"
          disabled={!history.canUndo}
          title={history.nextUndo ? t(history.nextUndo.label, history.nextUndo.params) : undefined}
          onClick={() => void revert('undo')}
        >
          {t('glossary.undo.undo')} <kbd>Ctrl+Z</kbd>
        </button>
        <button
          type="button"
          className="glossary-button"
          disabled={!history.canRedo}
          title={history.nextRedo ? t(history.nextRedo.label, history.nextRedo.params) : undefined}
          onClick={() => void revert('redo')}
        >
          {t('glossary.undo.redo')} <kbd>Ctrl+Shift+Z</kbd>
        </button>
        <GlossaryImport
          workbench={workbench}
          onDone={(message, step) => {
            setNotice(message);
            if (step) record(step);
          }}
        />
      </div>
      <p className="glossary-hint">{t('glossary.keys')}</p>
      <p role="status" aria-label={t('glossary.notice')} className="glossary-notice">
        {notice}
      </p>
      <div className="glossary-body">
        <div className="glossary-main">
          {editing?.id === NEW && editor(NEW, editing.draft)}
          {statusPlan && (
            <StatusConfirm
              plan={statusPlan.plan}
              onConfirm={(reason) => {
                const { plan, scope } = statusPlan;
                setStatusPlan(undefined);
                void applyStatus(plan, scope, reason);
                focusTable();
              }}
              onCancel={() => {
                setStatusPlan(undefined);
                focusTable();
              }}
            />
          )}
          {confirming && (
            <DeleteConfirm
              entries={confirming}
              onConfirm={() => void confirmDelete()}
              onCancel={() => {
                setConfirming(undefined);
                focusTable();
              }}
            />
          )}
          <GlossaryTable
            tableRef={tableRef}
            entries={rows}
            langs={langs}
            occurrences={occurrences}
            counting={counted === undefined}
            activeIndex={activeIndex}
            {...(activeTerm !== undefined ? { activeTerm } : {})}
            selected={selected}
            sort={sort}
            onSort={(column) =>
              setSort((s) => ({ column, descending: s.column === column ? !s.descending : false }))
            }
            onCommand={onCommand}
            onActivate={(i) => {
              if (rows[i]?.id !== active?.id) setActiveTerm(undefined);
              setActiveId(rows[i]?.id);
            }}
            onToggle={toggle}
            {...(editing && editing.id !== NEW
              ? { editing: { id: editing.id, form: editor(editing.id, editing.draft) } }
              : {})}
            formatDate={formatDate}
            formatDay={formatDay}
          />
        </div>
        <aside className="glossary-side" aria-label={t('glossary.side')}>
          <EntryDetails
            db={db}
            entry={active}
            occurrence={active ? occurrences.get(active.id) : undefined}
            formatDate={formatDate}
            sourceLang={project.sourceLang}
            targetLangs={project.targetLangs}
            units={workbench.units}
            renderings={workbench.renderings}
            onTermStatus={(entry, term, status) =>
              changeStatus(status, {
                entries: [entry],
                scope: { terms: [{ lang: term.lang, text: term.text }] },
              })
            }
          />
          <CandidateList workbench={workbench} onAccept={acceptCandidate} />
        </aside>
      </div>
    </div>
  );
}
