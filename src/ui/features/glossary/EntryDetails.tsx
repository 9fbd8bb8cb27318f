import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { concordance, type ConcordanceInput, type Span } from '../../../core/glossary/concordance.ts';
import { entrySummary } from '../../../core/glossary/status.ts';
import { TERM_STATUSES, type Term, type TermEntry, type TermStatus } from '../../../core/model/term.ts';
import type { Unit } from '../../../core/model/types.ts';
import type { RenderingsByLang } from '../../../core/glossary/occurrences.ts';
import type { AudarmaDb } from '../../../storage/db.ts';
import { listEntryHistory, type HistoryRecord } from '../../../storage/glossary.ts';
import type { Occurrence } from '../../../core/glossary/occurrences.ts';
import { reportProblem } from '../../app/problems.ts';

type Props = {
  readonly db: AudarmaDb;
  readonly entry: TermEntry | undefined;
  readonly occurrence: Occurrence | undefined;
  readonly formatDate: (at: number) => string;
  /** The document, for the entry's concordance. */
  readonly sourceLang: string;
  readonly targetLangs: readonly string[];
  readonly units: readonly Unit[];
  readonly renderings: RenderingsByLang;
  /** Sets one term's status (the view asks for a reason where one is needed). */
  readonly onTermStatus: (entry: TermEntry, term: Term, status: TermStatus) => void;
};

const CONCORDANCE_ROWS = 50;

/** `text` with the spans marked. */
function Marked({ text, spans }: { readonly text: string; readonly spans: readonly Span[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [i, s] of [...spans].sort((a, b) => a.start - b.start).entries()) {
    if (s.start < at) continue;
    parts.push(text.slice(at, s.start), <mark key={i}>{text.slice(s.start, s.end)}</mark>);
    at = s.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

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
      case 'restored':
        return t('glossary.history.restored', { terms: r.after ?? '' });
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

/**
 * The active entry: its terms with their statuses (who set each and when, and buttons to change one), where
 * it occurs and how each unit rendered it (deviations from the approved terms marked), and every change
 * made to it, oldest first.
 */
export function EntryDetails(props: Props) {
  const { db, entry, occurrence, formatDate } = props;
  const { t } = useTranslation();
  const describe = useDescribe();
  const [history, setHistory] = useState<readonly HistoryRecord[]>([]);
  const [onlyDeviating, setOnlyDeviating] = useState(false);
  const { units, renderings, sourceLang, targetLangs } = props;
  const rows = useMemo(() => {
    if (!entry || !occurrence) return [];
    const wanted = new Set(occurrence.units);
    const inputs: ConcordanceInput[] = units
      .filter((u) => wanted.has(u.index + 1))
      .map((u) => ({
        unit: u.index + 1,
        source: u.source,
        targets: targetLangs.map((lang) => ({
          lang,
          text: renderings.get(lang)?.get(u.id)?.text || u.mt[lang] || '',
        })),
      }));
    return concordance(entry, sourceLang, inputs);
  }, [entry, occurrence, units, renderings, sourceLang, targetLangs]);
  const id = entry?.id;
  const version = entry?.updatedAt;

  useEffect(() => {
    if (id === undefined) return;
    let cancelled = false;
    listEntryHistory(db, id)
      .then((records) => {
        if (!cancelled) setHistory(records);
      })
      .catch((error: unknown) => {
        // An effect that was left (another document, the app closed) has no one to tell.
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db, id, version]);

  if (!entry) return null;
  const title = entry.terms[0]?.text ?? entry.id;
  const summary = entrySummary(entry);
  const language = (lang: string) => t(`language.${lang}`, { defaultValue: lang });
  const shownRows = (onlyDeviating ? rows.filter((r) => r.deviates) : rows).slice(0, CONCORDANCE_ROWS);
  return (
    <section className="panel glossary-details" aria-label={t('glossary.details.label', { term: title })}>
      <h2>{title}</h2>
      <p>
        {t('glossary.details.entryStatus')}{' '}
        <span className={`term-status status-${summary.status}`}>
          {t(`glossary.status.${summary.status}`)}
        </span>
      </p>
      <ul className="glossary-details-terms" aria-label={t('glossary.details.terms')}>
        {entry.terms.map((term) => (
          <li key={`${term.lang}:${term.text}`}>
            <span lang={term.lang} className="term-text">
              {term.text}
            </span>{' '}
            <span className="glossary-hint">{language(term.lang)}</span>{' '}
            <span className={`term-status status-${term.status}`}>{t(`glossary.status.${term.status}`)}</span>{' '}
            <span className="glossary-set-by">
              {term.setBy || term.setAt !== undefined
                ? t('glossary.details.setBy', {
                    by: term.setBy ?? '—',
                    at: term.setAt !== undefined ? formatDate(term.setAt) : '—',
                  })
                : ''}
            </span>{' '}
            <span role="group" aria-label={t('glossary.details.setStatus', { term: term.text })}>
              {TERM_STATUSES.filter((s) => s !== term.status).map((status) => (
                <button
                  key={status}
                  type="button"
                  className="glossary-button small"
                  onClick={() => props.onTermStatus(entry, term, status)}
                >
                  {t(`glossary.details.make.${status}`)}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
      <p className="glossary-occurrence-line">
        {occurrence
          ? t('glossary.details.occursIn', {
              count: occurrence.units.length,
              units: occurrence.units.join(', '),
            })
          : t('glossary.table.noOccurrences')}
      </p>
      {rows.length > 0 && (
        <>
          <h3>{t('glossary.concordance.title')}</h3>
          <label>
            <input
              type="checkbox"
              checked={onlyDeviating}
              onChange={(e) => setOnlyDeviating(e.target.checked)}
            />{' '}
            {t('glossary.concordance.onlyDeviating', { count: rows.filter((r) => r.deviates).length })}
          </label>
          <ol className="glossary-concordance" aria-label={t('glossary.concordance.title')}>
            {shownRows.map((row) => (
              <li key={row.unit} className={row.deviates ? 'is-deviating' : undefined}>
                <span className="glossary-unit">{t('glossary.candidates.unit', { n: row.unit })}</span>
                {row.source && (
                  <div lang={sourceLang}>
                    <Marked text={row.source} spans={row.sourceSpans} />
                  </div>
                )}
                {row.renderings.map((r) => (
                  <div key={r.lang} lang={r.lang} className={`verdict-${r.verdict}`}>
                    <span className={`glossary-verdict verdict-${r.verdict}`}>
                      {language(r.lang)}:{' '}
                      {t(`glossary.concordance.verdict.${r.verdict}`, { terms: r.terms.join(', ') })}
                    </span>{' '}
                    <Marked text={r.text} spans={r.spans} />
                  </div>
                ))}
              </li>
            ))}
          </ol>
        </>
      )}
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
