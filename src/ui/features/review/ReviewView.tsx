import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue, Severity } from '../../../core/checks/types.ts';
import type { PhraseRule } from '../../../core/checks/phraseRules.ts';
import type { SettingsTab } from '../issues/CheckSettingsDialog.tsx';
import type { Unit } from '../../../core/model/types.ts';
import type { TermMark, TermSuggestion } from '../../../core/glossary/termMarks.ts';
import { useTermMatching } from '../../hooks/useTermMatching.ts';
import type { MqmSeverity } from '../../../core/model/review.ts';
import { filterUnits, textMatcher, type FilterCriteria } from '../../../core/review/filter.ts';
import { useLinearRegex } from '../../hooks/useLinearRegex.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import type { IssuesState } from '../../hooks/useIssues.ts';
import { useReviewNotes } from '../../hooks/useReviewNotes.ts';
import { SegmentGrid, type ActiveCell, type GridCommand } from '../grid/SegmentGrid.tsx';
import { selectionOffsets } from '../../components/textSelection.ts';
import { cellEditor } from '../grid/SegmentRow.tsx';
import { positionOf } from '../grid/position.ts';
import { returnFocus } from '../../keymap/focusModel.ts';
import { fixLabel } from '../issues/fixLabel.ts';
import { FilterBar } from '../filter/FilterBar.tsx';
import { BulkActions } from '../bulk/BulkActions.tsx';
import { preloadable } from '../../components/preloadable.ts';
import { MemoryMatchesContext } from '../memory/MemoryMatchesContext.ts';
import { useMemory, useMemoryMatches } from '../memory/useMemory.ts';
import { preloadWhenIdle } from '../../components/preloadWhenIdle.ts';
import { Strings } from '../../components/Strings.tsx';
import type { Correction } from './CorrectionOffer.tsx';

// The side panels come in one chunk, fetched as soon as this view is (not idle: the first screen shows them).
const sidePanels = () => import('./sidePanels.ts');
const panels = {
  history: preloadable(() => sidePanels().then((m) => m.HistoryPanel)),
  glossary: preloadable(() => sidePanels().then((m) => m.GlossaryPanel)),
  issues: preloadable(() => sidePanels().then((m) => m.IssuePanel)),
  comments: preloadable(() => sidePanels().then((m) => m.CommentsPanel)),
  annotations: preloadable(() => sidePanels().then((m) => m.AnnotationPanel)),
  memory: preloadable(() => sidePanels().then((m) => m.MemorySection)),
};
const HistoryPanel = panels.history.Component;
const GlossaryPanel = panels.glossary.Component;
const IssuePanel = panels.issues.Component;
const CommentsPanel = panels.comments.Component;
const AnnotationPanel = panels.annotations.Component;
const MemorySection = panels.memory.Component;
/** The strings of the side panels and of the issues they list. */
const PANEL_STRINGS = ['panels'] as const;

/** The side panels' column: "Loading…" until their code and strings are there. */
function PanelColumn({
  label,
  loading,
  children,
}: {
  readonly label: string;
  readonly loading: string;
  readonly children: ReactNode;
}) {
  return (
    <aside className="side-panels" aria-label={label}>
      <Suspense
        fallback={
          <p className="notice" role="status">
            {loading}
          </p>
        }
      >
        <Strings ns={PANEL_STRINGS}>{children}</Strings>
      </Suspense>
    </aside>
  );
}

const NO_ISSUES: readonly Issue[] = [];
const NO_MARKS: readonly TermMark[] = [];
const NO_SUGGESTIONS: readonly TermSuggestion[] = [];
// Used once an edit is saved: loaded then.
const learnFromCorrection = () => import('../../../core/checks/learnFromCorrection.ts');
preloadWhenIdle(
  () => import('./CorrectionOffer.tsx'),
  () => import('../../../core/checks/learnFromCorrection.ts'),
  () => import('../../hooks/useDiffText.ts').then((m) => m.preloadDiffText()),
);
// Offered after a correction, not on the first screen: loaded then.
const CorrectionOffer = lazy(() =>
  import('./CorrectionOffer.tsx').then((m) => ({ default: m.CorrectionOffer })),
);
const CheckSettingsDialog = lazy(() =>
  import('../issues/CheckSettingsDialog.tsx').then((m) => ({ default: m.CheckSettingsDialog })),
);
const MQM_OF: Readonly<Record<Severity, MqmSeverity>> = {
  minor: 'minor',
  major: 'major',
  critical: 'critical',
};

