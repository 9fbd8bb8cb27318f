/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // dictionary-en's and dictionary-ru's `exports` hide its .aff/.dic files; the worker fetches them as assets through this alias.
    alias: {
      'dictionary-en-files': fileURLToPath(new URL('./node_modules/dictionary-en', import.meta.url)),
      'dictionary-ru-files': fileURLToPath(new URL('./node_modules/dictionary-ru', import.meta.url)),
    },
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    pool: 'threads',
    testTimeout: 20000,
  },
});
