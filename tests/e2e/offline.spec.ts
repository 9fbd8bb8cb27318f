import { expect, test } from '@playwright/test';
import { openApp } from './app.ts';

// The app shell: once the built app has been opened, its service worker serves it with no network at all.

test('the workbench reloads offline with the demo project, served by the service worker', async ({
  page,
  context,
}) => {
  await openApp(page);
  const grid = page.getByRole('grid', { name: 'Document units' });
  const firstSource = await page.locator('[data-unit="0"]').getByRole('gridcell').first().innerText();
  // The worker is active once it has stored the whole app shell.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(grid).toBeVisible();
  await expect(page.locator('[data-unit="0"]').getByRole('gridcell').first()).toHaveText(firstSource);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // The network really is gone: what the worker did not store cannot be fetched.
  const outside = await page.evaluate(() =>
    fetch('/no-such-file.json').then(
      (res) => res.status,
      () => 'failed',
    ),
  );
  expect(outside).toBe('failed');
  await context.setOffline(false);
});
