import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentEffort } from '../../../core/review/editDistance.ts';

const WIDTH = 330;
const HEIGHT = 70;
const GAP = 2;

/** Post-editing effort: the overall share of characters changed, and a histogram of units by their share. */
export function EffortHistogram({ effort }: { readonly effort: DocumentEffort | undefined }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const binLabel = (bin: number) =>
    bin === 0
      ? t('dashboard.effort.unchanged')
      : t('dashboard.effort.bin', { from: (bin - 1) * 10, to: bin * 10 });
  return (
    <section className="dash-card dash-effort" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('dashboard.effort.heading')}</h2>
      {!effort ? (
        <p className="dash-muted">{t('dashboard.effort.none')}</p>
      ) : (
        <>
          <p className="dash-figure">
            {t('dashboard.effort.overall', { percent: percent.format(effort.ratio) })}
          </p>
          <p className="dash-muted">
            {t('dashboard.effort.detail', {
              units: effort.units,
              changed: effort.changed,
              mean: percent.format(effort.meanRatio),
            })}
          </p>
          <figure className="dash-histogram">
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 14}`} role="img" aria-labelledby={`${headingId}-h`}>
              <title id={`${headingId}-h`}>{t('dashboard.effort.histogram')}</title>
              {effort.histogram.map((count, bin) => {
                const max = Math.max(1, ...effort.histogram);
                const w = WIDTH / effort.histogram.length;
                const h = (count / max) * HEIGHT;
                return (
                  <g key={bin}>
                    <rect
                      className={bin === 0 ? 'dash-bin unchanged' : 'dash-bin'}
                      x={bin * w + GAP / 2}
                      y={HEIGHT - h}
                      width={w - GAP}
                      height={Math.max(h, count > 0 ? 1 : 0)}
                    >
                      <title>{t('dashboard.effort.binUnits', { bin: binLabel(bin), count })}</title>
                    </rect>
                    {(bin === 0 || bin % 5 === 0) && (
                      <text className="dash-axis" x={bin * w + w / 2} y={HEIGHT + 12} textAnchor="middle">
                        {bin === 0 ? '0' : `${bin * 10}%`}
                      </text>
                    )}
                  </g>
                );
              })}
            </svg>
            <figcaption>
              <ul className="visually-hidden">
                {effort.histogram.map((count, bin) => (
                  <li key={bin}>{t('dashboard.effort.binUnits', { bin: binLabel(bin), count })}</li>
                ))}
              </ul>
              <span className="dash-muted">{t('dashboard.effort.method')}</span>
            </figcaption>
          </figure>
        </>
      )}
    </section>
  );
}
