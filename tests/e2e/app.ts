import { expect, type Page } from '@playwright/test';

/**
 * Chromium flags for every run here: headless as root, and no background connections (this machine's closed
 * network refuses them, many at a time).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the built app is served for the journeys; `npm test` picks a free port. */
export const APP_PORT = Number(process.env.PLAYWRIGHT_PORT ?? 4179);

/** Opens the app; on a fresh profile, answers the first-start question with a reviewer name. */
export async function openApp(page: Page, name = 'Aigul'): Promise<void> {
  await page.goto('/');
  const dialog = page.getByRole('dialog', { name: 'Welcome to Audarma' });
  await expect(dialog.or(page.getByRole('grid', { name: 'Document units' }))).toBeVisible();
  if (await dialog.isVisible()) {
    await dialog.getByRole('textbox', { name: 'Your name' }).fill(name);
    await dialog.getByRole('button', { name: 'Start reviewing' }).click();
  }
  await expect(page.getByRole('grid', { name: 'Document units' })).toBeVisible();
}
