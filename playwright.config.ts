import { defineConfig } from '@playwright/test';
import { APP_PORT, CHROMIUM_ARGS } from './tests/e2e/app.ts';

const PORT = APP_PORT;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  // A loaded machine (two cores running the build, the server and the browser) can take seconds to paint.
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
