import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp, TYPING_DELAY } from './app.ts';

// Inline codes as a reviewer meets them: files written for this journey (XLIFF 2 and 1.2, no target yet), typed
// around key by key, a code taken out with Backspace and put back with F9, exported as the original file.

const XLIFF2 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ru" trgLang="en">
  <file id="f1">
    <unit id="btn-7">
      <segment id="s1">
        <source>Нажмите <pc id="1">Сохранить</pc> и закройте окно<ph id="2"/></source>
      </segment>
    </unit>
  </file>
</xliff>
`;

const XLIFF1 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="menu.txt" source-language="ru" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="menu-3">
        <source>Откройте <g id="1">файл</g> сейчас<x id="2"/></source>
      </trans-unit>
    </body>
  </file>
</xliff>
`;

const status = (page: Page) => page.locator('.transfer-status');
const english = (page: Page) => page.locator('[data-unit="0"]').getByRole('gridcell', { name: 'English 1' });

async function importFile(page: Page, name: string, text: string) {
  await page.keyboard.press('Alt+5');
  await page.getByLabel(/File to import/).setInputFiles({
    name,
    mimeType: 'application/xliff+xml',
    buffer: Buffer.from(text),
  });
  const preview = page.getByRole('region', { name: `Preview of ${name}` });
  await expect(preview).toBeVisible();
  await preview.getByRole('button', { name: 'Add document' }).click();
  await expect(status(page)).toHaveText(`Added “${name}”: 1 units.`);
  await page
    .locator('.document-switcher select')
    .selectOption({ label: `Municipal police in the Republic of Kazakhstan — ${name}` });
}

async function exportOriginal(page: Page, name: string): Promise<string> {
  await page.keyboard.press('Alt+5');
  const exportPanel = page.getByRole('region', { name: 'Export a document' });
  await exportPanel.getByRole('combobox', { name: 'Document' }).selectOption({ label: name });
  await expect(page.getByRole('radio', { name: 'As imported (the same file)' })).toBeChecked();
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Export/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(name);
  return readFileSync(await download.path(), 'utf8');
}

const type = (page: Page, text: string) => page.keyboard.type(text, { delay: TYPING_DELAY });

test('XLIFF 2: typing around the codes, Backspace into a code, F9 back; exported with the codes intact', async ({
  page,
}) => {
  await openApp(page);
  await importFile(page, 'dialog.xlf', XLIFF2);
  // The source shows its codes as chips.
  const source = page.locator('[data-unit="0"] .cell-source');
  await expect(source.locator('.code-chip')).toHaveCount(3);
  await expect(source.locator('.code-chip').first()).toHaveAttribute('data-label', '⟨1⟩');

  await english(page).click();
  const editor = page.getByRole('textbox', { name: 'English' });
  await expect(editor).toBeFocused();
  await expect(page.getByRole('group', { name: 'Codes' }).getByRole('button')).toHaveCount(3);
  await type(page, 'Press ');
  await page.keyboard.press('F9');
  await type(page, 'Save');
  await page.keyboard.press('F9');
  await type(page, ' and close the window');
  await page.keyboard.press('F9');
  await expect(editor).toHaveValue('Press ⟨1⟩Save⟨/1⟩ and close the window⟨2/⟩');
  await expect(page.getByRole('group', { name: 'Codes' }).getByRole('button')).toHaveCount(0);

  // Backspace into a code takes it whole.
  await page.keyboard.press('Backspace');
  await expect(editor).toHaveValue('Press ⟨1⟩Save⟨/1⟩ and close the window');
  // The caret passes a code as one step: from after ⟨/1⟩, one ArrowLeft lands after "Save".
  for (let i = 0; i < ' and close the window'.length; i += 1) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await type(page, 'd');
  await expect(editor).toHaveValue('Press ⟨1⟩Saved⟨/1⟩ and close the window');
  // Backspace right after a closing code takes that code whole, never half of it; F9 then puts it back.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Backspace');
  await expect(editor).toHaveValue('Press ⟨1⟩Saved and close the window');
  await page.keyboard.press('F9');
  await expect(editor).toHaveValue('Press ⟨1⟩Saved⟨/1⟩ and close the window');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('F9');
  await expect(editor).toHaveValue('Press ⟨1⟩Saved⟨/1⟩ and close the window⟨2/⟩');
  await page.keyboard.press('Control+Enter');
  await expect(english(page)).toContainText('Approved');
  await expect(english(page).locator('.code-chip')).toHaveCount(3);

  const xml = await exportOriginal(page, 'dialog.xlf');
  expect(xml).toContain('<unit id="btn-7">');
  expect(xml).toContain('<source>Нажмите <pc id="1">Сохранить</pc> и закройте окно<ph id="2"/></source>');
  expect(xml).toContain('<target>Press <pc id="1">Saved</pc> and close the window<ph id="2"/></target>');
});

test('XLIFF 1.2: <g> and <x> typed around and exported as the same file', async ({ page }) => {
  await openApp(page);
  await importFile(page, 'menu.xlf', XLIFF1);
  await english(page).click();
  const editor = page.getByRole('textbox', { name: 'English' });
  await expect(editor).toBeFocused();
  await type(page, 'Open the ');
  // F9 with a selection wraps it in the missing pair.
  await type(page, 'file');
  for (let i = 0; i < 'file'.length; i += 1) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('F9');
  await type(page, ' now');
  await page.keyboard.press('F9');
  await expect(editor).toHaveValue('Open the ⟨1⟩file⟨/1⟩ now⟨2/⟩');
  // Delete just before a code takes it whole as well.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Delete');
  await expect(editor).toHaveValue('Open the ⟨1⟩file⟨/1⟩ now');
  await page.keyboard.press('F9');
  await page.keyboard.press('Control+Enter');
  await expect(english(page)).toContainText('Approved');

  const xml = await exportOriginal(page, 'menu.xlf');
  expect(xml).toContain('<trans-unit id="menu-3">');
  expect(xml).toMatch(/<target state="[a-z-]+">Open the <g id="1">file<\/g> now<x id="2"\/><\/target>/);
});
