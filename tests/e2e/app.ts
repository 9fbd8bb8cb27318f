import { expect, type Locator, type Page } from '@playwright/test';

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
    await typeInto(dialog.getByRole('textbox', { name: 'Your name' }), name);
    await dialog.getByRole('button', { name: 'Start reviewing' }).click();
  }
  await expect(page.getByRole('grid', { name: 'Document units' })).toBeVisible();
}

/** A person's typing speed, fast enough for long texts (ms between keys). */
export const TYPING_DELAY = 25;

/**
 * Types into a field as a person does: click it, select what is there, and type key by key (so every keystroke
 * goes through focus and shortcut handling, unlike `fill()`).
 */
export async function typeInto(field: Locator, text: string, delay = TYPING_DELAY): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  if (text === '') {
    await field.press('Delete');
    return;
  }
  await field.pressSequentially(text, { delay });
}

/** Pastes a long text into a field (what a person does with a whole article): one insertion, no typing. */
export async function pasteInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}
