import i18next, { type BackendModule, type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import firstScreen from 'virtual:ui-strings/en/translation';
// Imported statically: main.tsx awaits the saved language's strings at its top level, and a chunk loaded meanwhile
// that imported back from the entry (as a lazily imported loader table would) would wait for it forever.
import { loaders } from 'virtual:ui-strings';
import { UI_NAMESPACES, type LazyNamespace } from './namespaces.ts';
import { wholeStrings } from './wholeStrings.ts';

export const UI_LANGUAGES = ['en', 'ru', 'kk'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

const LAZY = UI_NAMESPACES.filter((ns): ns is LazyNamespace => ns !== 'translation');

/**
 * Fetches a language's strings one namespace at a time (src/i18n/namespaces.ts). Only English's first-screen
 * strings are bundled; the rest, and other languages, come when a view or a language needs them.
 */
const lazyStrings: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, done) {
    const load = loaders[language]?.[namespace];
    if (!load) {
      done(new Error(`no strings for ${language}/${namespace}`), false);
      return;
    }
    load()
      .then((strings) => done(null, strings.default as Resource[string]))
      .catch((failure: unknown) => done(failure instanceof Error ? failure : String(failure), false));
  },
};

/**
 * One i18next instance per app (and per test), English first-screen strings loaded, ready synchronously. Every
 * component reads keys from the default namespace; a key not there is looked up in the lazily loaded ones, which
 * the view showing it has waited for (ui/components/Strings.tsx).
 */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  const whole = wholeStrings();
  if (!whole) instance.use(lazyStrings);
  void instance.use(initReactI18next).init({
    resources: whole ?? { en: { translation: firstScreen as Resource[string] } },
    partialBundledLanguages: true,
    ns: ['translation'],
    defaultNS: 'translation',
    fallbackNS: LAZY,
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    // A component showing a string of a namespace that arrives later (an issue message in the cell editor) renders
    // again when it does.
    react: { bindI18nStore: 'added' },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** Loads a UI language's strings (of every namespace loaded so far) if they are not there yet, then switches to it. */
export async function switchLanguage(instance: i18n, language: UiLanguage): Promise<void> {
  await instance.changeLanguage(language);
}

/** An instance already speaking `language`: what the app starts with and what tests render with. */
export async function createI18nFor(language: UiLanguage): Promise<i18n> {
  const instance = createI18n();
  await switchLanguage(instance, language);
  return instance;
}
