import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConcordanceHit, Span } from '../../../core/memory/concordance.ts';
import type { MemoryEntry } from '../../../core/memory/types.ts';
import { reportProblem } from '../../app/problems.ts';
import { runJob } from '../../hooks/runJob.ts';
import { Modal } from '../../components/Modal.tsx';

export function Highlighted({
  text,
  spans,
  lang,
}: {
  readonly text: string;
  readonly spans: readonly Span[];
  readonly lang: string;
}) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  spans.forEach((span, i) => {
    parts.push(text.slice(at, span.start), <mark key={i}>{text.slice(span.start, span.end)}</mark>);
    at = span.end;
  });
  parts.push(text.slice(at));
  return <span lang={lang}>{parts}</span>;
}

type Props = {
  /** The database whose memory the worker searches. */
  readonly db: string;
  readonly originOf: (entry: MemoryEntry) => string;
  readonly onClose: () => void;
};

/** Concordance search: a phrase in any language, every approved segment containing it, the phrase marked. */
export function ConcordanceDialog({ db, originOf, onClose }: Props) {
  const { t } = useTranslation();
  const [phrase, setPhrase] = useState('');
  const deferred = useDeferredValue(phrase);
  const hits = useConcordance(db, deferred);
  return (
    <Modal title={t('memory.concordance.title')} className="concordance" onEscape={onClose}>
      <label className="concordance-field">
        <span>{t('memory.concordance.phrase')}</span>
        <input type="search" autoFocus value={phrase} onChange={(event) => setPhrase(event.target.value)} />
      </label>
      <p role="status" className="panel-sub">
        {deferred.trim().length < 2
          ? t('memory.concordance.hint')
          : t('memory.concordance.count', { count: hits.length })}
      </p>
      <table className="concordance-results">
        <thead>
          <tr>
            <th scope="col">{t('memory.concordance.source')}</th>
            <th scope="col">{t('memory.concordance.target')}</th>
            <th scope="col">{t('memory.concordance.origin')}</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => (
            <tr key={hit.entry.id}>
              <td>
                {hit.entry.source !== '' ? (
                  <Highlighted text={hit.entry.source} spans={hit.source} lang={hit.entry.sourceLang} />
                ) : (
                  <Highlighted text={hit.entry.mt ?? ''} spans={hit.mt} lang={hit.entry.targetLang} />
                )}
              </td>
              <td>
                <Highlighted text={hit.entry.target} spans={hit.target} lang={hit.entry.targetLang} />
              </td>
              <td className="panel-sub">{originOf(hit.entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="editor-actions">
        <button type="button" onClick={onClose}>
          {t('memory.concordance.close')}
        </button>
      </div>
    </Modal>
  );
}

/** Concordance hits for a phrase, searched in the worker; the last answer stays until the next arrives. */
function useConcordance(db: string, phrase: string): readonly ConcordanceHit[] {
  const [found, setFound] = useState<{ readonly phrase: string; readonly hits: readonly ConcordanceHit[] }>({
    phrase: '',
    hits: [],
  });
  const wanted = phrase.trim().length < 2 ? '' : phrase;
  useEffect(() => {
    if (wanted === '') return;
    let cancelled = false;
    runJob('memoryConcordance', { db, phrase: wanted })
      .then((hits) => {
        if (!cancelled) setFound({ phrase: wanted, hits });
      })
      .catch((error: unknown) => {
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db, wanted]);
  return wanted === '' ? [] : found.hits;
}
