import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../locales/en/translation.json';
import ru from '../../locales/ru/translation.json';
import kk from '../../locales/kk/translation.json';

export const UI_LANGUAGES = ['en', 'ru', 'kk'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** One i18next instance per app (and per test), with all three locales bundled: together they are a few KiB. */
export function createI18n(language: UiLanguage = 'en'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru }, kk: { translation: kk } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
