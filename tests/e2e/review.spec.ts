import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const row = (page: Page, unitNumber: number) => page.locator(`[data-unit="${unitNumber - 1}"]`);

test('a fresh profile opens the demo document', async ({ page }) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: 'Municipal police in the Republic of Kazakhstan' }),
  ).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Document units' })).toBeVisible();
  await expect(row(page, 2).getByRole('gridcell', { name: 'English 2' })).toContainText(
    'To pass to contents',
  );
  await expect(page.getByRole('progressbar', { name: 'English: approved units' })).toHaveAttribute(
    'aria-valuenow',
    '0',
  );
});

test('keyboard only: correct English, write Kazakh, reload — both approved, history kept', async ({
  page,
}) => {
  await page.goto('/');
  const grid = page.getByRole('grid', { name: 'Document units' });
  await expect(grid).toBeVisible();
  await grid.focus();
  // Unit 2, English: replace the calque and approve.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const english = page.getByRole('textbox', { name: 'English' });
  await expect(english).toHaveValue('To pass to contents');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Go to contents');
  await page.keyboard.press('Control+Enter');
  await expect(row(page, 2)).toContainText('Approved');
  // The editor moved on to unit 3; leave it, go back to unit 2 and over to the Kazakh column.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const kazakh = page.getByRole('textbox', { name: 'Kazakh' });
  await expect(kazakh).toBeFocused();
  await page.keyboard.type('Мазмұнына өту');
  await page.keyboard.press('Control+Enter');
  await expect(row(page, 2).getByRole('gridcell', { name: 'Kazakh 2' })).toContainText('Approved');
  await expect(page.getByRole('progressbar', { name: 'Kazakh: approved units' })).toHaveAttribute(
    'aria-valuenow',
    '1',
  );

  await page.reload();
  await expect(row(page, 2).getByRole('gridcell', { name: 'English 2' })).toContainText('Go to contents');
  await expect(row(page, 2).getByRole('gridcell', { name: 'English 2' })).toContainText('Approved');
  await expect(row(page, 2).getByRole('gridcell', { name: 'Kazakh 2' })).toContainText('Мазмұнына өту');
  await expect(row(page, 2).getByRole('gridcell', { name: 'Kazakh 2' })).toContainText('Approved');
  // History of the English rendering: imported machine text, then the approved correction.
  await row(page, 2).getByRole('gridcell', { name: 'English 2' }).click();
  await page.keyboard.press('Escape');
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem')).toHaveCount(3);
  await expect(history.getByRole('listitem').first()).toContainText('Approved');
  await expect(history.getByRole('listitem').nth(1)).toContainText('Edited');
  await expect(history.getByRole('listitem').last()).toContainText('Imported');
});

test('closing the browser and coming back keeps the work', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'audarma-profile-'));
  const options = {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    baseURL: 'http://127.0.0.1:4179',
  };
  let context = await chromium.launchPersistentContext(profile, options);
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await row(page, 3).getByRole('gridcell', { name: 'English 3' }).click();
  const editor = page.getByRole('textbox', { name: 'English' });
  await editor.fill("Let's review the creation of the Local police service in the Republic of Kazakhstan.");
  await page.keyboard.press('Alt+ArrowDown');
  await expect(row(page, 3)).toContainText('Edited');
  await context.close();

  context = await chromium.launchPersistentContext(profile, options);
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await expect(row(page, 3)).toContainText('Edited');
  await row(page, 3).getByRole('gridcell', { name: 'English 3' }).click();
  await expect(page.getByRole('textbox', { name: 'English' })).toHaveValue(
    "Let's review the creation of the Local police service in the Republic of Kazakhstan.",
  );
  await context.close();
});

test('the interface switches to Russian and Kazakh and remembers it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Interface' }).selectOption('ru');
  await expect(page.getByRole('columnheader', { name: 'Машинный перевод' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Интерфейс' }).selectOption('kk');
  await expect(page.getByRole('columnheader', { name: 'Машиналық аударма' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Машиналық аударма' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
});
