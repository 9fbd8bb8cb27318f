import { useTranslation } from 'react-i18next';
import type { Issue, Severity } from '../../core/checks/types.ts';

const ORDER: readonly Severity[] = ['critical', 'major', 'minor'];

export function worstSeverity(issues: readonly Issue[]): Severity | undefined {
  return ORDER.find((severity) => issues.some((issue) => issue.severity === severity));
}

/** Number of open issues, coloured by the worst of them. */
export function IssueBadge({ issues }: { readonly issues: readonly Issue[] }) {
  const { t } = useTranslation();
  const worst = worstSeverity(issues);
  if (!worst) return null;
  return (
    <span
      className={`issue-badge severity-${worst}`}
      title={t('issues.badge', { count: issues.length, severity: t(`severity.${worst}`) })}
    >
      {issues.length}
    </span>
  );
}
