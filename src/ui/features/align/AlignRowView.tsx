import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { gapOf, importedText, isUncertain, type AlignRow } from '../../../core/align/edit.ts';

/** One row of the alignment table: the pivot units, the imported text (caret for splitting) and the confidence. */
export const AlignRowView = memo(function AlignRowView({
  row,
  index,
  position,
  pivotTexts,
  below,
  active,
  measure,
  register,
  onFocusRow,
}: {
  readonly row: AlignRow;
  readonly index: number;
  readonly position: number;
  readonly pivotTexts: readonly string[];
  /** A row without a unit that goes to the unit below (detached by hand), not to the one above. */
  readonly below: boolean;
  readonly active: boolean;
  readonly measure: (position: number, element: HTMLElement | null) => void;
  readonly register: (index: number, element: HTMLTextAreaElement | null) => void;
  readonly onFocusRow: (index: number) => void;
}) {
  const { t } = useTranslation();
  const uncertain = isUncertain(row);
  const gap = gapOf(row);
  const text = importedText(row);
  const confidence = row.manual
    ? t('align.byHand')
    : row.score === undefined
      ? '—'
      : t('align.percent', { percent: Math.round(row.score * 100) });
  return (
    <div
      role="row"
      aria-rowindex={position + 2}
      className={`align-row${active ? ' active' : ''}${uncertain ? ' uncertain' : ''}${gap ? ` gap-${gap}` : ''}`}
      ref={(element) => measure(position, element)}
    >
      <div role="cell" className="align-cell-number">
        {index + 1}
      </div>
      <div role="cell" className="align-cell-pivot">
        {row.pivot.length === 0 ? (
          <span className="align-none">{t(below ? 'align.noUnitBelow' : 'align.noUnit')}</span>
        ) : (
          row.pivot.map((u) => (
            <p key={u}>
              <span className="align-unit-number" title={t('align.unitNumber', { unit: u + 1 })}>
                {u + 1}
              </span>
              {pivotTexts[u] || <span className="align-none">{t('align.emptyText')}</span>}
            </p>
          ))
        )}
        {row.pivot.length > 1 && row.imported.length > 0 && (
          <p className="align-merged">
            {t('align.mergedInto', {
              unit: row.pivot[0]! + 1,
              rest: row.pivot
                .slice(1)
                .map((u) => u + 1)
                .join(', '),
            })}
          </p>
        )}
      </div>
      <div role="cell" className="align-cell-imported">
        <textarea
          readOnly
          data-row={index}
          value={text}
          placeholder={t('align.noCounterpart')}
          aria-label={t('align.importedAria', { row: index + 1 })}
          rows={Math.max(1, Math.ceil(text.length / 70))}
          ref={(element) => register(index, element)}
          onFocus={() => onFocusRow(index)}
        />
      </div>
      <div role="cell" className="align-cell-score">
        <span className="align-score">{confidence}</span>
        {gap && !row.manual ? (
          <span className="align-badge align-gap">{t(`align.${gap}`)}</span>
        ) : (
          uncertain && <span className="align-badge">{t('align.uncertain')}</span>
        )}
      </div>
    </div>
  );
});
