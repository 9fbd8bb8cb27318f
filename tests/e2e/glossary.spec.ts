import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { openApp, typeInto } from './app.ts';

const entryRow = (page: Page, english: string) =>
  page.getByRole('grid', { name: 'Glossary entries' }).locator('tr.glossary-row', {
    has: page.locator('td[lang="en"] .term-text', { hasText: english }),
  });

/** Opens the app (answering the first-start question on a fresh profile) and the Glossary tab. */
async function openGlossary(page: Page) {
  await openApp(page);
  await page.getByRole('tab', { name: 'Glossary' }).click();
  await expect(page.getByRole('grid', { name: 'Glossary entries' })).toBeVisible();
}

test('glossary: accept a term candidate, approve it by keyboard, see it in the table, export TBX', async ({
  page,
}) => {
  await openGlossary(page);
  const grid = page.getByRole('grid', { name: 'Glossary entries' });
  await expect(grid.locator('tr.glossary-row')).toHaveCount(7);

  // The worker finds candidates the demo glossary does not have yet; the most frequent comes first.
  const candidates = page.getByRole('listbox', { name: 'Term candidates in the document' });
  await expect(candidates.getByRole('option').first()).toContainText('Republic of Kazakhstan');
  await candidates.focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'New entry' });
  await expect(form.getByRole('textbox', { name: 'Term 1: English' })).toHaveValue('Republic of Kazakhstan');
  await expect(form.getByRole('textbox', { name: 'Term 2: English' })).toHaveValue('RK');
  await typeInto(form.getByRole('textbox', { name: 'Term 3: Russian' }), 'Республика Казахстан');
  await page.keyboard.press('Control+Enter');

  const added = entryRow(page, 'Republic of Kazakhstan');
  await expect(added).toContainText('proposed');
  await expect(grid).toBeFocused();
  await expect(candidates.getByRole('option').first()).not.toContainText('Republic of Kazakhstan');

  // The new entry is the active row: a approves all its terms.
  await page.keyboard.press('a');
  await expect(added).not.toContainText('proposed');
  await expect(added.locator('.glossary-terms .term-status', { hasText: 'approved' })).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Entry “Republic of Kazakhstan”' })).toContainText(
    '“Republic of Kazakhstan” (English): proposed → approved',
  );

  // It is stored: a reload shows it approved.
  await page.reload();
  await openGlossary(page);
  await expect(
    entryRow(page, 'Republic of Kazakhstan').locator('.glossary-terms .term-status', { hasText: 'approved' }),
  ).toHaveCount(3);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export TBX' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Municipal-police-in-the-Republic-of-Kazakhstan-glossary.tbx');
  const tbx = readFileSync((await file.path()) as string, 'utf8');
  expect(tbx).toContain('<tbx type="TBX-Basic" style="dca" xml:lang="ru"');
  expect(tbx.match(/<conceptEntry /g)).toHaveLength(8);
  expect(tbx).toMatch(
    /<term>Republic of Kazakhstan<\/term>\s*<termNote type="administrativeStatus">preferredTerm-admn-sts<\/termNote>/,
  );
});

test('the glossary view has no serious accessibility violations', async ({ page }) => {
  await openGlossary(page);
  await expect(page.getByRole('listbox', { name: 'Term candidates in the document' })).toBeVisible();
  const results = await new AxeBuilder({ page }).include('.glossary-view').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
});

test('the status confirmation, the term cursor and the usage list have no serious accessibility violations', async ({
  page,
}) => {
  await openGlossary(page);
  await expect(page.getByRole('list', { name: 'Usage in the document' })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Glossary entries' });
  await grid.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('x');
  await page.keyboard.press('f');
  await expect(page.getByRole('alertdialog')).toContainText('entries forbidden?');
  const results = await new AxeBuilder({ page }).include('.glossary-view').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
});