/** What the selection inside the active target cell covers, as offsets into its current text (deleted text skipped). */
function selectedSpan(cell: Element | null): { start: number; end: number } | undefined {
  return selectionOffsets(cell?.querySelector('.cell-text'));
}

/** The review view: filters and bulk actions, the grid, and the panels of the active unit. */
export function ReviewView({
  workbench,
  issuesState,
}: {
  readonly workbench: Workbench;
  readonly issuesState: IssuesState;
}) {
  // Typing goes to the editor as soon as the grid is there: the grid is not shown before the editor's code.
  if (!cellEditor.loaded()) throw cellEditor.preload();
  const { t, i18n } = useTranslation();
  const { project, units, renderings } = workbench;
  useEffect(() => {
    for (const panel of Object.values(panels)) void panel.preload();
    void i18n.loadNamespaces([...PANEL_STRINGS]);
    // The dialogs' strings are fetched with their code, while the browser is idle.
    preloadWhenIdle(() => i18n.loadNamespaces(['learn', 'settings']));
  }, [i18n]);
  const [active, setActive] = useState<ActiveCell>({ index: 0, lang: project.targetLangs[0] ?? '' });
  const [criteria, setCriteria] = useState<FilterCriteria & { readonly threads?: boolean }>({});
  const [annotating, setAnnotating] = useState<{ start: number; end: number } | 'open' | undefined>(
    undefined,
  );
  const deferredCriteria = useDeferredValue(criteria);
  const notes = useReviewNotes(workbench);
  const { issues } = issuesState;
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [settingsOpen, setSettingsOpen] = useState<
    false | { readonly tab: SettingsTab; readonly draftRule?: PhraseRule }
  >(false);

  const [correction, setCorrection] = useState<Correction>();
  // The grid's edits go through here: an edit that replaced a phrase (word by word, against the text it replaced,
  // else the machine translation) is offered for the other units and as a rule.
  const gridWorkbench = useMemo<Workbench>(
    () => ({
      ...workbench,
      act: async (unit, lang, actions, expect) => {
        const before = workbench.renderings.get(lang)?.get(unit.id)?.text ?? '';
        const outcome = await workbench.act(unit, lang, actions, expect);
        const edit = actions.find((a) => a.type === 'edit');
        if (outcome.ok && edit && 'text' in edit) {
          const { phraseChange } = await learnFromCorrection();
          const machine = unit.mt[lang] ?? '';
          const change =
            (before !== '' ? phraseChange(before, edit.text) : undefined) ?? phraseChange(machine, edit.text);
          if (change) setCorrection({ unitId: unit.id, lang, change });
        }
        return outcome;
      },
    }),
    [workbench],
  );

  const regexReady = useLinearRegex(Boolean(criteria.regex));
  const visible = useMemo(() => {
    const { threads, ...rest } = deferredCriteria;
    return filterUnits(
      { units, langs: project.targetLangs, renderings, issues },
      threads ? { ...rest, unitIds: notes.openThreads } : rest,
    );
    // regexReady: a regular-expression filter typed before its engine arrived runs again once it has.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [units, project.targetLangs, renderings, issues, deferredCriteria, notes.openThreads, regexReady]);
  const matcher = textMatcher(criteria);
  const checksFound = useMemo(() => {
    const ids = new Set<string>();
    for (const perUnit of issues.values())
      for (const list of perUnit.values()) for (const issue of list) ids.add(issue.check);
    return [...ids].sort();
  }, [issues]);

  // The side panels follow the unit the grid shows as active: when a filter hides the chosen unit, that is the
  // nearest visible one, and with nothing visible there is no active unit at all.
  const shownIndex = visible[positionOf(visible, active.index)];
  const shown: ActiveCell = { index: shownIndex ?? -1, lang: active.lang };
  const activeUnit = shownIndex === undefined ? undefined : units[shownIndex];
  const activeRendering = activeUnit ? renderings.get(active.lang)?.get(activeUnit.id) : undefined;
  const activeIssues = (activeUnit && issues.get(active.lang)?.get(activeUnit.id)) || NO_ISSUES;
  const activeDismissed = useMemo(() => {
    if (!activeUnit) return NO_ISSUES;
    const open = new Set(activeIssues.map((issue) => issue.id));
    return (issuesState.all.get(active.lang)?.get(activeUnit.id) ?? NO_ISSUES).filter(
      (issue) => !open.has(issue.id),
    );
  }, [activeUnit, activeIssues, issuesState.all, active.lang]);
  const activeDismissals = useMemo(
    () => issuesState.dismissals.filter((d) => d.renderingId === activeRendering?.id),
    [issuesState.dismissals, activeRendering],
  );
  const unitComments = useMemo(
    () => notes.comments.filter((c) => c.unitId === activeUnit?.id),
    [notes.comments, activeUnit],
  );
  const unitAnnotations = useMemo(
    () => notes.annotations.filter((a) => a.unitId === activeUnit?.id && a.lang === active.lang),
    [notes.annotations, activeUnit, active.lang],
  );

  const memory = useMemory(workbench);
  const memoryMatches = useMemoryMatches(
    memory,
    project.sourceLang,
    activeUnit,
    active.lang,
    activeUnit ? units[activeUnit.index - 1] : undefined,
  );
  const memoryTargets = useMemo(() => memoryMatches.matches.map((m) => m.item.target), [memoryMatches]);

  const [problem, setProblem] = useState<string | undefined>(undefined);
  const report = useCallback(
    (failure: unknown) => setProblem(t('storage.failure.other', { message: String(failure) })),
    [t],
  );

  // A fix rewrites the text its check saw, and only that: if the rendering changed since (another fix, an edit),
  // the write is refused as stale and the re-check offers fresh fixes.
  const applyFix = useCallback(
    async (issue: Issue) => {
      if (!activeUnit || !issue.fix) return;
      const seen = issuesState.checkedText(activeUnit.id, active.lang);
      if (seen === undefined) return;
      const { span, replacement } = issue.fix;
      const text = seen.slice(0, span.start) + replacement + seen.slice(span.end);
      const outcome = await workbench.act(activeUnit, active.lang, [{ type: 'edit', text }], { text: seen });
      setProblem(
        outcome.ok
          ? undefined
          : t(`transition.${outcome.error.code}`, { from: t(`state.${outcome.error.from}`) }),
      );
    },
    [activeUnit, active.lang, workbench, issuesState, t],
  );

  const undoOrRedo = useCallback(
    async (which: 'undo' | 'redo') => {
      const outcome = await workbench[which]();
      if (!outcome) setProblem(t(which === 'undo' ? 'review.nothingToUndo' : 'review.nothingToRedo'));
      else
        setProblem(
          outcome.refused > 0
            ? t('review.undoRefused', { count: outcome.refused })
            : t(which === 'undo' ? 'review.undone' : 'review.redone', { count: outcome.changed }),
        );
    },
    [workbench, t],
  );

  const promote = useCallback(
    async (issue: Issue) => {
      const span = issue.target?.[0];
      if (!activeUnit || !span) return;
      await notes.annotate({
        unitId: activeUnit.id,
        lang: active.lang,
        start: span.start,
        end: span.end,
        category: issue.category,
        severity: MQM_OF[issue.severity],
        fromCheck: issue.check,
        message: { key: issue.messageKey, ...(issue.params ? { params: issue.params } : {}) },
      });
    },
    [activeUnit, active.lang, notes],
  );

  const matching = useTermMatching(workbench.glossary.length > 0);
  const termIndex = useMemo(
    () => matching?.buildTermIndex(workbench.glossary),
    [matching, workbench.glossary],
  );
  const entriesById = useMemo(
    () => new Map(workbench.glossary.map((e) => [e.id as string, e])),
    [workbench.glossary],
  );
  const termMarksFor = useMemo(
    () => (matching && termIndex ? matching.createTermMarker(termIndex, entriesById) : () => NO_MARKS),
    [matching, termIndex, entriesById],
  );
  const suggestionsFor = useCallback(
    (unit: Unit, lang: string) =>
      !matching || !termIndex
        ? NO_SUGGESTIONS
        : matching.termSuggestions(
            termIndex,
            entriesById,
            [
              { text: unit.source, lang: project.sourceLang },
              ...Object.entries(unit.mt).map(([mtLang, text]) => ({ text, lang: mtLang })),
              ...project.targetLangs
                .filter((other) => other !== lang)
                .map((other) => ({ text: renderings.get(other)?.get(unit.id)?.text ?? '', lang: other })),
            ],
            lang,
          ),
    [matching, termIndex, entriesById, project, renderings],
  );

  const checkDraft = useCallback(
    (unit: Unit, lang: string, text: string) => issuesState.checkDraft(unit.id, lang, unit.source, text),
    [issuesState],
  );

  const jump = useCallback(
    (test: (unit: Unit) => boolean, direction: 1 | -1) => {
      const position = visible.indexOf(shown.index);
      for (let step = 1; step <= visible.length; step += 1) {
        const index = visible[(position + direction * step + visible.length * 2) % visible.length];
        const unit = index === undefined ? undefined : units[index];
        if (unit && test(unit)) {
          setActive({ index: unit.index, lang: active.lang });
          return;
        }
      }
    },
    [visible, active, shown.index, units],
  );

  const onGridCommand = useCallback(
    (command: GridCommand, span?: { start: number; end: number }): boolean => {
      const hasIssue = (unit: Unit) => (issues.get(active.lang)?.get(unit.id)?.length ?? 0) > 0;
      switch (command) {
        case 'nextIssue':
          jump(hasIssue, 1);
          return true;
        case 'previousIssue':
          jump(hasIssue, -1);
          return true;
        case 'nextUnapproved':
          jump((unit) => renderings.get(active.lang)?.get(unit.id)?.state !== 'approved', 1);
          return true;
        case 'annotate': {
          const cell = document.querySelector(`[data-unit="${shown.index}"] .cell-target.focused`);
          setAnnotating(span ?? selectedSpan(cell) ?? 'open');
          return true;
        }
        case 'promote': {
          const first = activeIssues[0];
          if (first) promote(first).catch(report);
          return true;
        }
        case 'comment':
          commentRef.current?.focus();
          return true;
        case 'history':
          document.querySelector<HTMLElement>('.history-panel')?.focus();
          return true;
        case 'search':
          document.querySelector<HTMLInputElement>('.filter-text')?.focus();
          return true;
        case 'approve': {
          if (!activeUnit) return true;
          workbench
            .act(activeUnit, active.lang, [{ type: 'approve' }], {
              revision: activeRendering?.revision ?? 0,
            })
            .then((outcome) =>
              setProblem(
                outcome.ok
                  ? undefined
                  : t(`transition.${outcome.error.code}`, { from: t(`state.${outcome.error.from}`) }),
              ),
            )
            .catch(report);
          return true;
        }
        case 'undo':
        case 'redo':
          undoOrRedo(command).catch(report);
          return true;
      }
    },
    [
      issues,
      active.lang,
      shown.index,
      jump,
      renderings,
      activeIssues,
      promote,
      report,
      activeUnit,
      activeRendering,
      workbench,
      t,
      undoOrRedo,
    ],
  );

  const languageName = t(`language.${active.lang}`);
  return (
    <div className="review-view">
      <FilterBar
        criteria={criteria}
        onChange={setCriteria}
        langs={project.targetLangs}
        checks={checksFound}
        shown={visible.length}
        total={units.length}
        regexError={matcher.ok || !(regexReady || !criteria.regex) ? undefined : matcher.error}
        hasAlignment={units.some((unit) => unit.alignScore !== undefined)}
        openThreads={notes.openThreads.size}
        threads={criteria.threads ?? false}
        onThreadsChange={(threads) => setCriteria((current) => ({ ...current, threads }))}
      />
      {settingsOpen && (
        <Suspense fallback={null}>
          <Strings ns={['settings', 'panels']}>
            <CheckSettingsDialog
              settings={issuesState.settings}
              onUpdate={issuesState.updateSettings}
              langs={project.targetLangs}
              initialTab={settingsOpen.tab}
              {...(settingsOpen.draftRule ? { draftRule: settingsOpen.draftRule } : {})}
              onCancel={() => {
                setSettingsOpen(false);
                returnFocus();
              }}
              onSave={(next) => {
                void issuesState.saveSettings(next);
                setSettingsOpen(false);
              }}
            />
          </Strings>
        </Suspense>
      )}
      <BulkActions
        onOpenCheckSettings={() => setSettingsOpen({ tab: 'checks' })}
        workbench={workbench}
        lang={criteria.lang ?? active.lang}
        visible={visible}
        issues={issues}
      />
      {correction && (
        <Suspense fallback={null}>
          <Strings ns={['learn']}>
            <CorrectionOffer
              key={`${correction.unitId}|${correction.lang}|${correction.change.from}|${correction.change.to}`}
              correction={correction}
              workbench={workbench}
              onSaveRule={(rule) => setSettingsOpen({ tab: 'rules', draftRule: rule })}
              onClose={() => {
                setCorrection(undefined);
                returnFocus();
              }}
            />
          </Strings>
        </Suspense>
      )}
      {problem && (
        <p className="review-problem" role="status">
          {problem}
          <button type="button" className="link-button" onClick={() => setProblem(undefined)}>
            {t('review.dismissMessage')}
          </button>
        </p>
      )}
      <div className="workspace-body">
        <main className="grid-area">
          <MemoryMatchesContext value={memoryTargets}>
            <SegmentGrid
              workbench={gridWorkbench}
              visible={visible}
              issues={issues}
              active={shown}
              onActiveChange={setActive}
              checkDraft={checkDraft}
              onGridCommand={onGridCommand}
              termMarks={termMarksFor}
              suggestions={suggestionsFor}
            />
          </MemoryMatchesContext>
        </main>
        <PanelColumn label={t('panels.label')} loading={t('app.loading')}>
          <IssuePanel
            languageName={languageName}
            issues={activeIssues}
            dismissed={activeDismissed}
            checking={
              issuesState.progress !== undefined ||
              (activeUnit !== undefined && issuesState.stale(activeUnit.id, active.lang))
            }
            fixLabel={(issue) =>
              fixLabel(t, issue, issuesState.checkedText(activeUnit?.id ?? '', active.lang))
            }
            onFix={(issue) => {
              applyFix(issue).catch(report);
              returnFocus();
            }}
            onDismiss={(issue) => {
              if (activeUnit) issuesState.dismiss(activeUnit.id, active.lang, issue).catch(report);
              returnFocus();
            }}
            onRestore={(issue) => {
              if (activeUnit) issuesState.undismiss(activeUnit.id, active.lang, issue.id).catch(report);
            }}
            onPromote={(issue) => {
              promote(issue).catch(report);
              returnFocus();
            }}
          />
          <AnnotationPanel
            languageName={languageName}
            text={activeRendering?.text}
            annotations={unitAnnotations}
            formOpen={annotating !== undefined}
            {...(annotating && annotating !== 'open' ? { initialSpan: annotating } : {})}
            onOpenForm={() => setAnnotating('open')}
            onCloseForm={() => {
              setAnnotating(undefined);
              returnFocus();
            }}
            onSave={async (input) => {
              if (!activeUnit) return undefined;
              const problem = await notes.annotate({
                unitId: activeUnit.id,
                lang: active.lang,
                ...input,
                ...(input.note ? {} : { note: undefined }),
              });
              if (!problem) {
                setAnnotating(undefined);
                returnFocus();
              }
              return problem;
            }}
            onDelete={(id) => void notes.removeAnnotation(id)}
          />
          {activeUnit && (
            <CommentsPanel
              unitNumber={activeUnit.index + 1}
              comments={unitComments}
              inputRef={commentRef}
              onAdd={(text) => notes.comment(activeUnit.id, active.lang, text)}
              onLeave={returnFocus}
              onResolve={() => void notes.resolve(activeUnit.id)}
              onReopen={() => void notes.reopen(activeUnit.id)}
            />
          )}
          <MemorySection
            workbench={workbench}
            memory={memory}
            unit={activeUnit}
            lang={active.lang}
            found={memoryMatches}
            onProblem={setProblem}
          />
          <HistoryPanel
            db={workbench.db}
            rendering={activeRendering}
            languageName={languageName}
            dismissals={activeDismissals}
            {...(activeUnit?.mt[active.lang] !== undefined
              ? { machineText: activeUnit.mt[active.lang] }
              : {})}
            onRestore={(revision) => {
              if (!activeUnit) return;
              workbench
                .act(
                  activeUnit,
                  active.lang,
                  [{ type: 'restore', text: revision.text, fromRevision: revision.number }],
                  { revision: activeRendering?.revision ?? 0 },
                )
                .then((outcome) =>
                  setProblem(
                    outcome.ok
                      ? undefined
                      : t(`transition.${outcome.error.code}`, { from: t(`state.${outcome.error.from}`) }),
                  ),
                )
                .catch(report);
              returnFocus();
            }}
          />
          <GlossaryPanel entries={workbench.glossary} />
        </PanelColumn>
      </div>
    </div>
  );
}
