import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workbench } from '../../app/useWorkbench.ts';
import { ErrorChart } from './ErrorChart.tsx';
import { EffortHistogram } from './EffortHistogram.tsx';
import { ReportExport } from './ReportExport.tsx';
import { ScoreCard } from './ScoreCard.tsx';
import { StateBars } from './StateBars.tsx';
import { TimeSpentCard } from './TimeSpentCard.tsx';
import { useDashboardData, type EvaluationScope } from './useDashboardData.ts';
import './dashboard.css';

/**
 * Review figures of the open document, one target language at a time: MQM score against the project's pass
 * threshold, errors by category and severity, post-editing effort, progress by state, time spent, QA report.
 */
export function DashboardView({ workbench }: { readonly workbench: Workbench }) {
  const { t } = useTranslation();
  const langs = workbench.project.targetLangs;
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const lang = chosen && langs.includes(chosen) ? chosen : (langs[0] ?? '');
  const [scope, setScope] = useState<EvaluationScope>('document');
  const { data, threshold, saveThreshold } = useDashboardData(workbench, lang, scope);

  return (
    <div className="dashboard">
      <div className="dash-head">
        <h1 className="visually-hidden">{t('dashboard.title')}</h1>
        <fieldset className="dash-langs">
          <legend>{t('dashboard.languages')}</legend>
          {langs.map((code) => (
            <label key={code} className={code === lang ? 'active' : undefined}>
              <input
                type="radio"
                name="dashboard-language"
                value={code}
                checked={code === lang}
                onChange={() => setChosen(code)}
              />
              {t(`language.${code}`)}
            </label>
          ))}
        </fieldset>
      </div>
      {data.status === 'loading' && (
        <p role="status" className="dash-muted">
          {t('dashboard.loading')}
        </p>
      )}
      {data.status === 'error' && (
        <p role="alert" className="notice error">
          {t('dashboard.error', { message: data.message })}
        </p>
      )}
      {data.status === 'ready' && (
        <div className="dash-grid">
          <ScoreCard
            score={data.score}
            totalWords={data.totalWords}
            threshold={threshold}
            onThreshold={saveThreshold}
            scope={scope}
            onScope={setScope}
          />
          <ErrorChart annotations={data.annotations} />
          <EffortHistogram effort={data.effort} />
          <StateBars progress={workbench.progress.get(lang)} />
          <TimeSpentCard time={data.time} />
          <ReportExport workbench={workbench} lang={lang} score={data.score} annotations={data.annotations} />
        </div>
      )}
    </div>
  );
}
