import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate, SourceText } from '../../../core/glossary/extractCandidates.ts';
import { candidateKey, listDismissedCandidates, setCandidatesDismissed } from '../../../storage/glossary.ts';
import { classifyStorageError } from '../../../storage/errors.ts';
import { runJob } from '../../hooks/runJob.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { reportProblem } from '../../app/problems.ts';

type Props = {
  readonly workbench: Workbench;
  readonly onAccept: (candidate: Candidate) => void;
};

/** The texts candidates are looked for in: each unit's source, machine translations and edited renderings. */
function documentTexts(workbench: Workbench): SourceText[] {
  const texts: SourceText[] = [];
  for (const unit of workbench.units) {
    if (unit.source)
      texts.push({ id: `${unit.index}|s`, text: unit.source, lang: workbench.project.sourceLang });
    // A language's machine translation and corrected rendering are one use of a term in the unit.
    for (const [lang, text] of Object.entries(unit.mt))
      if (text) texts.push({ id: `${unit.index}|m|${lang}`, text, lang, unit: `${unit.index}|${lang}` });
    for (const [lang, perUnit] of workbench.renderings) {
      const r = perUnit.get(unit.id);
      if (r?.text && r.text !== unit.mt[lang])
        texts.push({ id: `${unit.index}|r|${lang}`, text: r.text, lang, unit: `${unit.index}|${lang}` });
    }
  }
  return texts;
}

const unitNumberOf = (contextId: string) => Number(contextId.split('|')[0]) + 1;

/**
 * Term candidates found in the document (by the worker), minus those already in the glossary and those
 * dismissed. Arrows move; Enter accepts (opens a prefilled new entry); Delete dismisses, for good.
 */
export function CandidateList({ workbench, onAccept }: Props) {
  const { t } = useTranslation();
  const { db, project } = workbench;
  const [result, setResult] = useState<{ readonly key: string; readonly found: readonly Candidate[] }>();
  const [progress, setProgress] = useState(0);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [showDismissed, setShowDismissed] = useState(false);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const texts = useMemo(() => documentTexts(workbench), [workbench]);
  const textById = useMemo(() => new Map(texts.map((x) => [x.id, x.text])), [texts]);
  const runKey = `${workbench.document.id}#${generation}`;
  const candidates = result?.key === runKey ? result.found : undefined;

  useEffect(() => {
    let cancelled = false;
    runJob('extractCandidates', { texts }, (f) => !cancelled && setProgress(f)).then(
      (found) => !cancelled && setResult({ key: runKey, found }),
      (failure: unknown) => !cancelled && setError(String(failure)),
    );
    return () => {
      cancelled = true;
    };
    // The document's texts are read when it opens and on Refresh, not after every keystroke of a review.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runKey]);

  useEffect(() => {
    let cancelled = false;
    listDismissedCandidates(db, project.id)
      .then((keys) => {
        if (!cancelled) setDismissed(new Set(keys));
      })
      .catch((error: unknown) => {
        // An effect that was left (another document, the app closed) has no one to tell.
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db, project.id]);

  const known = useMemo(
    () =>
      new Set(workbench.glossary.flatMap((e) => e.terms.map((term) => candidateKey(term.lang, term.text)))),
    [workbench.glossary],
  );
  const shown = useMemo(
    () =>
      (candidates ?? []).filter((c) => {
        const key = candidateKey(c.lang, c.text);
        return !known.has(key) && dismissed.has(key) === showDismissed;
      }),
    [candidates, known, dismissed, showDismissed],
  );
  const current = shown[Math.min(active, shown.length - 1)];
  const activeIndex = Math.min(active, shown.length - 1);

  const dismiss = useCallback(
    async (candidate: Candidate, restore: boolean) => {
      try {
        const keys = await setCandidatesDismissed(
          db,
          project.id,
          [candidateKey(candidate.lang, candidate.text)],
          !restore,
        );
        setDismissed(new Set(keys));
        setError(undefined);
      } catch (failure) {
        const storage = classifyStorageError(failure);
        setError(t(`storage.failure.${storage.failure}`, { message: storage.message }));
      }
    },
    [db, project.id, t],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = shown.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, activeIndex + 1),
      ArrowUp: Math.max(0, activeIndex - 1),
      Home: 0,
      End: last,
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      setActive(Math.max(0, to));
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      onAccept(current);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && current) {
      event.preventDefault();
      void dismiss(current, showDismissed);
    }
  };

  const optionId = (i: number) => `glossary-candidate-${i}`;
  return (
    <section className="panel glossary-candidates" aria-label={t('glossary.candidates.title')}>
      <h2>
        {t('glossary.candidates.title')}{' '}
        {candidates && (
          <span className="panel-sub">{t('glossary.candidates.count', { count: shown.length })}</span>
        )}
      </h2>
      <div className="glossary-candidates-bar">
        <button type="button" className="glossary-button" onClick={() => setGeneration((g) => g + 1)}>
          {t('glossary.candidates.refresh')}
        </button>
        <label>
          <input
            type="checkbox"
            checked={showDismissed}
            onChange={(e) => setShowDismissed(e.target.checked)}
          />{' '}
          {t('glossary.candidates.showDismissed', { count: dismissed.size })}
        </label>
      </div>
      {error && (
        <p role="alert" className="glossary-error">
          {error}
        </p>
      )}
      {!candidates ? (
        <p role="status">{t('glossary.candidates.working', { percent: Math.round(progress * 100) })}</p>
      ) : shown.length === 0 ? (
        <p className="placeholder">{t('glossary.candidates.none')}</p>
      ) : (
        <>
          <ul
            role="listbox"
            tabIndex={0}
            className="glossary-candidate-list"
            aria-label={t('glossary.candidates.list')}
            aria-activedescendant={current ? optionId(activeIndex) : undefined}
            onKeyDown={onKeyDown}
          >
            {shown.map((c, i) => (
              <li
                key={candidateKey(c.lang, c.text)}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className={i === activeIndex ? 'is-active' : undefined}
                onClick={() => setActive(i)}
              >
                <span lang={c.lang} className="term-text">
                  {c.text}
                </span>{' '}
                <span className="glossary-frequency">
                  {t('glossary.candidates.frequency', { count: c.frequency })}
                </span>
              </li>
            ))}
          </ul>
          {current && (
            <div className="glossary-candidate-detail">
              <p className="glossary-hint">
                {t('glossary.candidates.sources', {
                  sources: current.sources.map((s) => t(`glossary.candidate.source.${s}`)).join(', '),
                })}
              </p>
              <ul className="glossary-contexts" aria-label={t('glossary.candidates.contexts')}>
                {current.contexts.slice(0, 3).map((ctx) => {
                  const text = textById.get(ctx.id) ?? '';
                  return (
                    <li key={`${ctx.id}:${ctx.start}`}>
                      <span className="glossary-unit">
                        {t('glossary.candidates.unit', { n: unitNumberOf(ctx.id) })}
                      </span>{' '}
                      …{text.slice(Math.max(0, ctx.start - 40), ctx.start)}
                      <mark>{text.slice(ctx.start, ctx.end)}</mark>
                      {text.slice(ctx.end, ctx.end + 40)}…
                    </li>
                  );
                })}
              </ul>
              <div className="glossary-editor-actions">
                <button type="button" className="glossary-button primary" onClick={() => onAccept(current)}>
                  {t('glossary.candidates.accept')}
                </button>
                <button
                  type="button"
                  className="glossary-button"
                  onClick={() => void dismiss(current, showDismissed)}
                >
                  {showDismissed ? t('glossary.candidates.restore') : t('glossary.candidates.dismiss')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
