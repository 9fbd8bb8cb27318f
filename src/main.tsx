import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, UI_LANGUAGE_KEY } from './ui/app/App.tsx';
import { createI18nFor, isUiLanguage } from './i18n/i18n.ts';
import { DB_NAME } from './storage/db.ts';
import { createAppUpdate } from './ui/app/appUpdate.ts';
import { prepareChecks } from './ui/hooks/runJob.ts';
import './ui/styles.css';

function savedLanguage() {
  try {
    const saved = localStorage.getItem(UI_LANGUAGE_KEY);
    return isUiLanguage(saved) ? saved : 'en';
  } catch {
    return 'en';
  }
}

// The worker compiles the checks on its own core while this thread loads the language and reads the document.
prepareChecks();
const language = savedLanguage();
document.documentElement.lang = language;
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The saved UI language is loaded before the first render, so the page never flashes in English first.
const i18n = await createI18nFor(language);
const update = createAppUpdate();
// Only the built app has a service worker; it keeps the app working offline and announces new versions.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void import('virtual:pwa-register').then(({ registerSW }) => {
    const updateServiceWorker = registerSW({
      onNeedRefresh: () => update.announce(() => updateServiceWorker(true)),
    });
  });
}
// The demo article is seeded into an empty database only: it is fetched then, not on every start.
const demoText = () => import('./demo/municipal-police-kazakhstan.en.txt?raw').then((m) => m.default);
createRoot(root).render(
  <StrictMode>
    <App i18n={i18n} dbName={DB_NAME} demoText={demoText} update={update} />
  </StrictMode>,
);
