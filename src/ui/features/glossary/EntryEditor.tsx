import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { needsReason } from '../../../core/glossary/status.ts';
import { TERM_STATUSES, type PartOfSpeech, type TermStatus } from '../../../core/model/term.ts';
import type { DraftTerm, EntryDraft } from './entryDraft.ts';

const PARTS_OF_SPEECH: readonly PartOfSpeech[] = [
  'noun',
  'verb',
  'adjective',
  'adverb',
  'properNoun',
  'other',
];

type Props = {
  readonly title: string;
  /** The statuses the terms have now (by draft row origin), to tell which changes need a reason. */
  readonly stored?: readonly TermStatus[];
  readonly initial: EntryDraft;
  readonly langs: readonly string[];
  readonly error?: string;
  readonly busy?: boolean;
  readonly onSave: (draft: EntryDraft) => void;
  readonly onCancel: () => void;
};

/**
 * Form for one entry: its terms (language, text and status each; an emptied term is removed), definition,
 * note and part of speech, and the reason for status changes (asked for when a decision is reversed).
 * Ctrl+Enter saves, Escape cancels.
 */
export function EntryEditor({ title, stored, initial, langs, error, busy, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<EntryDraft>(initial);
  const firstInput = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => firstInput.current?.focus(), []);

  const setTerm = (index: number, change: Partial<DraftTerm>) =>
    setDraft((d) => ({
      ...d,
      terms: d.terms.map((term, i) => (i === index ? { ...term, ...change } : term)),
    }));

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!busy) onSave(draft);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  // A reversed decision (approved ↔ forbidden) must say why: the field appears as soon as one is chosen.
  const reversing = draft.terms.some((term) => {
    const before = term.origin === undefined ? undefined : stored?.[term.origin];
    return before !== undefined && term.status !== undefined && needsReason(before, term.status);
  });
  const langOptions = [...new Set([...langs, ...draft.terms.map((term) => term.lang)])];
  return (
    <form className="glossary-editor" aria-label={title} onSubmit={submit} onKeyDown={onKeyDown}>
      <h3>{title}</h3>
      <fieldset className="glossary-editor-terms">
        <legend>{t('glossary.editor.terms')}</legend>
        {draft.terms.map((term, index) => {
          const language = t(`language.${term.lang}`, { defaultValue: term.lang });
          return (
            <div key={index} className="glossary-editor-term">
              <select
                aria-label={t('glossary.editor.termLang', { n: index + 1 })}
                value={term.lang}
                onChange={(e) => setTerm(index, { lang: e.target.value })}
              >
                {langOptions.map((lang) => (
                  <option key={lang} value={lang}>
                    {t(`language.${lang}`, { defaultValue: lang })}
                  </option>
                ))}
              </select>
              <input
                ref={index === 0 ? firstInput : undefined}
                type="text"
                lang={term.lang}
                aria-label={t('glossary.editor.term', { n: index + 1, language })}
                value={term.text}
                onChange={(e) => setTerm(index, { text: e.target.value })}
              />
              <select
                aria-label={t('glossary.editor.termStatus', { n: index + 1, language })}
                className={`term-status-select status-${term.status ?? 'proposed'}`}
                value={term.status ?? 'proposed'}
                onChange={(e) => setTerm(index, { status: e.target.value as TermStatus })}
              >
                {TERM_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`glossary.status.${status}`)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <button
          type="button"
          className="glossary-button"
          onClick={() =>
            setDraft((d) => ({ ...d, terms: [...d.terms, { lang: langs[0] ?? 'en', text: '' }] }))
          }
        >
          {t('glossary.editor.addTerm')}
        </button>
      </fieldset>
      {(reversing || draft.reason !== '') && (
        <>
          <label htmlFor={`${id}-reason`}>
            {reversing ? t('glossary.editor.reasonNeeded') : t('glossary.editor.reason')}
          </label>
          <input
            id={`${id}-reason`}
            type="text"
            value={draft.reason}
            aria-required={reversing}
            onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value }))}
          />
        </>
      )}
      <label htmlFor={`${id}-definition`}>{t('glossary.column.definition')}</label>
      <textarea
        id={`${id}-definition`}
        rows={2}
        value={draft.definition}
        onChange={(e) => setDraft((d) => ({ ...d, definition: e.target.value }))}
      />
      <label htmlFor={`${id}-note`}>{t('glossary.column.note')}</label>
      <textarea
        id={`${id}-note`}
        rows={2}
        value={draft.note}
        onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))}
      />
      <label htmlFor={`${id}-pos`}>{t('glossary.column.partOfSpeech')}</label>
      <select
        id={`${id}-pos`}
        value={draft.partOfSpeech}
        onChange={(e) =>
          setDraft((d) => ({ ...d, partOfSpeech: (e.target.value || '') as PartOfSpeech | '' }))
        }
      >
        <option value="">{t('glossary.pos.none')}</option>
        {PARTS_OF_SPEECH.map((pos) => (
          <option key={pos} value={pos}>
            {t(`glossary.pos.${pos}`)}
          </option>
        ))}
      </select>
      {error && (
        <p role="alert" className="glossary-error">
          {error}
        </p>
      )}
      <div className="glossary-editor-actions">
        <button type="submit" className="glossary-button primary" disabled={busy}>
          {t('glossary.editor.save')}
        </button>
        <button type="button" className="glossary-button" onClick={onCancel}>
          {t('glossary.editor.cancel')}
        </button>
        <span className="glossary-hint">{t('glossary.editor.hint')}</span>
      </div>
    </form>
  );
}
