import { expect, test, type Page } from '@playwright/test';
import { openApp, TYPING_DELAY } from './app.ts';

// Two tabs of one browser share one IndexedDB: what one writes, the other shows without a reload, and a write
// from a tab that has not seen the change is refused rather than overwriting it.

const row = (page: Page, unit: number) => page.locator(`[data-unit="${unit - 1}"]`);
const english = (page: Page, unit: number) =>
  row(page, unit).getByRole('gridcell', { name: `English ${unit}` });

test('a change in one tab shows in the other at once', async ({ page, context }) => {
  await openApp(page);
  const other = await context.newPage();
  await openApp(other);
  await english(page, 2).click();
  const editor = page.getByRole('textbox', { name: 'English' });
  await expect(editor).toBeFocused();
  await editor.press('ControlOrMeta+a');
  await page.keyboard.type('Go to contents', { delay: TYPING_DELAY });
  await page.keyboard.press('Control+Enter');
  await expect(row(page, 2)).toContainText('Approved');
  await expect(english(other, 2)).toContainText('Go to contents', { timeout: 5000 });
  await expect(row(other, 2)).toContainText('Approved');
  await expect(other.getByRole('progressbar', { name: 'English: approved units' })).toHaveAttribute(
    'aria-valuenow',
    '1',
  );
  // The other tab now edits from what it shows, and its write lands on top of the first one.
  await english(other, 2).click();
  const otherEditor = other.getByRole('textbox', { name: 'English' });
  await expect(otherEditor).toHaveValue('Go to contents');
  await otherEditor.press('End');
  await other.keyboard.type(' page', { delay: TYPING_DELAY });
  await other.keyboard.press('Alt+ArrowDown');
  await expect(english(page, 2)).toContainText('Go to contents page', { timeout: 5000 });
});
