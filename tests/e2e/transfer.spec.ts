import { expect, test, type Download, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, typeInto } from './app.ts';
import { readFileSync } from 'node:fs';

/** Opens the app (answering the first-start question on a fresh profile) and the Import & export tab. */
async function openTransfer(page: Page) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Document units' })).toBeVisible();
  await page.getByRole('tab', { name: /Import & export/ }).click();
  await expect(page.getByRole('heading', { name: 'Export a document' })).toBeVisible();
}

async function saved(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

const status = (page: Page) => page.locator('.transfer-status');

test('exports the corrected English text and a Kazakh XLIFF in Latin letters', async ({ page }) => {
  await openTransfer(page);
  await page.getByRole('radio', { name: 'Plain text' }).check();
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption({ label: 'English' });
  const [text] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Export/ }).click(),
  ]);
  expect(text.suggestedFilename()).toBe('municipal-police-kazakhstan.en.txt');
  expect(await saved(text)).toMatch(/^Municipal police in the Republic of Kazakhstan\n/);
  // The demo is untouched machine translation: by default that is what the text holds, and the status says so.
  await expect(status(page)).toHaveText(
    'Saved municipal-police-kazakhstan.en.txt: approved 0, machine translation 75, not approved 0, gaps marked […] 0.',
  );

  await page.getByRole('radio', { name: 'XLIFF 2.1' }).check();
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption({ label: 'Kazakh' });
  await page.getByRole('radio', { name: 'Latin (2021 alphabet)' }).check();
  const [xliff] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+Shift+E')]);
  expect(xliff.suggestedFilename()).toBe('municipal-police-kazakhstan.ru-kk-Latn.xlf');
  expect(await saved(xliff)).toContain('trgLang="kk-Latn"');
});

test('a broken XLIFF is refused with its line; a text file is previewed, then added', async ({ page }) => {
  await openTransfer(page);
  const input = page.getByLabel(/File to import/);
  await input.setInputFiles({
    name: 'broken.xlf',
    mimeType: 'application/xliff+xml',
    buffer: Buffer.from(
      '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ru">\n<file id="f1">\n<unit id="u1"><segment><source>a</source></segment>\n</file>\n</xliff>\n',
    ),
  });
  await expect(page.getByRole('alert')).toContainText('broken.xlf, line 5:');
  await input.setInputFiles({
    name: 'police.ru.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Муниципальная полиция\n\nОна работает. Она нужна.\n'),
  });
  const preview = page.getByRole('region', { name: 'Preview of police.ru.txt' });
  await expect(preview).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await typeInto(preview.getByRole('textbox', { name: 'Name of the new document' }), 'Police (ru)');
  await page.keyboard.press('Control+Enter');
  await expect(status(page)).toHaveText('Added “Police (ru)”: 3 units.');
  // The new document is stored: it is offered for export after a reload.
  await page.reload();
  await page.getByRole('tab', { name: /Import & export/ }).click();
  await expect(
    page.getByRole('region', { name: 'Export a document' }).getByRole('combobox', { name: 'Document' }),
  ).toContainText('Police (ru)');
});

test('backs up the project with Ctrl+S and restores it as a copy next to the original', async ({ page }) => {
  await openTransfer(page);
  const [backup] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  expect(backup.suggestedFilename()).toMatch(/\.audarma\.json$/);
  const json = await saved(backup);
  expect(json.split('\n').slice(0, 3)).toEqual(['{', '"format":"audarma-backup",', '"version":1,']);
  await page.getByLabel(/File to import/).setInputFiles({
    name: backup.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(json),
  });
  const restore = page.getByRole('region', { name: /^Backup of the project/ });
  await expect(restore.getByRole('radio', { name: /Keep both/ })).toBeChecked();
  await restore.getByRole('button', { name: 'Restore' }).click();
  await expect(status(page)).toHaveText(
    'Restored “Municipal police in the Republic of Kazakhstan (restored copy)”.',
  );
  const names = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('audarma');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('projects').objectStore('projects').getAll();
          request.onsuccess = () => {
            resolve((request.result as { name: string }[]).map((p) => p.name).sort());
            open.result.close();
          };
        };
      }),
  );
  expect(names).toEqual([
    'Municipal police in the Republic of Kazakhstan',
    'Municipal police in the Republic of Kazakhstan (restored copy)',
  ]);
});

