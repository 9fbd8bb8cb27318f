import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeSpent } from '../../../core/review/effort.ts';

/** Working time derived from revision timestamps (see core/review/effort.ts for the rule). */
export function TimeSpentCard({ time }: { readonly time: TimeSpent }) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = (ms: number) => {
    const minutes = Math.round(ms / 60_000);
    return minutes >= 60
      ? t('dashboard.time.hm', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
      : t('dashboard.time.m', { minutes });
  };
  return (
    <section className="dash-card dash-time" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('dashboard.time.heading')}</h2>
      {time.byAuthor.length === 0 ? (
        <p className="dash-muted">{t('dashboard.time.none')}</p>
      ) : (
        <>
          <p className="dash-figure">{format(time.totalMs)}</p>
          <ul className="dash-authors" aria-label={t('dashboard.time.authors')}>
            {time.byAuthor.map((a) => (
              <li key={a.author}>
                {t('dashboard.time.author', { author: a.author, time: format(a.ms), count: a.revisions })}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="dash-muted">{t('dashboard.time.method')}</p>
    </section>
  );
}
