import { useTranslation } from 'react-i18next';
import type { FilterCriteria } from '../../../core/review/filter.ts';
import { RENDERING_STATES } from '../../../core/model/types.ts';
import { SEVERITIES } from '../../../core/checks/types.ts';
import { returnFocus } from '../../keymap/focusModel.ts';

type Props = {
  readonly criteria: FilterCriteria;
  readonly onChange: (criteria: FilterCriteria) => void;
  readonly langs: readonly string[];
  readonly checks: readonly string[];
  readonly shown: number;
  readonly total: number;
  readonly regexError: string | undefined;
  readonly hasAlignment: boolean;
  readonly openThreads: number;
  readonly threads: boolean;
  readonly onThreadsChange: (threads: boolean) => void;
};

function without<K extends keyof FilterCriteria>(
  criteria: FilterCriteria,
  key: K,
  value: FilterCriteria[K] | '',
): FilterCriteria {
  const next = { ...criteria } as Record<string, unknown>;
  if (value === '' || value === undefined || value === false) delete next[key];
  else next[key] = value;
  return next as FilterCriteria;
}

/** Search and filters over the grid, with the count of units they leave. */
export function FilterBar(props: Props) {
  const { criteria, onChange, langs, checks, shown, total, regexError, hasAlignment } = props;
  const { t } = useTranslation();
  const set = <K extends keyof FilterCriteria>(key: K, value: FilterCriteria[K] | '') =>
    onChange(without(criteria, key, value));
  return (
    <div className="filter-bar" role="search" aria-label={t('filter.label')}>
      <input
        type="search"
        className="filter-text"
        aria-label={t('filter.text')}
        placeholder={t('filter.textPlaceholder')}
        value={criteria.text ?? ''}
        onChange={(event) => set('text', event.target.value)}
        onKeyDown={(event) => {
          // Esc leaves the search (keeping it) for the grid; a second Esc in an empty box does nothing more.
          if (event.key === 'Escape') {
            event.preventDefault();
            returnFocus();
          }
        }}
        aria-invalid={regexError ? true : undefined}
        title={regexError}
      />
      <label className="filter-check">
        <input
          type="checkbox"
          checked={criteria.regex ?? false}
          onChange={(event) => set('regex', event.target.checked)}
        />
        {t('filter.regex')}
      </label>
      <label className="filter-check">
        <input
          type="checkbox"
          checked={criteria.caseSensitive ?? false}
          onChange={(event) => set('caseSensitive', event.target.checked)}
        />
        {t('filter.caseSensitive')}
      </label>
      <select
        aria-label={t('filter.lang')}
        value={criteria.lang ?? ''}
        onChange={(event) => set('lang', event.target.value)}
      >
        <option value="">{t('filter.anyLang')}</option>
        {langs.map((lang) => (
          <option key={lang} value={lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filter.state')}
        value={criteria.state ?? ''}
        onChange={(event) => set('state', event.target.value as FilterCriteria['state'])}
      >
        <option value="">{t('filter.anyState')}</option>
        <option value="unapproved">{t('filter.unapproved')}</option>
        {RENDERING_STATES.map((state) => (
          <option key={state} value={state}>
            {t(`state.${state}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filter.issues')}
        value={criteria.issues ?? ''}
        onChange={(event) => set('issues', event.target.value as FilterCriteria['issues'])}
      >
        <option value="">{t('filter.anyIssues')}</option>
        <option value="any">{t('filter.withIssues')}</option>
        {[...SEVERITIES].reverse().map((severity) => (
          <option key={severity} value={severity}>
            {t('filter.atLeast', { severity: t(`severity.${severity}`) })}
          </option>
        ))}
        <option value="none">{t('filter.noIssues')}</option>
      </select>
      <select
        aria-label={t('filter.check')}
        value={criteria.check ?? ''}
        onChange={(event) => set('check', event.target.value)}
      >
        <option value="">{t('filter.anyCheck')}</option>
        {checks.map((check) => (
          <option key={check} value={check}>
            {check}
          </option>
        ))}
      </select>
      <label className="filter-check">
        <input
          type="checkbox"
          checked={props.threads}
          onChange={(event) => props.onThreadsChange(event.target.checked)}
        />
        {t('filter.openThreads', { count: props.openThreads })}
      </label>
      {hasAlignment && (
        <label className="filter-check">
          <input
            type="checkbox"
            checked={criteria.uncertainBelow !== undefined}
            onChange={(event) => set('uncertainBelow', event.target.checked ? 0.5 : '')}
          />
          {t('filter.uncertain')}
        </label>
      )}
      <span className="filter-count" role="status">
        {t('filter.count', { shown, total })}
      </span>
      {regexError && <span className="filter-error">{t('filter.badRegex', { message: regexError })}</span>}
    </div>
  );
}
