import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../locales/en/translation.json';

export const UI_LANGUAGES = ['en', 'ru', 'kk'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

// English is bundled (it is also the fallback); Russian and Kazakh are fetched when chosen, keeping ~30 KiB of
// text out of the first screen's JavaScript.
const loaders: Readonly<Record<Exclude<UiLanguage, 'en'>, () => Promise<{ default: object }>>> = {
  ru: () => import('../../locales/ru/translation.json'),
  kk: () => import('../../locales/kk/translation.json'),
};

/** One i18next instance per app (and per test), English loaded, ready synchronously. */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** Loads a UI language's strings if they are not there yet, then switches to it. */
export async function switchLanguage(instance: i18n, language: UiLanguage): Promise<void> {
  if (language !== 'en' && !instance.hasResourceBundle(language, 'translation')) {
    const strings = await loaders[language]();
    instance.addResourceBundle(language, 'translation', strings.default);
  }
  await instance.changeLanguage(language);
}

/** An instance already speaking `language`: what the app starts with and what tests render with. */
export async function createI18nFor(language: UiLanguage): Promise<i18n> {
  const instance = createI18n();
  await switchLanguage(instance, language);
  return instance;
}
