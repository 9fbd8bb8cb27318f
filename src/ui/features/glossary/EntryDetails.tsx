import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermEntry } from '../../../core/model/term.ts';
import type { AudarmaDb } from '../../../storage/db.ts';
import { listEntryHistory, type HistoryRecord } from '../../../storage/glossary.ts';
import type { Occurrence } from '../../../core/glossary/occurrences.ts';
import { reportProblem } from '../../app/problems.ts';

type Props = {
  readonly db: AudarmaDb;
  readonly entry: TermEntry | undefined;
  readonly occurrence: Occurrence | undefined;
  readonly formatDate: (at: number) => string;
};

/** One history record as a sentence: what changed, from what to what. */
function useDescribe() {
  const { t } = useTranslation();
  const value = (field: string, v: string | null) => {
    if (v === null) return t('glossary.history.empty');
    if (field === 'status') return t(`glossary.status.${v}`, { defaultValue: v });
    if (field === 'partOfSpeech') return t(`glossary.pos.${v}`, { defaultValue: v });
    return `“${v}”`;
  };
  return (r: HistoryRecord): string => {
    const language = r.lang ? t(`language.${r.lang}`, { defaultValue: r.lang }) : '';
    switch (r.change) {
      case 'created':
        return t('glossary.history.created');
      case 'imported':
        return t('glossary.history.imported', { file: r.after ?? '' });
      case 'deleted':
        return t('glossary.history.deleted', { terms: r.before ?? '' });
      case 'term':
        if (r.before === null) return t('glossary.history.termAdded', { term: r.after ?? '', language });
        if (r.after === null) return t('glossary.history.termRemoved', { term: r.before, language });
        return t('glossary.history.termRenamed', { before: r.before, after: r.after, language });
      case 'status':
        return t('glossary.history.status', {
          term: r.term ?? '',
          language,
          before: value('status', r.before),
          after: value('status', r.after),
        });
      default:
        return t('glossary.history.field', {
          field: t(`glossary.column.${r.change}`),
          before: value(r.change, r.before),
          after: value(r.change, r.after),
        });
    }
  };
}

/** The active entry: where it occurs and every change made to it, oldest first. */
export function EntryDetails({ db, entry, occurrence, formatDate }: Props) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const [history, setHistory] = useState<readonly HistoryRecord[]>([]);
  const id = entry?.id;
  const version = entry?.updatedAt;

  useEffect(() => {
    if (id === undefined) return;
    let cancelled = false;
    listEntryHistory(db, id)
      .then((records) => {
        if (!cancelled) setHistory(records);
      })
      .catch(reportProblem);
    return () => {
      cancelled = true;
    };
  }, [db, id, version]);

  if (!entry) return null;
  const title = entry.terms[0]?.text ?? entry.id;
  return (
    <section className="panel glossary-details" aria-label={t('glossary.details.label', { term: title })}>
      <h2>{title}</h2>
      <p className="glossary-occurrence-line">
        {occurrence
          ? t('glossary.details.occurs', { count: occurrence.count, units: occurrence.units.join(', ') })
          : t('glossary.table.noOccurrences')}
      </p>
      <h3>{t('glossary.history.title')}</h3>
      {history.length === 0 ? (
        <p className="placeholder">{t('glossary.history.none')}</p>
      ) : (
        <ol className="glossary-history" aria-label={t('glossary.history.title')}>
          {history.map((r) => (
            <li key={r.id}>
              <span className="glossary-history-what">{describe(r)}</span>
              <span className="glossary-history-meta">
                {r.by} · {formatDate(r.at)}
                {r.reason ? ` · ${r.reason}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
