import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, isUiLanguage, type UiLanguage } from '../../i18n/i18n.ts';

const NATIVE_NAMES: Readonly<Record<UiLanguage, string>> = { en: 'English', ru: 'Русский', kk: 'Қазақша' };

export function LanguageSwitcher({ onChange }: { readonly onChange: (language: UiLanguage) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switcher">
      <span>{t('app.uiLanguage')}</span>
      <select
        value={i18n.language}
        onChange={(event) => {
          if (isUiLanguage(event.target.value)) onChange(event.target.value);
        }}
      >
        {UI_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {NATIVE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
