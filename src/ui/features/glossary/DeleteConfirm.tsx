import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermEntry } from '../../../core/model/term.ts';

/** Asks before deleting entries: Enter (on Delete, which has focus) confirms, Escape cancels. */
export function DeleteConfirm({
  entries,
  onConfirm,
  onCancel,
}: {
  readonly entries: readonly TermEntry[];
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  const terms = entries.map((e) => e.terms[0]?.text ?? e.id);
  return (
    <div
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="glossary-delete-title"
      className="panel glossary-confirm"
      onKeyDown={onKeyDown}
    >
      <p id="glossary-delete-title">
        {t('glossary.delete.question', { count: entries.length, terms: terms.slice(0, 5).join(', ') })}
      </p>
      <div className="glossary-editor-actions">
        <button ref={confirmRef} type="button" className="glossary-button danger" onClick={onConfirm}>
          {t('glossary.delete.confirm')}
        </button>
        <button type="button" className="glossary-button" onClick={onCancel}>
          {t('glossary.delete.cancel')}
        </button>
      </div>
    </div>
  );
}
