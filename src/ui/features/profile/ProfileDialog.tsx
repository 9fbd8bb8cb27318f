import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from './profile.ts';

const LANGS = ['ru', 'en', 'kk'] as const;

/** Asks for the reviewer's name and working languages; shown on first start and from the header. */
export function ProfileDialog(props: {
  readonly initial?: Profile;
  readonly onSave: (profile: Profile) => void;
  readonly onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.initial?.name ?? '');
  const [languages, setLanguages] = useState<readonly string[]>(
    props.initial?.languages ?? ['ru', 'en', 'kk'],
  );
  const titleId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() !== '') props.onSave({ name: name.trim(), languages });
  };
  return (
    <div className="modal-backdrop">
      <form
        className="modal profile-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={submit}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && props.onCancel) props.onCancel();
        }}
      >
        <h2 id={titleId}>{props.initial ? t('profile.editTitle') : t('profile.welcomeTitle')}</h2>
        {!props.initial && <p className="modal-lead">{t('profile.welcomeLead')}</p>}
        <label className="field">
          <span>{t('profile.name')}</span>
          <input autoFocus required value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <fieldset className="field">
          <legend>{t('profile.languages')}</legend>
          {LANGS.map((lang) => (
            <label key={lang} className="check">
              <input
                type="checkbox"
                checked={languages.includes(lang)}
                onChange={(event) =>
                  setLanguages((current) =>
                    event.target.checked ? [...current, lang] : current.filter((l) => l !== lang),
                  )
                }
              />
              {t(`language.${lang}`)}
            </label>
          ))}
        </fieldset>
        <div className="modal-actions">
          {props.onCancel && (
            <button type="button" onClick={props.onCancel}>
              {t('editor.cancel')}
            </button>
          )}
          <button type="submit" className="primary" disabled={name.trim() === ''}>
            {props.initial ? t('profile.save') : t('profile.start')}
          </button>
        </div>
      </form>
    </div>
  );
}
