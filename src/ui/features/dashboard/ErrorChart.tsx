import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation, MqmSeverity } from '../../../core/model/review.ts';
import { countByDimension, dimensionKey, OTHER_DIMENSION } from '../../../core/review/mqm.ts';

/** Heaviest first, so the bar reads from what matters most. */
const STACK: readonly MqmSeverity[] = ['critical', 'major', 'minor', 'neutral'];

/**
 * Errors by MQM dimension and severity: a table whose rows carry a stacked SVG bar, so the eye gets the shape and
 * a screen reader (or anyone who wants the figures) gets the counts in cells.
 */
export function ErrorChart({ annotations }: { readonly annotations: readonly Annotation[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const rows = countByDimension(annotations)
    .map((row) => ({ ...row, total: STACK.reduce((sum, s) => sum + row.bySeverity[s], 0) }))
    .filter((row) => row.dimension !== OTHER_DIMENSION || row.total > 0);
  const max = Math.max(1, ...rows.map((r) => r.total));
  return (
    <section className="dash-card dash-errors" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('dashboard.errors.heading')}</h2>
      {annotations.length === 0 ? (
        <p className="dash-muted">{t('dashboard.errors.none')}</p>
      ) : (
        <>
          <ul className="dash-legend" aria-hidden="true">
            {STACK.map((s) => (
              <li key={s}>
                <span className={`dash-swatch sev-${s}`} />
                {t(`mqm.severity.${s}`)}
              </li>
            ))}
          </ul>
          <table className="dash-bars" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.errors.category')}</th>
                <th scope="col" className="dash-bar-col">
                  <span className="visually-hidden">{t('dashboard.errors.heading')}</span>
                </th>
                {STACK.map((s) => (
                  <th scope="col" key={s} className="num">
                    {t(`mqm.severity.${s}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('dashboard.errors.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                let x = 0;
                return (
                  <tr key={row.dimension} className={row.total === 0 ? 'dash-zero' : undefined}>
                    <th scope="row">{t(dimensionKey(row.dimension))}</th>
                    <td className="dash-bar-col">
                      <svg
                        viewBox="0 0 100 10"
                        preserveAspectRatio="none"
                        aria-hidden="true"
                        focusable="false"
                      >
                        <rect className="dash-track" x="0" y="0" width="100" height="10" />
                        {STACK.map((s) => {
                          const width = (row.bySeverity[s] / max) * 100;
                          const rect = (
                            <rect key={s} className={`sev-${s}`} x={x} y="0" width={width} height="10" />
                          );
                          x += width;
                          return rect;
                        })}
                      </svg>
                    </td>
                    {STACK.map((s) => (
                      <td key={s} className="num">
                        {row.bySeverity[s]}
                      </td>
                    ))}
                    <td className="num">
                      <strong>{row.total}</strong>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
