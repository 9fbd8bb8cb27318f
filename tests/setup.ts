// Shared test set-up: DOM matchers for component tests, and unmounting after each test (Vitest runs without
// globals, so Testing Library cannot register its own clean-up). Storage tests import fake-indexeddb themselves.
import '@testing-library/jest-dom/vitest';
// Checks and the review filter run synchronously on the regular-expression engine the app loads on demand.
import '../src/core/text/linearRegexEager.ts';
import { afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Resource } from 'i18next';
import { provideWholeStrings } from '../src/i18n/wholeStrings.ts';

// Components are rendered alone, without the app that loads a view's strings with it: every string is there at once.
let strings: Resource | undefined;
provideWholeStrings(() => {
  strings ??= Object.fromEntries(
    ['en', 'ru', 'kk'].map((lang) => [
      lang,
      {
        translation: JSON.parse(readFileSync(`locales/${lang}/translation.json`, 'utf8')) as Resource[string],
      },
    ]),
  );
  return strings;
});

afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});
