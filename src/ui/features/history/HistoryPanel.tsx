import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudarmaDb } from '../../../storage/db.ts';
import { listRevisions } from '../../../storage/renderings.ts';
import type { Rendering, Revision } from '../../../core/model/types.ts';
import { diffText } from '../../../core/review/diff.ts';
import { DiffView } from '../../components/DiffView.tsx';
import { StateBadge } from '../../components/StateBadge.tsx';

type Props = {
  readonly db: AudarmaDb;
  readonly rendering: Rendering | undefined;
  readonly languageName: string;
};

/** Every revision of the active rendering, newest first, each with its diff against the one before. */
export function HistoryPanel({ db, rendering, languageName }: Props) {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<{ readonly key: string; readonly rows: readonly Revision[] }>({
    key: '',
    rows: [],
  });
  const renderingKey = rendering ? `${rendering.id}@${rendering.revision}` : '';
  // Rows loaded for another rendering are never shown, even for the moment before the new ones arrive.

  useEffect(() => {
    let cancelled = false;
    if (!rendering) return;
    void listRevisions(db, rendering.id).then((rows) => {
      if (!cancelled) setLoaded({ key: renderingKey, rows });
    });
    return () => {
      cancelled = true;
    };
    // The key changes exactly when a new revision is written.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, renderingKey]);

  const entries = useMemo(() => {
    const revisions = loaded.key === renderingKey ? loaded.rows : [];
    return revisions
      .map((revision, i) => ({ revision, spans: diffText(revisions[i - 1]?.text ?? '', revision.text) }))
      .reverse();
  }, [loaded, renderingKey]);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="panel history-panel" aria-label={t('history.title')}>
      <h2>
        {t('history.title')} <span className="panel-sub">{languageName}</span>
      </h2>
      {entries.length === 0 ? (
        <p className="placeholder">{t('history.empty')}</p>
      ) : (
        <ol className="history-list">
          {entries.map(({ revision, spans }) => (
            <li key={revision.id} className="history-item">
              <div className="history-meta">
                <span className="history-number">#{revision.number}</span>
                <span>{t(`history.action.${revision.action}`)}</span>
                <StateBadge state={revision.state} />
                <span className="history-author">{revision.author}</span>
                <time dateTime={new Date(revision.at).toISOString()}>{time.format(revision.at)}</time>
              </div>
              {revision.note && <p className="history-note">{t('history.note', { note: revision.note })}</p>}
              <div className="history-text">
                <DiffView spans={spans} label={t('history.diffAgainstPrevious')} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
