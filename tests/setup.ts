// Shared test set-up: DOM matchers for component tests, and unmounting after each test (Vitest runs without
// globals, so Testing Library cannot register its own clean-up). Storage tests import fake-indexeddb themselves.
import '@testing-library/jest-dom/vitest';
// Checks and the review filter run synchronously on the regular-expression engine the app loads on demand.
import '../src/core/text/linearRegexEager.ts';
import { afterEach } from 'vitest';

afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});
