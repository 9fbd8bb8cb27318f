import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The layers import downwards only (ui → storage → core, worker → core, cli → core), at every folder depth:
  // `**` in the patterns matches any number of `../`, so a file deep in src/core is held to the rule too.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'idb', 'i18next', 'i18next-*', 'node:*'],
              message: 'src/core is pure: no React, IndexedDB, i18next or Node imports.',
            },
            {
              group: ['**/storage/**', '**/ui/**', '**/worker/**', '**/i18n/**', '**/cli/**', '**/server/**'],
              message: 'src/core imports nothing of the app.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'indexedDB', 'localStorage', 'sessionStorage', 'fetch'].map(
          (name) => ({ name, message: 'src/core runs in Node, the browser and the worker alike: no DOM.' }),
        ),
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'idb', '**/ui/**', '**/storage/**'],
              message: 'src/cli calls core only: no UI or storage.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', '**/ui/**'], message: 'src/storage never imports the UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
