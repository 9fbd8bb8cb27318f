import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { TERM_STATUSES, type TermStatus } from '../../../core/model/term.ts';
import type { GlossaryCounts } from './filterEntries.ts';

type Props = {
  readonly searchRef: RefObject<HTMLInputElement | null>;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  /** Enter or ↓ in the search box: back to the table. */
  readonly onLeaveSearch: () => void;
  readonly status: TermStatus | undefined;
  readonly onStatus: (status: TermStatus | undefined) => void;
  readonly lang: string | undefined;
  readonly onLang: (lang: string | undefined) => void;
  readonly langs: readonly string[];
  /** Entries the search finds, per status, with their terms: the counts on and beside the buttons. */
  readonly counts: GlossaryCounts;
};

/** Search box, status toggles with their counts, and the language filter. */
export function GlossaryFilters({
  searchRef,
  query,
  onQuery,
  onLeaveSearch,
  status,
  onStatus,
  lang,
  onLang,
  langs,
  counts,
}: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label className="glossary-search">
        <span className="visually-hidden">{t('glossary.search.label')}</span>
        <input
          ref={searchRef}
          type="search"
          placeholder={t('glossary.search.placeholder')}
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'ArrowDown') {
              e.preventDefault();
              onLeaveSearch();
            }
          }}
        />
      </label>
      <div role="group" aria-label={t('glossary.filter.status')} className="glossary-status-filter">
        <button type="button" aria-pressed={status === undefined} onClick={() => onStatus(undefined)}>
          {t('glossary.filter.allEntries', { count: counts.entries })}
        </button>
        {TERM_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={status === s}
            onClick={() => onStatus(status === s ? undefined : s)}
          >
            {t(`glossary.filter.${s}Entries`, { count: counts.byStatus[s] })}
          </button>
        ))}
      </div>
      <p className="glossary-term-counts" aria-label={t('glossary.filter.termCountsLabel')}>
        {t('glossary.filter.termCounts', {
          count: counts.terms,
          approved: counts.termsByStatus.approved,
          proposed: counts.termsByStatus.proposed,
          forbidden: counts.termsByStatus.forbidden,
        })}
      </p>
      <label className="glossary-lang-filter">
        {t('glossary.filter.language')}{' '}
        <select value={lang ?? ''} onChange={(e) => onLang(e.target.value || undefined)}>
          <option value="">{t('glossary.filter.anyLanguage')}</option>
          {langs.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
