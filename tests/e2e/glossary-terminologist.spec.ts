import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app.ts';

/**
 * A terminologist's afternoon on the demo glossary, by keyboard: a new multi-word entry found again by its
 * inflected forms, statuses decided term by term and entry by entry (with reasons where a decision is
 * reversed), a reload in the middle, and an undo.
 */
const grid = (page: Page) => page.getByRole('grid', { name: 'Glossary entries' });
const rows = (page: Page) => grid(page).locator('tr.glossary-row');
const entryRow = (page: Page, english: string) =>
  grid(page).locator('tr.glossary-row', {
    has: page.locator('td[lang="en"] .term-text', { hasText: english }),
  });
const statusFilter = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name });

async function openGlossary(page: Page) {
  await openApp(page);
  await page.getByRole('tab', { name: 'Glossary' }).click();
  await expect(grid(page)).toBeVisible();
  await grid(page).focus();
}

async function search(page: Page, text: string) {
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search terms' });
  await expect(box).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 30 });
}

test('terminologist: new entry found by inflected forms, statuses per term and entry with reasons, reload, undo', async ({
  page,
}) => {
  await openGlossary(page);
  await expect(rows(page)).toHaveCount(7);

  // Kazakh possessive + genitive of a word inside a multi-word term.
  await search(page, 'полициясының');
  await expect(rows(page)).toHaveCount(1);
  await expect(entryRow(page, 'Local police service')).toBeVisible();

  // A new entry, typed key by key.
  await search(page, '');
  await page.keyboard.press('Enter');
  await expect(grid(page)).toBeFocused();
  await page.keyboard.press('n');
  const form = page.getByRole('form', { name: 'New entry' });
  await expect(form.getByRole('textbox', { name: 'Term 1: Russian' })).toBeFocused();
  await page.keyboard.type('участковый инспектор полиции', { delay: 30 });
  await form.getByRole('textbox', { name: 'Term 2: English' }).focus();
  await page.keyboard.type('district police inspector', { delay: 30 });
  await form.getByRole('textbox', { name: 'Term 3: Kazakh' }).focus();
  await page.keyboard.type('учаскелік полиция инспекторы', { delay: 30 });
  await form.getByRole('combobox', { name: 'Status of term 2: English' }).selectOption('approved');
  await page.keyboard.press('Control+Enter');
  const inspector = entryRow(page, 'district police inspector');
  await expect(inspector).toBeVisible();
  await expect(inspector.locator('.glossary-entry-status')).toContainText('proposed');
  await expect(inspector.locator('.glossary-entry-status')).toContainText('waiting for: Russian, Kazakh');

  // Found again by the head noun in the plural genitive, and by one inflected word.
  for (const query of ['участковых инспекторов', 'инспектора', 'district police inspectors']) {
    await search(page, query);
    await expect(rows(page)).toHaveCount(1);
    await expect(inspector).toBeVisible();
  }
  await search(page, '');
  await page.keyboard.press('Enter');
  await expect(rows(page)).toHaveCount(8);

  // Two entries selected, one key: the confirmation says which, and the selection is gone after it.
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('x');
  await page.keyboard.press('p');
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Make 6 terms in 2 entries proposed?');
  await page.keyboard.press('Enter');
  await expect(statusFilter(page, 'With proposed terms: 3')).toBeVisible();
  await expect(grid(page).locator('tr.glossary-row[aria-selected="true"]')).toHaveCount(0);
  await expect(grid(page)).toBeFocused();

  // Forbid the active entry (Akimat): reversing needs no reason from proposed…
  await page.keyboard.press('f');
  const akimat = entryRow(page, 'Akimat');
  await expect(akimat.locator('.glossary-entry-status')).toContainText('forbidden');

  // …the reload in the middle keeps it…
  await page.reload();
  await openGlossary(page);
  await expect(entryRow(page, 'Akimat').locator('.glossary-entry-status')).toContainText('forbidden');
  await entryRow(page, 'Akimat').click();
  await grid(page).focus();

  // …and lifting the ban to approved is one step, with a reason.
  await page.keyboard.press('a');
  const reason = page.getByRole('alertdialog').getByRole('textbox', { name: /^Reason/ });
  await expect(reason).toBeFocused();
  await page.keyboard.type('used in the 2023 law on local government', { delay: 30 });
  await page.keyboard.press('Enter');
  await expect(entryRow(page, 'Akimat').locator('.glossary-entry-status')).toContainText('approved');
  const details = page.getByRole('region', { name: 'Entry “Akimat”' });
  await expect(details.getByRole('list', { name: 'History' })).toContainText(
    'used in the 2023 law on local government',
  );

  // Ctrl+Z undoes the lift; the history keeps both steps.
  await grid(page).focus();
  await page.keyboard.press('Control+z');
  await expect(entryRow(page, 'Akimat').locator('.glossary-entry-status')).toContainText('forbidden');
  await expect(page.getByRole('status', { name: 'Glossary messages' })).toContainText('Undone:');

  // One term of an entry: → moves to it, p changes only it.
  await entryRow(page, 'Maslikhat').click();
  await grid(page).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(entryRow(page, 'Maslikhat').locator('.is-term-active')).toContainText('Maslikhat');
  await page.keyboard.press('p');
  const maslikhat = entryRow(page, 'Maslikhat');
  await expect(maslikhat.locator('.glossary-entry-status')).toContainText('waiting for: English');
  await expect(maslikhat.locator('td[lang="ru"] .term-status')).toHaveText('approved');
});
