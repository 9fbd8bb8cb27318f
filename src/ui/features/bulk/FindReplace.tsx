import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { planReplace, type Replacement, type ReplaceQuery } from '../../../core/review/replace.ts';
import { useDiffText } from '../../hooks/useDiffText.ts';
import { useLinearRegex } from '../../hooks/useLinearRegex.ts';
import { DiffView } from '../../components/DiffView.tsx';

export type FindQuery = Required<ReplaceQuery>;

type Props = {
  readonly query: FindQuery;
  readonly onQuery: (query: FindQuery) => void;
  /** The texts the filter shows, by unit index. */
  readonly texts: readonly { readonly id: string; readonly text: string }[];
  readonly onReplace: (replacements: readonly Replacement[]) => void;
};

const PREVIEW_LIMIT = 50;

/**
 * The find-and-replace panel of the bulk actions, loaded when first opened (it is no part of the first screen):
 * the query, its previewed replacements and the button that asks to apply them. The query is the toolbar's, so
 * closing the panel keeps it.
 */
export function FindReplace({ query, onQuery, texts, onReplace }: Props) {
  const { t } = useTranslation();
  const diffText = useDiffText();
  const regexReady = useLinearRegex(query.regex);
  const plan = useMemo(
    () => (query.find === '' ? undefined : planReplace(texts, query)),
    // regexReady: a pattern typed before the regular-expression engine arrived is planned again once it has.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [texts, query, regexReady],
  );
  return (
    <div className="find-replace" role="group" aria-label={t('bulk.findReplace')}>
      <input
        aria-label={t('bulk.find')}
        placeholder={t('bulk.find')}
        value={query.find}
        onChange={(e) => onQuery({ ...query, find: e.target.value })}
      />
      <input
        aria-label={t('bulk.replaceWith')}
        placeholder={t('bulk.replaceWith')}
        value={query.replace}
        onChange={(e) => onQuery({ ...query, replace: e.target.value })}
      />
      <label className="filter-check">
        <input
          type="checkbox"
          checked={query.regex}
          onChange={(e) => onQuery({ ...query, regex: e.target.checked })}
        />
        {t('filter.regex')}
      </label>
      <label className="filter-check">
        <input
          type="checkbox"
          checked={query.caseSensitive}
          onChange={(e) => onQuery({ ...query, caseSensitive: e.target.checked })}
        />
        {t('filter.caseSensitive')}
      </label>
      {plan && !plan.ok && (regexReady || !query.regex) && (
        <span className="filter-error">{t('filter.badRegex', { message: plan.error.message })}</span>
      )}
      {plan?.ok && (
        <>
          <button
            type="button"
            className="primary"
            disabled={plan.value.length === 0}
            onClick={() => onReplace(plan.value)}
          >
            {t('bulk.replaceAll', { count: plan.value.length })}
          </button>
          <ol className="replace-preview" aria-label={t('bulk.preview')}>
            {plan.value.slice(0, PREVIEW_LIMIT).map((r) => (
              <li key={r.id}>
                <span className="preview-unit">{Number(r.id) + 1}</span>
                <DiffView
                  spans={diffText(r.before, r.after)}
                  label={t('bulk.previewItem', { n: Number(r.id) + 1 })}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
