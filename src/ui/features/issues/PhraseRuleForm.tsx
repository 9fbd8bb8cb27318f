import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhraseRule } from '../../../core/checks/phraseRules.ts';
import { SEVERITIES, type MqmCategory, type Severity } from '../../../core/checks/types.ts';

const MQM_CATEGORIES: readonly MqmCategory[] = [
  'accuracy/mistranslation',
  'accuracy/omission',
  'accuracy/addition',
  'accuracy/untranslated',
  'terminology',
  'linguistic/grammar',
  'linguistic/spelling',
  'linguistic/punctuation',
  'locale-convention',
  'style',
];

type Props = {
  readonly rule: PhraseRule;
  readonly langs: readonly string[];
  /** Why the rule cannot be saved (an expression RE2 refuses), or undefined. */
  readonly validate: (rule: PhraseRule) => string | undefined;
  readonly onSave: (rule: PhraseRule) => void;
  readonly onCancel: () => void;
};

/** One phrase rule being written or edited: a phrase or a regular expression, and what to say about it. */
export function PhraseRuleForm({ rule, langs, validate, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(rule);
  const [problem, setProblem] = useState<string>();
  const set = (patch: Partial<PhraseRule>) => setDraft((current) => ({ ...current, ...patch }));
  const submit = () => {
    const { suggestion, note, ...rest } = draft;
    const clean: PhraseRule = {
      ...rest,
      match: draft.match.trim(),
      ...(suggestion?.trim() ? { suggestion } : {}),
      ...(note?.trim() ? { note: note.trim() } : {}),
    };
    if (clean.match === '') {
      setProblem(t('phraseRules.noPhrase'));
      return;
    }
    const bad = validate(clean);
    if (bad) {
      setProblem(t('phraseRules.badRule', { message: bad }));
      return;
    }
    onSave(clean);
  };
  const options = [...new Set([...langs, draft.lang])];
  return (
    <form
      className="phrase-rule-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3 id={`${id}-title`}>{t('phraseRules.formTitle')}</h3>
      <label>
        {t('phraseRules.match')}
        <input value={draft.match} onChange={(e) => set({ match: e.target.value })} autoFocus />
      </label>
      <label className="filter-check">
        <input type="checkbox" checked={draft.regex} onChange={(e) => set({ regex: e.target.checked })} />
        {t('phraseRules.regex')}
      </label>
      <label>
        {t('phraseRules.suggestion')}
        <input value={draft.suggestion ?? ''} onChange={(e) => set({ suggestion: e.target.value })} />
      </label>
      <label>
        {t('phraseRules.lang')}
        <select value={draft.lang} onChange={(e) => set({ lang: e.target.value })}>
          {options.map((lang) => (
            <option key={lang} value={lang}>
              {t(`language.${lang}`, { defaultValue: lang })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('phraseRules.severity')}
        <select value={draft.severity} onChange={(e) => set({ severity: e.target.value as Severity })}>
          {SEVERITIES.map((value) => (
            <option key={value} value={value}>
              {t(`severity.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('phraseRules.category')}
        <select value={draft.category} onChange={(e) => set({ category: e.target.value as MqmCategory })}>
          {MQM_CATEGORIES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('phraseRules.kind')}
        <select
          value={draft.kind}
          onChange={(e) => set({ kind: e.target.value === 'false-friend' ? 'false-friend' : 'calque' })}
        >
          <option value="calque">{t('phraseRules.kindCalque')}</option>
          <option value="false-friend">{t('phraseRules.kindFalseFriend')}</option>
        </select>
      </label>
      <label>
        {t('phraseRules.note')}
        <input value={draft.note ?? ''} onChange={(e) => set({ note: e.target.value })} />
      </label>
      {problem && (
        <p className="filter-error" role="alert">
          {problem}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          {t('editor.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('phraseRules.saveRule')}
        </button>
      </div>
    </form>
  );
}
