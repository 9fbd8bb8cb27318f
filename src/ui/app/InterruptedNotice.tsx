import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudarmaDb } from '../../storage/db.ts';
import { dismissInterrupted, type PendingRow } from '../../storage/pending.ts';

/**
 * Tells the user which long writes a reload, a closed tab or a crash cut short, and that nothing of them was
 * kept. The notices stay (across reloads too) until dismissed.
 */
export function InterruptedNotice({
  db,
  interrupted,
}: {
  readonly db: AudarmaDb;
  readonly interrupted: readonly PendingRow[];
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState(interrupted);
  if (rows.length === 0) return null;
  const dismiss = () => {
    const ids = rows.map((row) => row.id);
    setRows([]);
    void dismissInterrupted(db, ids).catch(() => undefined);
  };
  return (
    <div role="alert" className="notice interrupted-notice">
      <p>{t('storage.interrupted.title')}</p>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>{t(`storage.interrupted.${row.kind}`, { name: row.name })}</li>
        ))}
      </ul>
      <button type="button" onClick={dismiss}>
        {t('storage.interrupted.dismiss')}
      </button>
    </div>
  );
}