test('the view passes an accessibility check', async ({ page }) => {
  await openTransfer(page);
  const results = await new AxeBuilder({ page }).include('.transfer-view').analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('an XLIFF file with inline codes, edited around its codes, goes back out as the same file', async ({
  page,
}) => {
  await openTransfer(page);
  await page.getByLabel(/File to import/).setInputFiles('tests/fixtures/roundtrip/codes-2.1.xlf');
  const preview = page.getByRole('region', { name: 'Preview of codes-2.1.xlf' });
  await expect(preview).toBeVisible();
  await preview.getByRole('button', { name: 'Add document' }).click();
  await expect(status(page)).toHaveText('Added “codes-2.1.xlf”: 3 units.');
  await page.reload();
  await page
    .locator('.document-switcher select')
    .selectOption({ label: 'Municipal police in the Republic of Kazakhstan — codes-2.1.xlf' });
  // The grid shows the codes as chips, each holding its one code character.
  await expect(page.locator('[data-unit="0"]').getByRole('gridcell', { name: 'English 1' })).toContainText(
    'Order of the \uE001Minister\uE801 of Internal Affairs\uF002',
  );
  // The reviewer replaces the words after the bold one, leaving the codes' text alone.
  // A click on the cell opens its editor.
  await page.locator('[data-unit="0"]').getByRole('gridcell', { name: 'English 1' }).click();
  const editor = page.getByRole('textbox', { name: 'English' });
  await expect(editor).toBeFocused();
  // Codes show as labels: ⟨1⟩…⟨/1⟩ the bold pair, ⟨2/⟩ the line break.
  await expect(editor).toHaveValue('Order of the ⟨1⟩Minister⟨/1⟩ of Internal Affairs⟨2/⟩');
  await page.keyboard.press('Control+End');
  // One Backspace takes the line break's code whole; F9 puts it back after the new words.
  await page.keyboard.press('Backspace');
  await expect(editor).toHaveValue('Order of the ⟨1⟩Minister⟨/1⟩ of Internal Affairs');
  for (let i = 0; i < 'Internal Affairs'.length; i += 1) await page.keyboard.press('Backspace');
  await page.keyboard.type('the Interior', { delay: 30 });
  await page.keyboard.press('F9');
  await expect(editor).toHaveValue('Order of the ⟨1⟩Minister⟨/1⟩ of the Interior⟨2/⟩');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('[data-unit="0"]').getByRole('gridcell', { name: 'English 1' })).toContainText(
    'Approved',
  );

  await page.getByRole('tab', { name: /Import & export/ }).click();
  const exportPanel = page.getByRole('region', { name: 'Export a document' });
  await exportPanel.getByRole('combobox', { name: 'Document' }).selectOption({ label: 'codes-2.1.xlf' });
  await expect(page.getByRole('radio', { name: 'As imported (the same file)' })).toBeChecked();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Export/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('codes-2.1.xlf');
  const xml = await saved(download);
  expect(xml).toContain('version="2.1"');
  expect(xml).toContain('x:job="J-17"');
  expect(xml).toContain(
    '<target>Order of the <pc id="1" dataRefStart="d1" dataRefEnd="d2">Minister</pc> of the Interior<ph id="2" dataRef="d3"/></target>',
  );
  expect(xml).toContain('<segment id="s1" state="final" subState="audarma:approved">');
  // Units nobody touched are as they came.
  expect(xml).toContain('<segment id="s3" state="final">');
});
