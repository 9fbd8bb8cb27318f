import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { needsReason } from '../../../core/glossary/status.ts';
import type { TermEntry, TermStatus } from '../../../core/model/term.ts';

/** One term a status key is about to change. */
export type PlannedTermChange = { readonly lang: string; readonly text: string; readonly from: TermStatus };

/** The entries a status key will change, each with its terms. */
export type StatusPlan = {
  readonly to: TermStatus;
  readonly entries: readonly { readonly entry: TermEntry; readonly terms: readonly PlannedTermChange[] }[];
};

/** Whether any change of the plan reverses a decision and so needs a reason. */
export const planNeedsReason = (plan: StatusPlan): boolean =>
  plan.entries.some((e) => e.terms.some((term) => needsReason(term.from, plan.to)));

const SHOWN = 12;

/**
 * Shows which entries and terms a status key will change before anything is written; asks for the reason
 * where a decision is reversed. Enter confirms, Escape cancels.
 */
export function StatusConfirm({
  plan,
  onConfirm,
  onCancel,
}: {
  readonly plan: StatusPlan;
  readonly onConfirm: (reason: string) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const reasonNeeded = planNeedsReason(plan);
  const reasonRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => (reasonNeeded ? reasonRef.current : confirmRef.current)?.focus(), [reasonNeeded]);
  const count = plan.entries.reduce((n, e) => n + e.terms.length, 0);
  const status = t(`glossary.status.${plan.to}`);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (reasonNeeded && reason.trim() === '') {
      reasonRef.current?.focus();
      return;
    }
    onConfirm(reason.trim());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      className="panel glossary-confirm"
      onSubmit={submit}
      onKeyDown={onKeyDown}
    >
      <p id={`${id}-title`}>
        {t('glossary.statusConfirm.question', { status, entries: plan.entries.length, count })}
      </p>
      <ul className="glossary-confirm-list" aria-label={t('glossary.statusConfirm.list')}>
        {plan.entries.slice(0, SHOWN).map(({ entry, terms }) => (
          <li key={entry.id}>
            {terms
              .map((term) =>
                t('glossary.statusConfirm.term', {
                  term: term.text,
                  language: t(`language.${term.lang}`, { defaultValue: term.lang }),
                  from: t(`glossary.status.${term.from}`),
                  to: status,
                }),
              )
              .join('; ')}
          </li>
        ))}
        {plan.entries.length > SHOWN && (
          <li>{t('glossary.import.more', { count: plan.entries.length - SHOWN })}</li>
        )}
      </ul>
      {reasonNeeded && (
        <label className="glossary-reason">
          {t('glossary.editor.reasonNeeded')}{' '}
          <input
            ref={reasonRef}
            type="text"
            aria-required="true"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
      )}
      <div className="glossary-editor-actions">
        <button ref={confirmRef} type="submit" className="glossary-button primary">
          {t('glossary.statusConfirm.confirm', { status })}
        </button>
        <button type="button" className="glossary-button" onClick={onCancel}>
          {t('glossary.statusConfirm.cancel')}
        </button>
      </div>
    </form>
  );
}
