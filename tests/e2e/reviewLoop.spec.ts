import { expect, test, type Page } from '@playwright/test';
import { openApp, TYPING_DELAY } from './app.ts';

// Journeys for the review loop as a reviewer works it: typed key by key, clicked, reloaded. Each one guards a way
// the tool once lost or misplaced a reviewer's work.

const row = (page: Page, unitNumber: number) => page.locator(`[data-unit="${unitNumber - 1}"]`);
const grid = (page: Page) => page.getByRole('grid', { name: 'Document units' });
const activeRow = (page: Page) => page.locator('.grid-row.active');
const english = (page: Page, unitNumber: number) =>
  row(page, unitNumber).getByRole('gridcell', { name: `English ${unitNumber}` });
const issuesPanel = (page: Page) => page.getByRole('region', { name: 'Issues' });

/** The rendering's current text as the cell shows it, leaving out the text the diff shows as deleted. */
const currentText = (page: Page, unitNumber: number) =>
  english(page, unitNumber)
    .locator('.cell-text')
    .evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('del').forEach((del) => del.remove());
      return copy.textContent ?? '';
    });

/** Clicks a unit's English cell, which opens its editor, and waits for the editor to take the keys. */
async function openEditor(page: Page, unitNumber: number) {
  await english(page, unitNumber).click();
  const editor = page.getByRole('textbox', { name: 'English' });
  await expect(editor).toBeFocused();
  return editor;
}

async function activeUnitNumber(page: Page): Promise<number> {
  return Number(await activeRow(page).getAttribute('data-unit')) + 1;
}

/** Focus is on the grid: j moves to another unit, k comes back. */
async function expectGridHasKeys(page: Page) {
  const before = await activeUnitNumber(page);
  await page.keyboard.press('j');
  await expect.poll(() => activeUnitNumber(page)).not.toBe(before);
  await page.keyboard.press('k');
  await expect.poll(() => activeUnitNumber(page)).toBe(before);
}

test('typing in the search box keeps every letter and triggers no grid shortcut', async ({ page }) => {
  await openApp(page);
  const search = page.getByRole('searchbox', { name: 'Search text' });
  await search.click();
  // Every letter here is also a grid shortcut (u jumps, p records an MQM error, c opens the comment box, a marks).
  await page.keyboard.type('contents', { delay: 60 });
  await expect(search).toHaveValue('contents');
  await expect(search).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: /of \d+ units/ })).toContainText('2 of');
  await expect(page.getByRole('region', { name: 'MQM errors' }).getByRole('listitem')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'New comment' })).toHaveValue('');
  // Esc leaves the search box for the grid, where keys are shortcuts again.
  await page.keyboard.press('Escape');
  await expect(grid(page)).toBeFocused();
  await expectGridHasKeys(page);
});

test('the side panels follow the unit the grid shows after a search', async ({ page }) => {
  await openApp(page);
  await expect(activeRow(page)).toHaveAttribute('data-unit', '0');
  const search = page.getByRole('searchbox', { name: 'Search text' });
  await search.click();
  await page.keyboard.type('neighbors', { delay: TYPING_DELAY });
  await expect(page.locator('.grid-row[data-unit]')).toHaveCount(1);
  const only = Number(await page.locator('.grid-row[data-unit]').getAttribute('data-unit')) + 1;
  expect(only).toBeGreaterThan(1);
  await expect(activeRow(page)).toHaveAttribute('data-unit', String(only - 1));
  await expect(page.getByRole('region', { name: 'Discussion' })).toContainText(`unit ${only}`);
  // A comment written now lands on that unit.
  await page.getByRole('textbox', { name: 'New comment' }).click();
  await page.keyboard.type('Check “neighbors” against the source.', { delay: TYPING_DELAY });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: 'Discussion' }).getByRole('listitem')).toContainText(
    'Check “neighbors”',
  );
  await search.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await row(page, 1).getByRole('gridcell', { name: 'English 1' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Discussion' }).getByRole('listitem')).toHaveCount(0);
});

