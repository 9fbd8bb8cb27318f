import { expect, test, type Page } from '@playwright/test';
import { openApp, typeInto, TYPING_DELAY } from './app.ts';

// Translation memory as a reviewer meets it: an approval in one document comes back as a match in another,
// inserted by keyboard; concordance finds the phrase in both. Sentences written for this journey.

const row = (page: Page, unitNumber: number) => page.locator(`[data-unit="${unitNumber - 1}"]`);
const english = (page: Page, unitNumber: number) =>
  row(page, unitNumber).getByRole('gridcell', { name: `English ${unitNumber}` });
const memoryPanel = (page: Page) => page.getByRole('region', { name: 'Memory' });
const status = (page: Page) => page.locator('.transfer-status');

async function importRussian(page: Page, file: string, text: string, name: string) {
  await page.keyboard.press('Alt+5');
  await page
    .getByRole('combobox', { name: 'Language of a text, Word or table file' })
    .selectOption({ label: 'Russian' });
  await page.getByLabel(/File to import/).setInputFiles({
    name: file,
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  });
  const preview = page.getByRole('region', { name: `Preview of ${file}` });
  await expect(preview).toBeVisible();
  await typeInto(preview.getByRole('textbox', { name: 'Name of the new document' }), name);
  await page.keyboard.press('Control+Enter');
  await expect(status(page)).toContainText(`Added “${name}”`);
}

async function openDocument(page: Page, name: string) {
  await page.keyboard.press('Alt+1');
  const select = page.getByRole('combobox', { name: 'Document' });
  const value = await select.locator('option', { hasText: name }).getAttribute('value');
  await select.selectOption(value ?? '');
  await expect(page.locator('.document-meta')).toContainText(name);
}

test('an approval in one document is a match in another, inserted by keyboard; concordance finds both', async ({
  page,
}) => {
  await openApp(page);
  await importRussian(
    page,
    'first.ru.txt',
    'Офис закрыт в праздничные дни.\n\nМузей открыт по субботам.\n',
    'First',
  );
  await importRussian(
    page,
    'second.ru.txt',
    'Офис закрыт в выходные дни.\n\nБиблиотека открыта.\n',
    'Second',
  );
  await page.reload();

  await openDocument(page, 'First');
  await english(page, 1).click();
  const editor = page.getByRole('textbox', { name: 'English' });
  await expect(editor).toBeFocused();
  await page.keyboard.type('The office is closed on public holidays.', { delay: TYPING_DELAY });
  await page.keyboard.press('Control+Enter');
  await expect(english(page, 1)).toContainText('Approved');

  // Midway reload: the memory entry was written with the approval and is still there.
  await page.reload();
  await openDocument(page, 'Second');
  await english(page, 1).click();
  await expect(editor).toBeFocused();
  const match = memoryPanel(page).getByRole('listitem').first();
  await expect(match).toContainText('The office is closed on public holidays.');
  await expect(match.getByLabel(/% match/)).toHaveText(/^\d\d%$/);
  await expect(match.locator('del')).toHaveText('праздничные');
  await expect(match.locator('ins')).toHaveText('выходные');

  await page.keyboard.press('Alt+Shift+Digit1');
  await expect(editor).toHaveValue('The office is closed on public holidays.');
  for (let i = 0; i < 'public holidays.'.length; i += 1) await page.keyboard.press('Backspace');
  await page.keyboard.type('weekends.', { delay: TYPING_DELAY });
  await page.keyboard.press('Control+Enter');
  await expect(english(page, 1)).toContainText('Approved');
  await expect(english(page, 1)).toContainText('The office is closed on weekends.');

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Concordance search' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('office is closed', { delay: TYPING_DELAY });
  await expect(dialog.getByRole('status')).toHaveText('2 approved segments');
  await expect(dialog.locator('mark')).toHaveText(['office is closed', 'office is closed']);
  await expect(dialog).toContainText('First');
  await expect(dialog).toContainText('Second');
  await page.keyboard.type('ZZ', { delay: TYPING_DELAY });
  await expect(dialog.getByRole('status')).toHaveText('0 approved segments');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a memory entry corrected in the memory editor is what the next similar sentence is offered, after a reload', async ({
  page,
}) => {
  await openApp(page);
  await importRussian(page, 'rules.ru.txt', 'Заявление рассматривается в течение десяти дней.\n', 'Rules');
  await importRussian(page, 'later.ru.txt', 'Заявление рассматривается в течение пяти дней.\n', 'Later');
  await openDocument(page, 'Rules');
  await english(page, 1).click();
  const editor = page.getByRole('textbox', { name: 'English' });
  await expect(editor).toBeFocused();
  await page.keyboard.type('The application are considered within ten days.', { delay: TYPING_DELAY });
  await page.keyboard.press('Control+Enter');
  await expect(english(page, 1)).toContainText('Approved');

  // The approved text had a slip; the reviewer corrects the stored entry, not the document.
  await memoryPanel(page).getByRole('button', { name: 'Edit the memory…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Translation memory' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('рассматривается', { delay: TYPING_DELAY });
  await expect(dialog.getByRole('status')).toHaveText('1 approved segment');
  await expect(dialog.locator('mark')).toHaveText('рассматривается');
  await dialog.getByRole('button', { name: 'edit' }).click();
  const stored = dialog.getByRole('textbox', { name: 'Stored rendering' });
  await expect(stored).toBeFocused();
  await page.keyboard.press('Control+End');
  for (let i = 0; i < 'application are considered within ten days.'.length; i += 1)
    await page.keyboard.press('Backspace');
  await page.keyboard.type('application is considered within ten days.', { delay: TYPING_DELAY });
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByRole('status')).toHaveText('Entry saved.');
  await expect(dialog).toContainText('The application is considered within ten days.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.reload();
  await openDocument(page, 'Later');
  await english(page, 1).click();
  await expect(editor).toBeFocused();
  const match = memoryPanel(page).getByRole('listitem').first();
  await expect(match).toContainText('The application is considered within ten days.');
  await expect(match.locator('del')).toHaveText('десяти');
  await page.keyboard.press('Alt+Shift+Digit1');
  await expect(editor).toHaveValue('The application is considered within ten days.');
});
