import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudarmaDb } from '../../storage/db.ts';
import type { Workbench } from './useWorkbench.ts';
import { SegmentGrid, type ActiveCell } from '../features/grid/SegmentGrid.tsx';
import { HistoryPanel } from '../features/history/HistoryPanel.tsx';
import { GlossaryPanel } from '../features/glossary/GlossaryPanel.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';

/** The open document: title and progress, the grid, and the side panels for the active unit. */
export function Workspace({
  db,
  workbench,
}: {
  readonly db: AudarmaDb | undefined;
  readonly workbench: Workbench;
}) {
  const { t } = useTranslation();
  const [active, setActive] = useState<ActiveCell | undefined>(undefined);
  const activeUnit = active ? workbench.units[active.index] : undefined;
  const activeRendering =
    activeUnit && active ? workbench.renderings.get(active.lang)?.get(activeUnit.id) : undefined;
  return (
    <div className="workspace">
      <section className="document-bar" aria-label={t('document.summary')}>
        <div className="document-title">
          <h1>{workbench.project.name}</h1>
          <p className="document-meta">
            {t('document.meta', {
              name: workbench.document.name,
              units: workbench.units.length,
              source: t(`language.${workbench.project.sourceLang}`),
            })}
          </p>
        </div>
        <div className="document-progress">
          {workbench.project.targetLangs.map((lang) => {
            const progress = workbench.progress.get(lang);
            return progress ? (
              <ProgressBar key={lang} label={t(`language.${lang}`)} progress={progress} />
            ) : null;
          })}
        </div>
      </section>
      <div className="workspace-body">
        <main className="grid-area">
          <SegmentGrid workbench={workbench} onActiveChange={setActive} />
        </main>
        <aside className="side-panels" aria-label={t('panels.label')}>
          {db && active && (
            <HistoryPanel db={db} rendering={activeRendering} languageName={t(`language.${active.lang}`)} />
          )}
          <GlossaryPanel entries={workbench.glossary} />
        </aside>
      </div>
    </div>
  );
}