test('a fix clicked while the editor is open reaches the editor, and the approval keeps it', async ({
  page,
}) => {
  await openApp(page);
  const editor = await openEditor(page, 3);
  const fix = issuesPanel(page).getByRole('button', { name: 'Capitalise the first letter' });
  await expect(fix).toBeVisible({ timeout: 15_000 });
  await fix.click();
  await expect(editor).toHaveValue(/^Let's review an example/);
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(english(page, 3)).toContainText('Approved');
  await expect(english(page, 3)).toContainText("Let's review an example");
  await page.reload();
  await expect(english(page, 3)).toContainText("Let's review an example");
  await expect(english(page, 3)).toContainText('Approved');
});

test('keys pressed straight after Alt+↓, while the text is still being saved, are not lost', async ({
  page,
}) => {
  await openApp(page);
  await openEditor(page, 3);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' today', { delay: TYPING_DELAY });
  // Save and go on, then at once leave the next unit's editor and go back up: nothing waits for the write.
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowUp');
  await expect(activeRow(page)).toHaveAttribute('data-unit', '2');
  await expect(page.getByRole('textbox', { name: 'English' })).toHaveCount(0);
  await expect(grid(page)).toBeFocused();
  await expect.poll(() => currentText(page, 3)).toMatch(/conclusions today$/);

  // Save and go on, typing straight into the next unit's editor as it comes.
  const next = await currentText(page, 4);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' again', { delay: TYPING_DELAY });
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Fast.', { delay: TYPING_DELAY });
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Escape');
  await expect(activeRow(page)).toHaveAttribute('data-unit', '4');
  await expect(page.getByRole('textbox', { name: 'English' })).toHaveCount(0);
  await expect.poll(() => currentText(page, 3)).toMatch(/conclusions today again$/);
  await expect.poll(() => currentText(page, 4)).toBe(`${next} Fast.`);
  await page.reload();
  await expect.poll(() => currentText(page, 4)).toBe(`${next} Fast.`);
  await expect.poll(() => currentText(page, 3)).toMatch(/conclusions today again$/);
});

test('a change typed in the editor is not overwritten by a fix: the editor asks which text to keep', async ({
  page,
}) => {
  await openApp(page);
  const editor = await openEditor(page, 3);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' today', { delay: TYPING_DELAY });
  const fix = issuesPanel(page).getByRole('button', { name: 'Capitalise the first letter' });
  await fix.click();
  await expect(page.getByText('This rendering changed while you were editing it:')).toBeVisible();
  // Approving now is held back until the reviewer decides.
  await editor.focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Choose which text to keep first.')).toBeVisible();
  await page.getByRole('button', { name: 'Keep my text' }).click();
  await expect(editor).toHaveValue(/conclusions today$/);
  await page.keyboard.press('Control+Enter');
  await expect(english(page, 3)).toContainText('Approved');
  await expect(english(page, 3)).toContainText('conclusions today');
});

test('two fixes clicked in quick succession never corrupt the text', async ({ page }) => {
  await openApp(page);
  const editor = await openEditor(page, 2);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('the the  contents  list', { delay: TYPING_DELAY });
  await expect(editor).toHaveValue('the the  contents  list');
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => currentText(page, 2)).toBe('the the  contents  list');
  await english(page, 2).click();
  await page.keyboard.press('Escape');
  const fixes = issuesPanel(page).locator('.issue-actions button.primary');
  await expect(fixes.nth(2)).toBeVisible({ timeout: 15_000 });
  // The repeated word's fix shortens the text; the double space's fix was computed on the text before it. Both
  // buttons as they are on screen now are clicked 0.3 s apart, as a quick reviewer does.
  await page.evaluate(() => {
    const fixOf = (check: string) =>
      [...document.querySelectorAll('.issue-panel .issue-item')]
        .filter((item) => item.querySelector('.issue-check')?.textContent === check)
        .map((item) => item.querySelector<HTMLButtonElement>('.issue-actions button.primary'))
        .at(-1);
    const repeated = fixOf('doubled-word');
    const space = fixOf('double-space');
    repeated?.click();
    setTimeout(() => space?.click(), 300);
  });
  await page.waitForTimeout(600);
  // Neither fix may be lost (the repeated word stays removed) nor land on the wrong characters.
  await expect.poll(() => currentText(page, 2)).toMatch(/^the {1,2}contents {1,2}list$/i);
  // Apply what remains one by one, as a reviewer would, until nothing is left to fix.
  for (let round = 0; round < 8; round += 1) {
    await page.waitForTimeout(1200);
    if ((await fixes.count()) === 0) break;
    await fixes
      .first()
      .click({ timeout: 1000 })
      .catch(() => undefined);
  }
  await expect.poll(() => currentText(page, 2)).toBe('The contents list');
  await expect(editor).toHaveCount(0);
});

