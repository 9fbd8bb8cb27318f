import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workbench } from './useWorkbench.ts';
import { useIssues, type IssuesState } from '../hooks/useIssues.ts';
import { ReviewView } from '../features/review/ReviewView.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { preloadable } from '../components/preloadable.ts';
import { Strings } from '../components/Strings.tsx';
import type { LazyNamespace } from '../../i18n/namespaces.ts';
import type { i18n } from 'i18next';
import { commandFor } from '../keymap/keymap.ts';
import { focusIsLost, gridElement } from '../keymap/focusModel.ts';

// Views other than review load on first use, keeping the first screen's JavaScript small; once the review view is up,
// their code is fetched while the browser is idle, so a first visit does not wait for the network.
const glossaryView = preloadable(() =>
  import('../features/glossary/GlossaryView.tsx').then((m) => m.GlossaryView),
);
const alignView = preloadable(() => import('../features/align/AlignView.tsx').then((m) => m.AlignView));
const dashboardView = preloadable(() =>
  import('../features/dashboard/DashboardView.tsx').then((m) => m.DashboardView),
);
const transferView = preloadable(() =>
  import('../features/transfer/TransferView.tsx').then((m) => m.TransferView),
);
const GlossaryView = glossaryView.Component;
const AlignView = alignView.Component;
const DashboardView = dashboardView.Component;
const TransferView = transferView.Component;

/** The strings each view waits for besides the first screen's (checked by tests/i18n/namespaces.test.ts). */
const VIEW_STRINGS = {
  glossary: ['glossary'],
  align: ['align'],
  dashboard: ['dashboard', 'panels'],
  transfer: ['transfer'],
} as const satisfies Record<string, readonly LazyNamespace[]>;

function preloadViews(strings: i18n): () => void {
  const loaders = [
    ...[glossaryView, alignView, dashboardView, transferView].map((view) => view.preload),
    () => strings.loadNamespaces(Object.values(VIEW_STRINGS).flat()),
  ];
  const idle =
    typeof requestIdleCallback === 'function'
      ? (work: () => void) => requestIdleCallback(work, { timeout: 3000 })
      : (work: () => void) => setTimeout(work, 1000);
  let cancelled = false;
  const next = () => {
    const load = loaders.shift();
    if (!load || cancelled) return;
    // A failed preload is tried again (and reported) when the view is opened.
    load()
      .catch(() => undefined)
      .finally(() => idle(next));
  };
  idle(next);
  return () => {
    cancelled = true;
  };
}

const TABS = ['review', 'glossary', 'align', 'dashboard', 'transfer'] as const;
type Tab = (typeof TABS)[number];

/** The open document: its title and progress, the views as tabs (Alt+1…Alt+5), and the active view. */
export function Workspace({
  workbench,
  localOnly = [],
}: {
  readonly workbench: Workbench;
  /** Documents of a shared project that stay in this browser (the server takes documents from its lead only). */
  readonly localOnly?: readonly string[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { project } = workbench;
  const [tab, setTab] = useState<Tab>('review');
  // A view once opened stays mounted (hidden), so its state survives switching back and forth; the dashboard is
  // the exception: it is a summary, read afresh each time it is shown.
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(new Set(['review']));
  const issuesState = useIssues(workbench);
  useEffect(() => preloadViews(i18n), [i18n]);

  const show = (next: Tab) => {
    setTab(next);
    setOpened((current) => (current.has(next) ? current : new Set([...current, next])));
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (commandFor('app', event) === 'tabs') {
        const next = TABS[Number(event.code.slice(5)) - 1];
        if (next) {
          event.preventDefault();
          setTab(next);
          setOpened((current) => (current.has(next) ? current : new Set([...current, next])));
        }
        return;
      }
      // Focus model: a key pressed while focus is nowhere (its element left the page) goes to the grid.
      const grid = gridElement();
      if (focusIsLost() && grid && !grid.closest('[hidden]') && commandFor('grid', event)) {
        event.preventDefault();
        grid.focus({ preventScroll: true });
        grid.dispatchEvent(new KeyboardEvent('keydown', event));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const views: Record<Tab, () => ReactNode> = {
    review: () => <ReviewView workbench={workbench} issuesState={issuesState} />,
    glossary: () => (
      <Strings ns={VIEW_STRINGS.glossary}>
        <GlossaryView workbench={workbench} />
      </Strings>
    ),
    align: () => (
      <Strings ns={VIEW_STRINGS.align}>
        <AlignView workbench={workbench} />
      </Strings>
    ),
    dashboard: () => (
      <Strings ns={VIEW_STRINGS.dashboard}>
        <DashboardView workbench={workbench} />
      </Strings>
    ),
    transfer: () => (
      <Strings ns={VIEW_STRINGS.transfer}>
        <TransferView workbench={workbench} />
      </Strings>
    ),
  };

  return (
    <div className="workspace">
      <section className="document-bar" aria-label={t('document.summary')}>
        <div className="document-title">
          <h1>{project.name}</h1>
          {workbench.documents.length > 1 && (
            <label className="document-switcher">
              <span>{t('document.open')}</span>
              <select
                value={workbench.document.id}
                title={`${project.name} — ${workbench.document.name}`}
                onChange={(event) => workbench.openDocument(event.target.value)}
              >
                {workbench.documents.map((choice) => (
                  <option key={choice.document.id} value={choice.document.id}>
                    {choice.project.name} — {choice.document.name}
                    {localOnly.includes(choice.document.id) && ` (${t('team.localOnly.tag')})`}
                  </option>
                ))}
              </select>
            </label>
          )}
          <p className="document-meta">
            {t('document.meta', {
              name: workbench.document.name,
              units: workbench.document.unitCount,
              source: t(`languageInText.${project.sourceLang}`),
            })}
          </p>
          {localOnly.includes(workbench.document.id) && (
            <p className="notice document-local-only">{t('team.localOnly.current')}</p>
          )}
          {/* The line keeps its place when the checks are done, so the grid below does not jump under the pointer. */}
          <div className="check-progress">
            {issuesState.progress !== undefined ? (
              <>
                <span>{t('issues.checkingDocument')}</span>
                <progress max={1} value={issuesState.progress} aria-label={t('issues.checkingDocument')} />
              </>
            ) : (
              issuesState.checked && (
                <span>{t('issues.checkedDocument', { count: openIssueCount(issuesState.issues) })}</span>
              )
            )}
          </div>
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
      <nav className="tabs" role="tablist" aria-label={t('tabs.label')}>
        {TABS.map((name, i) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`view-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className={tab === name ? 'tab active' : 'tab'}
            onClick={() => show(name)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                event.preventDefault();
                const next =
                  TABS[(i + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length] ?? 'review';
                show(next);
                document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {t(`tabs.${name}`)} <kbd>Alt+{i + 1}</kbd>
          </button>
        ))}
      </nav>
      {TABS.filter((name) => (name === 'dashboard' ? tab === name : opened.has(name))).map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`view-${name}`}
          aria-labelledby={`tab-${name}`}
          hidden={tab !== name}
          className="tab-panel"
        >
          <Suspense
            fallback={
              <p className="notice" role="status">
                {t('app.loading')}
              </p>
            }
          >
            {views[name]()}
          </Suspense>
        </div>
      ))}
    </div>
  );
}

/** Open issues of the document in every language. */
function openIssueCount(issues: IssuesState['issues']): number {
  let count = 0;
  for (const byUnit of issues.values()) for (const list of byUnit.values()) count += list.length;
  return count;
}
