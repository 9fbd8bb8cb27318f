import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { importedText, isUncertain, type AlignRow } from '../../../core/align/edit.ts';

/** One row of the alignment table: the pivot units, the imported text (caret for splitting) and the confidence. */
export const AlignRowView = memo(function AlignRowView({
  row,
  index,
  position,
  pivotTexts,
  active,
  measure,
  register,
  onFocusRow,
}: {
  readonly row: AlignRow;
  readonly index: number;
  readonly position: number;
  readonly pivotTexts: readonly string[];
  readonly active: boolean;
  readonly measure: (position: number, element: HTMLElement | null) => void;
  readonly register: (index: number, element: HTMLTextAreaElement | null) => void;
  readonly onFocusRow: (index: number) => void;
}) {
  const { t } = useTranslation();
  const uncertain = isUncertain(row);
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
      className={`align-row${active ? ' active' : ''}${uncertain ? ' uncertain' : ''}`}
      ref={(element) => measure(position, element)}
    >
      <div role="cell" className="align-cell-number">
        {index + 1}
      </div>
      <div role="cell" className="align-cell-pivot">
        {row.pivot.length === 0 ? (
          <span className="align-none">{t('align.noUnit')}</span>
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
        {uncertain && <span className="align-badge">{t('align.uncertain')}</span>}
      </div>
    </div>
  );
});
