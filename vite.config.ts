/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { UI_NAMESPACES, splitStrings } from './src/i18n/namespaces.ts';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';

const UI_LANGUAGES = ['en', 'ru', 'kk'];
const STRINGS = 'virtual:ui-strings';

/**
 * Serves each language's strings split by namespace (src/i18n/namespaces.ts): `virtual:ui-strings/<lang>/<ns>` is
 * one part of locales/<lang>/translation.json, and `virtual:ui-strings` maps every language and namespace to a
 * loader of its part, each its own chunk (precached by the service worker like any other).
 */
function uiStrings(): Plugin {
  const file = (lang: string) =>
    fileURLToPath(new URL(`./locales/${lang}/translation.json`, import.meta.url));
  return {
    name: 'audarma-ui-strings',
    resolveId(id) {
      if (id === STRINGS) return `\0${STRINGS}`;
      const part = /^virtual:ui-strings\/(\w+)\/(\w+)$/.exec(id);
      return part ? `\0strings-${part[1]}-${part[2]}` : undefined;
    },
    load(id) {
      if (id === `\0${STRINGS}`) {
        const loaders = UI_LANGUAGES.map(
          (lang) =>
            `${lang}: {${UI_NAMESPACES.map((ns) => `${ns}: () => import('${STRINGS}/${lang}/${ns}')`).join(', ')}}`,
        );
        return `export const loaders = {${loaders.join(', ')}};`;
      }
      const part = /^\0strings-(\w+)-(\w+)$/.exec(id);
      if (!part) return undefined;
      const [, lang = '', ns = ''] = part;
      this.addWatchFile(file(lang));
      const strings = splitStrings(JSON.parse(readFileSync(file(lang), 'utf8')))[ns as 'translation'];
      return `export default ${JSON.stringify(strings)};`;
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    uiStrings(),
    // The offline app shell: a service worker precaches the built app so it installs and reloads without a
    // network. A new version waits until the user chooses to reload (src/ui/app/UpdateNotice.tsx), so an open
    // review is never swapped under them. Only `vite build` makes a worker; `npm start` (dev) has none.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Audarma',
        short_name: 'Audarma',
        description: 'Local-first translation-review workbench for Russian, English and Kazakh',
        start_url: '.',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f6feb',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,aff,webmanifest}'],
        // The worker's checks chunk is the largest file (~0.7 MB); the spelling dictionaries (.dic, several MB)
        // are cached the first time they are used instead of on install.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.endsWith('.dic'),
            handler: 'CacheFirst',
            options: { cacheName: 'audarma-dictionaries', expiration: { maxEntries: 8 } },
          },
        ],
      },
    }),
  ],
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
    // Read by scripts/bundle-report.mjs to say why each chunk of the first screen is loaded.
    manifest: true,
    chunkSizeWarningLimit: 600,
    // Every browser the app targets (ES2022 modules) preloads modules natively: no polyfill in the entry.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the entry imports statically goes into one chunk: split into the ~30 small shared chunks
        // the bundler makes by default, the same code costs ~10 KiB more gzip (each chunk is compressed alone).
        // Chunks loaded later import from it, which is always there by then.
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
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
