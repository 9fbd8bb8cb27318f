import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RENDERING_STATES } from '../../../core/model/types.ts';
import type { Progress } from '../../../core/review/progress.ts';

/** Units of one language by review state: one bar per state, longest bar = the whole document. */
export function StateBars({ progress }: { readonly progress: Progress | undefined }) {
  const { t } = useTranslation();
  const headingId = useId();
  const total = Math.max(1, progress?.total ?? 0);
  return (
    <section className="dash-card dash-states" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('dashboard.progress.heading')}</h2>
      <ul className="dash-state-list">
        {RENDERING_STATES.map((state) => {
          const count = progress?.byState[state] ?? 0;
          return (
            <li key={state}>
              <span className="dash-state-label">
                {t('dashboard.progress.count', { state: t(`state.${state}`), count })}
              </span>
              <svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect className="dash-track" x="0" y="0" width="100" height="8" />
                <rect
                  className={`dash-state-fill state-${state}`}
                  x="0"
                  y="0"
                  width={(count / total) * 100}
                  height="8"
                />
              </svg>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
