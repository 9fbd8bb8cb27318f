import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckSettings, EnglishSpelling } from '../../../core/checks/types.ts';
import { ALPHABETS } from '../../../core/text/alphabets.ts';

type Props = {
  readonly settings: CheckSettings;
  readonly onUpdate: (change: (current: CheckSettings) => CheckSettings) => Promise<unknown>;
};

const CHOICES: readonly (EnglishSpelling | 'both')[] = ['en-GB', 'en-US', 'both'];

/** Letters a reviewer typed, one of each, lower case, white space and punctuation left out. */
function letterSet(text: string): string {
  return [...new Set([...text.toLowerCase()].filter((ch) => /\p{L}/u.test(ch)))].join('');
}

/** Which English the project writes, and the letters its Kazakh and Russian texts may use. */
export function SpellingPanel({ settings, onUpdate }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>();
  const [letters, setLetters] = useState<Readonly<Record<string, string>>>(() =>
    Object.fromEntries(Object.keys(ALPHABETS).map((lang) => [lang, settings.allowedLetters?.[lang] ?? ''])),
  );
  const write = async (change: (current: CheckSettings) => CheckSettings, done: string) => {
    try {
      await onUpdate(change);
      setStatus(done);
    } catch (error) {
      setStatus(
        t('phraseRules.writeFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
    }
  };
  const chosen = settings.englishSpelling ?? 'both';
  const saveLetters = (lang: string, value: string) => {
    const clean = letterSet(value);
    setLetters((current) => ({ ...current, [lang]: clean }));
    return write(
      (current) => {
        const { [lang]: _dropped, ...rest } = current.allowedLetters ?? {};
        return { ...current, allowedLetters: clean === '' ? rest : { ...rest, [lang]: clean } };
      },
      t(clean === '' ? 'spellingSettings.lettersReset' : 'spellingSettings.lettersSaved', {
        language: t(`language.${lang}`, { defaultValue: lang }),
      }),
    );
  };
  return (
    <div className="spelling-settings">
      <fieldset>
        <legend>{t('spellingSettings.english')}</legend>
        {CHOICES.map((choice) => (
          <label key={choice} className="filter-check">
            <input
              type="radio"
              name="english-spelling"
              checked={chosen === choice}
              onChange={() =>
                void write(
                  (current) => {
                    const { englishSpelling: _old, ...rest } = current;
                    return choice === 'both' ? rest : { ...rest, englishSpelling: choice };
                  },
                  t('spellingSettings.englishSaved', { choice: t(`spellingSettings.choice.${choice}`) }),
                )
              }
            />
            {t(`spellingSettings.choice.${choice}`)}
          </label>
        ))}
      </fieldset>
      {Object.entries(ALPHABETS).map(([lang, builtIn]) => {
        const language = t(`language.${lang}`, { defaultValue: lang });
        return (
          <fieldset key={lang}>
            <legend>{t('spellingSettings.letters', { language })}</legend>
            <p className="check-about">{t('spellingSettings.lettersHelp', { builtIn })}</p>
            <textarea
              aria-label={t('spellingSettings.lettersOf', { language })}
              rows={2}
              value={letters[lang] ?? ''}
              placeholder={builtIn}
              onChange={(event) => setLetters((current) => ({ ...current, [lang]: event.target.value }))}
            />
            <div className="modal-actions">
              <button type="button" onClick={() => void saveLetters(lang, '')}>
                {t('spellingSettings.useBuiltIn')}
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => void saveLetters(lang, letters[lang] ?? '')}
              >
                {t('spellingSettings.saveLetters', { language })}
              </button>
            </div>
          </fieldset>
        );
      })}
      {status && (
        <p className="phrase-rules-status" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
