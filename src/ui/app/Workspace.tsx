import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../core/checks/types.ts';
import type { Unit } from '../../core/model/types.ts';
import { filterUnits, textMatcher, type FilterCriteria } from '../../core/review/filter.ts';
import type { Workbench } from './useWorkbench.ts';
import { useIssues } from '../hooks/useIssues.ts';
import { SegmentGrid, type ActiveCell } from '../features/grid/SegmentGrid.tsx';
import { HistoryPanel } from '../features/history/HistoryPanel.tsx';
import { GlossaryPanel } from '../features/glossary/GlossaryPanel.tsx';
import { IssuePanel } from '../features/issues/IssuePanel.tsx';
import { FilterBar } from '../features/filter/FilterBar.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';

const NO_ISSUES: readonly Issue[] = [];

/** The open document: title and progress, filters, the grid, and the side panels for the active unit. */
export function Workspace({ workbench }: { readonly workbench: Workbench }) {
  const { t } = useTranslation();
  const { project, units, renderings } = workbench;
  const [active, setActive] = useState<ActiveCell>({ index: 0, lang: project.targetLangs[0] ?? '' });
  const [criteria, setCriteria] = useState<FilterCriteria>({});
  const deferredCriteria = useDeferredValue(criteria);
  const issuesState = useIssues(workbench);
  const { issues } = issuesState;

  const visible = useMemo(
    () => filterUnits({ units, langs: project.targetLangs, renderings, issues }, deferredCriteria),
    [units, project.targetLangs, renderings, issues, deferredCriteria],
  );
  const matcher = textMatcher(criteria);
  const checksFound = useMemo(() => {
    const ids = new Set<string>();
    for (const perUnit of issues.values())
      for (const list of perUnit.values()) for (const issue of list) ids.add(issue.check);
    return [...ids].sort();
  }, [issues]);

  const activeUnit = units[active.index];
  const activeRendering = activeUnit ? renderings.get(active.lang)?.get(activeUnit.id) : undefined;
  const activeIssues = (activeUnit && issues.get(active.lang)?.get(activeUnit.id)) || NO_ISSUES;
  const activeDismissed = useMemo(() => {
    if (!activeUnit) return NO_ISSUES;
    const open = new Set(activeIssues.map((issue) => issue.id));
    return (issuesState.all.get(active.lang)?.get(activeUnit.id) ?? NO_ISSUES).filter(
      (issue) => !open.has(issue.id),
    );
  }, [activeUnit, activeIssues, issuesState.all, active.lang]);

  const applyFix = useCallback(
    async (issue: Issue) => {
      if (!activeUnit || !activeRendering || !issue.fix) return;
      const { span, replacement } = issue.fix;
      const text =
        activeRendering.text.slice(0, span.start) + replacement + activeRendering.text.slice(span.end);
      await workbench.act(activeUnit, active.lang, [{ type: 'edit', text }]);
    },
    [activeUnit, activeRendering, active.lang, workbench],
  );

  const checkDraft = useCallback(
    (unit: Unit, lang: string, text: string) => issuesState.checkDraft(unit.id, lang, unit.source, text),
    [issuesState],
  );

  return (
    <div className="workspace">
      <section className="document-bar" aria-label={t('document.summary')}>
        <div className="document-title">
          <h1>{project.name}</h1>
          <p className="document-meta">
            {t('document.meta', {
              name: workbench.document.name,
              units: units.length,
              source: t(`language.${project.sourceLang}`),
            })}
          </p>
          {issuesState.progress !== undefined && (
            <div className="check-progress">
              <span>{t('issues.checkingDocument')}</span>
              <progress max={1} value={issuesState.progress} aria-label={t('issues.checkingDocument')} />
            </div>
          )}
        </div>
        <div className="document-progress">
          {project.targetLangs.map((lang) => {
            const progress = workbench.progress.get(lang);
            return progress ? (
              <ProgressBar key={lang} label={t(`language.${lang}`)} progress={progress} />
            ) : null;
          })}
        </div>
      </section>
      <FilterBar
        criteria={criteria}
        onChange={setCriteria}
        langs={project.targetLangs}
        checks={checksFound}
        shown={visible.length}
        total={units.length}
        regexError={matcher.ok ? undefined : matcher.error}
        hasAlignment={units.some((unit) => unit.alignScore !== undefined)}
      />
      <div className="workspace-body">
        <main className="grid-area">
          <SegmentGrid
            workbench={workbench}
            visible={visible}
            issues={issues}
            active={active}
            onActiveChange={setActive}
            checkDraft={checkDraft}
          />
        </main>
        <aside className="side-panels" aria-label={t('panels.label')}>
          <IssuePanel
            languageName={t(`language.${active.lang}`)}
            issues={activeIssues}
            dismissed={activeDismissed}
            checking={issuesState.progress !== undefined}
            onFix={(issue) => void applyFix(issue)}
            onDismiss={(issue) => activeUnit && void issuesState.dismiss(activeUnit.id, active.lang, issue)}
            onRestore={(issue) =>
              activeUnit && void issuesState.undismiss(activeUnit.id, active.lang, issue.id)
            }
          />
          <HistoryPanel
            db={workbench.db}
            rendering={activeRendering}
            languageName={t(`language.${active.lang}`)}
          />
          <GlossaryPanel entries={workbench.glossary} />
        </aside>
      </div>
    </div>
  );
}
