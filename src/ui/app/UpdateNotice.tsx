import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppUpdate } from './appUpdate.ts';
import { reportProblem } from './problems.ts';

/**
 * Says that a new version is installed and offers to reload into it. Reloading is the user's choice: work in
 * progress is saved as it is typed, but switching versions under an open editor would still surprise.
 */
export function UpdateNotice({ update }: { readonly update: AppUpdate }) {
  const { t } = useTranslation();
  const waiting = useSyncExternalStore(update.subscribe, update.waiting);
  const [dismissed, setDismissed] = useState(false);
  if (!waiting || dismissed) return null;
  return (
    <div className="notice update-notice" aria-live="polite">
      <span>{t('app.update.ready')}</span>
      <button type="button" onClick={() => void update.apply().catch(reportProblem)}>
        {t('app.update.reload')}
      </button>
      <button type="button" onClick={() => setDismissed(true)}>
        {t('app.update.later')}
      </button>
    </div>
  );
}
