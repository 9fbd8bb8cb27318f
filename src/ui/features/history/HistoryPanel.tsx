import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudarmaDb, DismissalRow } from '../../../storage/db.ts';
import { listRevisions } from '../../../storage/renderings.ts';
import type { Rendering, Revision } from '../../../core/model/types.ts';
import { useDiffText } from '../../hooks/useDiffText.ts';
import { DiffView } from '../../components/DiffView.tsx';
import { StateBadge } from '../../components/StateBadge.tsx';
import { reportProblem } from '../../app/problems.ts';
import { dateFormatter } from '../../../i18n/formatDate.ts';

type Props = {
  readonly db: AudarmaDb;
  readonly rendering: Rendering | undefined;
  readonly languageName: string;
  /** Machine translation of the unit in this language, to diff against. */
  readonly machineText?: string;
  readonly onRestore?: (revision: Revision) => void;
  /** QA issues of this rendering marked "not an error": part of its history too. */
  readonly dismissals?: readonly DismissalRow[];
};

/** Every revision of the active rendering, newest first, each with its diff against the one before. */
export function HistoryPanel({
  db,
  rendering,
  languageName,
  machineText,
  onRestore,
  dismissals = [],
}: Props) {
  const { t, i18n } = useTranslation();
  const diffText = useDiffText();
  const [loaded, setLoaded] = useState<{ readonly key: string; readonly rows: readonly Revision[] }>({
    key: '',
    rows: [],
  });
  const renderingKey = rendering ? `${rendering.id}@${rendering.revision}` : '';
  const [against, setAgainst] = useState<'previous' | 'mt'>('previous');
  const compareWithMt = against === 'mt' && machineText !== undefined;
  // Rows loaded for another rendering are never shown, even for the moment before the new ones arrive.

  useEffect(() => {
    let cancelled = false;
    if (!rendering) return;
    listRevisions(db, rendering.id)
      .then((rows) => {
        if (!cancelled) setLoaded({ key: renderingKey, rows });
      })
      .catch((error: unknown) => {
        // An effect that was left (another document, the app closed) has no one to tell.
        if (!cancelled) reportProblem(error);
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
      .map((revision, i) => ({
        revision,
        spans: diffText(compareWithMt ? (machineText ?? '') : (revisions[i - 1]?.text ?? ''), revision.text),
      }))
      .reverse();
  }, [loaded, renderingKey, compareWithMt, machineText, diffText]);
  const time = dateFormatter(i18n.language, 'long');

  return (
    <section className="panel history-panel" aria-label={t('history.title')} tabIndex={-1}>
      <h2>
        {t('history.title')} <span className="panel-sub">{languageName}</span>
      </h2>
      {machineText !== undefined && entries.length > 0 && (
        <div className="segmented" role="radiogroup" aria-label={t('history.compare')}>
          {(['previous', 'mt'] as const).map((value) => (
            <label key={value} className={against === value ? 'on' : undefined}>
              <input
                type="radio"
                name="history-against"
                checked={against === value}
                onChange={() => setAgainst(value)}
              />
              {t(`history.against.${value}`)}
            </label>
          ))}
        </div>
      )}
      {dismissals.length > 0 && (
        <ul className="history-dismissals" aria-label={t('history.dismissals')}>
          {dismissals.map((d) => (
            <li key={d.id}>
              {t('history.dismissed', {
                check: d.issueKey.split(':')[0],
                name: d.by,
                time: time(d.at),
              })}
            </li>
          ))}
        </ul>
      )}
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
                <time dateTime={new Date(revision.at).toISOString()}>{time(revision.at)}</time>
              </div>
              {revision.note && <p className="history-note">{t('history.note', { note: revision.note })}</p>}
              <div className="history-text">
                <DiffView
                  spans={spans}
                  label={compareWithMt ? t('grid.diffAgainstMt') : t('history.diffAgainstPrevious')}
                />
              </div>
              {onRestore &&
                rendering &&
                revision.number < rendering.revision &&
                revision.text !== rendering.text && (
                  <button type="button" className="link-button" onClick={() => onRestore(revision)}>
                    {t('history.restore', { n: revision.number })}
                  </button>
                )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
