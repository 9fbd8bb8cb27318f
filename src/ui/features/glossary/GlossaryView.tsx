import { useCallback, useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../../core/glossary/extractCandidates.ts';
import { buildTermIndex } from '../../../core/glossary/match.ts';
import { serialiseGlossaryCsv } from '../../../core/formats/glossaryCsv.ts';
import { serialiseTbx } from '../../../core/formats/tbx.ts';
import type { TermEntry, TermStatus } from '../../../core/model/term.ts';
import { classifyStorageError } from '../../../storage/errors.ts';
import { deleteEntries, saveEntry, setStatusBulk } from '../../../storage/glossary.ts';
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
import { GlossaryTable, type TableCommand } from './GlossaryTable.tsx';
import { useOccurrences } from './useOccurrences.ts';
import type { Occurrence } from '../../../core/glossary/occurrences.ts';

const NO_OCCURRENCES: ReadonlyMap<string, Occurrence> = new Map();
import './glossary.css';

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
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<{ readonly id: string; readonly draft: EntryDraft } | undefined>();
  const [editError, setEditError] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<readonly TermEntry[] | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const formatDate = useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
    return (at: number) => format.format(at);
  }, [i18n.language]);
  const formatDay = useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short' });
    return (at: number) => format.format(at);
  }, [i18n.language]);

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

  const changeStatus = async (to: TermStatus) => {
    const entries = targets();
    if (entries.length === 0) return;
    try {
      const outcome = await setStatusBulk(
        db,
        entries.map((e) => e.id),
        to,
        author,
        Date.now(),
        lang ? { lang } : {},
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
      if (outcome.changed > 0) workbench.reload();
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
        if (command.extend && active) setSelected((s) => new Set([...s, active.id, to.id]));
        return;
      }
      case 'toggle':
        if (active) toggle(active.id);
        return;
      case 'selectAll':
        setSelected(new Set(rows.map((e) => e.id)));
        return;
      case 'clear':
        setSelected(new Set());
        return;
      case 'status':
        void changeStatus(command.status);
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
    if (event.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
      event.preventDefault();
      searchRef.current?.focus();
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
          total={searched.length}
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
        <GlossaryImport workbench={workbench} onDone={setNotice} />
      </div>
      <p className="glossary-hint">{t('glossary.keys')}</p>
      <p role="status" aria-label={t('glossary.notice')} className="glossary-notice">
        {notice}
      </p>
      <div className="glossary-body">
        <div className="glossary-main">
          {editing?.id === NEW && editor(NEW, editing.draft)}
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
            selected={selected}
            sort={sort}
            onSort={(column) =>
              setSort((s) => ({ column, descending: s.column === column ? !s.descending : false }))
            }
            onCommand={onCommand}
            onActivate={(i) => setActiveId(rows[i]?.id)}
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
          />
          <CandidateList workbench={workbench} onAccept={acceptCandidate} />
        </aside>
      </div>
    </div>
  );
}
