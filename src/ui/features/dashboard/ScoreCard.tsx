import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roundScore, type MqmScore } from '../../../core/review/mqm.ts';
import type { EvaluationScope } from './useDashboardData.ts';
import { reportProblem } from '../../app/problems.ts';

const isThreshold = (value: number): boolean => Number.isFinite(value) && value >= 0 && value <= 100;

/** The MQM score as a big number with its verdict, the words it is based on, and the project's pass threshold. */
export function ScoreCard({
  score,
  totalWords,
  threshold,
  onThreshold,
  scope,
  onScope,
}: {
  readonly score: MqmScore;
  readonly totalWords: number;
  readonly threshold: number;
  readonly onThreshold: (value: number) => Promise<void>;
  readonly scope: EvaluationScope;
  readonly onScope: (scope: EvaluationScope) => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const helpId = useId();
  const [draft, setDraft] = useState(String(threshold));
  const [saved, setSaved] = useState<number | undefined>(undefined);
  // The stored threshold arrives after the first render: take it over unless the user is typing another one.
  const [shown, setShown] = useState(threshold);
  if (shown !== threshold) {
    setShown(threshold);
    setDraft(String(threshold));
  }
  const value = Number(draft.replace(',', '.'));
  const invalid = draft.trim() === '' || !isThreshold(value);
  const one = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const verdict = score.score === undefined ? undefined : score.passed ? 'pass' : 'fail';

  const commit = () => {
    if (invalid || value === threshold) return;
    onThreshold(value)
      .then(() => setSaved(value))
      .catch(reportProblem);
  };

  return (
    <section className="dash-card dash-score" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('dashboard.score.heading')}</h2>
      <div className="dash-score-main">
        <p className={`dash-score-value ${verdict ?? 'none'}`}>
          {score.score === undefined ? '—' : one.format(roundScore(score.score))}
        </p>
        {verdict && (
          <p className={`dash-verdict ${verdict}`}>
            {verdict === 'pass' ? t('dashboard.score.pass') : t('dashboard.score.fail')}
          </p>
        )}
      </div>
      {score.score === undefined && <p className="dash-muted">{t('dashboard.score.none')}</p>}
      {score.hasCritical && <p className="dash-critical">{t('dashboard.score.critical')}</p>}
      <p className="dash-muted">
        {t('dashboard.score.penalty', {
          penalty: score.penalty,
          normalised: score.normalisedPenalty === undefined ? '—' : one.format(score.normalisedPenalty),
        })}
      </p>
      <p className="dash-muted">
        {t('dashboard.score.words', { words: score.evaluatedWords, total: totalWords })}
      </p>
      <div className="dash-fields">
        <label>
          <span>{t('dashboard.score.threshold')}</span>
          <input
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={0.5}
            value={draft}
            aria-invalid={invalid}
            aria-describedby={helpId}
            onChange={(event) => {
              setDraft(event.target.value);
              setSaved(undefined);
            }}
            onBlur={commit}
            onKeyDown={(event) => {
              if (event.key === 'Enter') commit();
            }}
          />
        </label>
        <label>
          <span>{t('dashboard.score.scope')}</span>
          <select value={scope} onChange={(event) => onScope(event.target.value as EvaluationScope)}>
            <option value="document">{t('dashboard.score.scopeDocument')}</option>
            <option value="reviewed">{t('dashboard.score.scopeReviewed')}</option>
          </select>
        </label>
      </div>
      <p id={helpId} className={invalid ? 'dash-error' : 'dash-muted'}>
        {invalid ? t('dashboard.score.thresholdInvalid') : t('dashboard.score.thresholdHelp')}
      </p>
      <p role="status" className="dash-muted">
        {saved !== undefined ? t('dashboard.score.thresholdSaved', { threshold: saved }) : ''}
      </p>
    </section>
  );
}
