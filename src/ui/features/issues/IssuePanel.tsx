import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../core/checks/types.ts';

type Props = {
  readonly languageName: string;
  readonly issues: readonly Issue[];
  readonly dismissed: readonly Issue[];
  readonly checking: boolean;
  /** What the fix button says it does. */
  readonly fixLabel: (issue: Issue) => string;
  readonly onFix: (issue: Issue) => void;
  readonly onDismiss: (issue: Issue) => void;
  readonly onRestore: (issue: Issue) => void;
  readonly onPromote?: (issue: Issue) => void;
};

/** The QA issues of the active rendering: what, how bad, where, and what to do about it. */
export function IssuePanel({
  languageName,
  issues,
  dismissed,
  checking,
  fixLabel,
  onFix,
  onDismiss,
  onRestore,
  onPromote,
}: Props) {
  const { t } = useTranslation();
  const message = (issue: Issue) => t(issue.messageKey, { ...issue.params, defaultValue: issue.check });
  return (
    <section className="panel issue-panel" aria-label={t('issues.title')}>
      <h2>
        {t('issues.title')} <span className="panel-sub">{languageName}</span>
        {checking && <span className="panel-busy">{t('issues.checking')}</span>}
      </h2>
      {issues.length === 0 ? (
        <p className="placeholder">{t('issues.none')}</p>
      ) : (
        <ul className="issue-list">
          {issues.map((issue) => (
            <li key={issue.id} className={`issue-item severity-${issue.severity}`}>
              <div className="issue-head">
                <span className={`severity-chip severity-${issue.severity}`}>
                  {t(`severity.${issue.severity}`)}
                </span>
                <span className="issue-category">
                  {t(`mqm.${issue.category}`, { defaultValue: issue.category })}
                </span>
                <code className="issue-check">{issue.check}</code>
              </div>
              <p className="issue-message">{message(issue)}</p>
              <div className="issue-actions">
                {issue.fix && (
                  <button type="button" className="primary" onClick={() => onFix(issue)}>
                    {fixLabel(issue)}
                  </button>
                )}
                <button type="button" onClick={() => onDismiss(issue)}>
                  {t('issues.dismiss')}
                </button>
                {onPromote && issue.target?.[0] && (
                  <button type="button" onClick={() => onPromote(issue)}>
                    {t('issues.promote')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {dismissed.length > 0 && (
        <details className="dismissed">
          <summary>{t('issues.dismissedCount', { count: dismissed.length })}</summary>
          <ul className="issue-list">
            {dismissed.map((issue) => (
              <li key={issue.id} className="issue-item dismissed-item">
                <p className="issue-message">{message(issue)}</p>
                <button type="button" onClick={() => onRestore(issue)}>
                  {t('issues.restore')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