test('focus returns to the grid after help, a fix, a bulk approval and Esc in the comment box', async ({
  page,
}) => {
  await openApp(page);
  await grid(page).focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  await expectGridHasKeys(page);

  await english(page, 3).click();
  await page.keyboard.press('Escape');
  await issuesPanel(page)
    .getByRole('button', { name: 'Capitalise the first letter' })
    .click({ timeout: 15_000 });
  await expectGridHasKeys(page);

  await page.keyboard.press('c');
  await expect(page.getByRole('textbox', { name: 'New comment' })).toBeFocused();
  await page.keyboard.type('ok', { delay: TYPING_DELAY });
  await page.keyboard.press('Escape');
  await expectGridHasKeys(page);

  await page.getByRole('button', { name: /^Approve \d+ without issues/ }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /^Yes, change/ })
    .click();
  await expect(page.getByRole('toolbar').getByRole('status')).toContainText(/Changed|changed/);
  await expectGridHasKeys(page);
});

test('an MQM error is marked on a span without opening the editor: by mouse and by keyboard', async ({
  page,
}) => {
  await openApp(page);
  const text = english(page, 2).locator('.cell-text');
  await expect(text).toContainText('To pass to contents');
  // Drag across the first word at once, while the checks' marks may still be arriving and re-rendering the text:
  // the cell becomes active, the editor stays closed.
  const box = (await text.boundingBox())!;
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 40, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByRole('textbox', { name: 'English' })).toHaveCount(0);
  // The dragged-over unit becomes the active one before the reviewer records the error, as they would see it.
  await expect(english(page, 2).locator('xpath=ancestor::*[@role="row"]')).toHaveClass(/active/);
  await page.keyboard.press('a');
  const form = page.locator('.annotation-form');
  await expect(form).toBeVisible();
  await expect(form).toContainText(/Marked: “To/);
  await form.getByRole('button', { name: 'Cancel' }).click();

  // By keyboard: m starts marking at the first character, Shift+→ extends, a records.
  await expect(grid(page)).toBeFocused();
  await page.keyboard.press('m');
  for (let i = 0; i < 7; i += 1) await page.keyboard.press('Shift+ArrowRight');
  await expect(english(page, 2).locator('mark.mark-marked')).toHaveText('To pass');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(english(page, 2).locator('mark.mark-marked')).toHaveText('To pass to');
  await page.keyboard.press('a');
  await expect(form).toContainText('Marked: “To pass to”');
  await form.getByRole('button', { name: /^Save error/ }).click();
  await expect(page.getByRole('region', { name: 'MQM errors' }).getByRole('listitem')).toHaveCount(1);
});

test('undo and redo in the grid take back an edit, a fix and an approval, and survive a reload', async ({
  page,
}) => {
  await openApp(page);
  await openEditor(page, 2);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Go to contents', { delay: TYPING_DELAY });
  await page.keyboard.press('Control+Enter');
  await expect(english(page, 2)).toContainText('Approved');
  await page.keyboard.press('Escape');
  await grid(page).focus();
  await page.keyboard.press('Control+z');
  await expect(english(page, 2)).toContainText('To pass to contents');
  await expect(english(page, 2)).toContainText('Machine');
  await page.keyboard.press('Control+Shift+z');
  await expect(english(page, 2)).toContainText('Go to contents');
  await expect(english(page, 2)).toContainText('Approved');
  await page.reload();
  await expect(english(page, 2)).toContainText('Go to contents');
  await expect(english(page, 2)).toContainText('Approved');
});
