import { useTranslation } from 'react-i18next';
import type { Progress } from '../../core/review/progress.ts';
import { RENDERING_STATES } from '../../core/model/types.ts';

/** Approved share as a bar, with the count of every state beneath it. */
export function ProgressBar({ label, progress }: { readonly label: string; readonly progress: Progress }) {
  const { t } = useTranslation();
  const percent = progress.total === 0 ? 0 : Math.round((progress.approved / progress.total) * 100);
  return (
    <div className="progress">
      <div className="progress-head">
        <span className="progress-label">{label}</span>
        <span className="progress-figure">
          {t('progress.approvedOf', { approved: progress.approved, total: progress.total })}
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={t('progress.aria', { language: label })}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.approved}
      >
        {RENDERING_STATES.filter((s) => s !== 'new').map((state) => (
          <div
            key={state}
            className={`progress-fill state-${state}`}
            style={{
              width: `${progress.total === 0 ? 0 : (progress.byState[state] / progress.total) * 100}%`,
            }}
          />
        ))}
      </div>
      <ul className="progress-counts" aria-label={t('progress.countsAria', { language: label })}>
        {RENDERING_STATES.map((state) => (
          <li key={state} className={`count state-${state}`}>
            {t(`state.${state}`)} <strong>{progress.byState[state]}</strong>
          </li>
        ))}
      </ul>
      <span className="visually-hidden">{percent}%</span>
    </div>
  );
}
