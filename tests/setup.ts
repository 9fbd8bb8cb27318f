// Shared test set-up: DOM matchers for component tests. Storage tests import fake-indexeddb themselves.
import '@testing-library/jest-dom/vitest';
