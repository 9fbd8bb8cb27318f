import { expect, test, type Page } from '@playwright/test';
import { APP_PORT, CHROMIUM_ARGS, openApp as open, typeInto } from './app.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const row = (page: Page, unitNumber: number) => page.locator(`[data-unit="${unitNumber - 1}"]`);

test('a fresh profile opens the demo document', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('dialog', { name: 'Welcome to Audarma' })).toBeVisible();
  await open(page);
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
  await open(page);
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
    args: CHROMIUM_ARGS,
    baseURL: `http://127.0.0.1:${APP_PORT}`,
  };
  let context = await chromium.launchPersistentContext(profile, options);
  let page = context.pages()[0] ?? (await context.newPage());
  await open(page);
  await row(page, 3).getByRole('gridcell', { name: 'English 3' }).click();
  const editor = page.getByRole('textbox', { name: 'English' });
  await typeInto(
    editor,
    "Let's review the creation of the Local police service in the Republic of Kazakhstan.",
  );
  await page.keyboard.press('Alt+ArrowDown');
  await expect(row(page, 3)).toContainText('Edited');
  await context.close();

  context = await chromium.launchPersistentContext(profile, options);
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  // The profile was kept too: no first-start question this time.
  await expect(page.getByRole('grid', { name: 'Document units' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Aigul/ })).toBeVisible();
  await expect(row(page, 3)).toContainText('Edited');
  await row(page, 3).getByRole('gridcell', { name: 'English 3' }).click();
  await expect(page.getByRole('textbox', { name: 'English' })).toHaveValue(
    "Let's review the creation of the Local police service in the Republic of Kazakhstan.",
  );
  await context.close();
});

test('the interface switches to Russian and Kazakh and remembers it', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Interface' }).selectOption('ru');
  await expect(page.getByRole('columnheader', { name: 'Машинный перевод' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Интерфейс' }).selectOption('kk');
  await expect(page.getByRole('columnheader', { name: 'Машиналық аударма' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Машиналық аударма' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
});

test('reject with a reason: the history shows it after a reload', async ({ page }) => {
  await open(page);
  await row(page, 2).getByRole('gridcell', { name: 'English 2' }).click();
  await page.keyboard.press('Alt+r');
  await typeInto(
    page.getByRole('textbox', { name: 'Reason for rejection' }),
    'Calque of «Перейти к содержанию»',
  );
  await page.keyboard.press('Enter');
  await expect(row(page, 2)).toContainText('Rejected');
  await page.reload();
  await row(page, 2).getByRole('gridcell', { name: 'English 2' }).click();
  await page.keyboard.press('Escape');
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem').first()).toContainText('Rejected');
  await expect(history.getByRole('listitem').first()).toContainText('Note: Calque of «Перейти к содержанию»');
  await expect(history.getByRole('listitem').first()).toContainText('Aigul');
});

test('filter and bulk approve: only the filtered units without issues are approved', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Issues' }).selectOption('none');
  const count = page.getByRole('status').filter({ hasText: 'of 75 units' });
  await expect(count).not.toHaveText('75 of 75 units');
  const shown = Number((await count.textContent())?.split(' ')[0]);
  await page.getByRole('button', { name: /^Approve \d+ without issues/ }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /Yes, change/ })
    .click();
  await expect(page.getByRole('progressbar', { name: 'English: approved units' })).toHaveAttribute(
    'aria-valuenow',
    String(shown),
  );
  await page.getByRole('combobox', { name: 'Issues' }).selectOption('any');
  await expect(page.locator('.grid-row .badge.state-approved')).toHaveCount(0);
});

test('restore a revision: it becomes a new revision', async ({ page }) => {
  await open(page);
  await row(page, 2).getByRole('gridcell', { name: 'English 2' }).click();
  await typeInto(page.getByRole('textbox', { name: 'English' }), 'Contents');
  await page.keyboard.press('Control+Enter');
  await expect(row(page, 2)).toContainText('Approved');
  await page.keyboard.press('Escape');
  await row(page, 2).getByRole('gridcell', { name: 'English 2' }).click();
  await page.keyboard.press('Escape');
  const history = page.getByRole('region', { name: 'History' });
  await history.getByRole('button', { name: 'Restore revision 1' }).click();
  await expect(history.getByRole('listitem')).toHaveCount(4);
  await expect(history.getByRole('listitem').first()).toContainText('Restored');
  await expect(row(page, 2).getByRole('gridcell', { name: 'English 2' })).toContainText('Edited');
});

test('the demo comes up with its real problems flagged', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Issues' }).selectOption('any');
  await expect(page.getByRole('status').filter({ hasText: 'of 75 units' })).not.toHaveText('75 of 75 units');
  await page.getByRole('combobox', { name: 'Issues' }).selectOption('');
  await row(page, 2).getByRole('gridcell', { name: 'English 2' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Issues' }).getByRole('listitem').first()).toBeVisible();
  await expect(row(page, 2).locator('mark')).toHaveText(['To pass to contents']);
});

test('no serious or critical accessibility violations in the review view', async ({ page }) => {
  await open(page);
  await row(page, 2).getByRole('gridcell', { name: 'English 2' }).click();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.flatMap((v) =>
      v.nodes.slice(0, 5).map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`),
    ),
  ).toEqual([]);
});
