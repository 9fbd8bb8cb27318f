import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp, typeInto, TYPING_DELAY } from './app.ts';

// The check settings list every check, asked of the worker: the page itself never downloads the checks, the
// worker does.
test('the check settings list the checks the worker holds, and the page never loads them itself', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await openApp(page);
  await page.getByRole('button', { name: 'Checks…' }).click();
  const dialog = page.getByRole('dialog', { name: 'QA checks' });
  await expect(dialog).toBeVisible();
  const boxes = dialog.getByRole('checkbox');
  expect(await boxes.count()).toBeGreaterThan(30);
  await expect(dialog.getByRole('checkbox', { name: 'date-mismatch' })).toBeChecked();
  await expect(dialog.getByRole('combobox', { name: 'Severity of date-mismatch' })).toHaveValue('major');
  await dialog.getByRole('checkbox', { name: 'date-mismatch' }).click();
  await dialog.getByRole('button', { name: 'Save and check again' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Checks…' }).click();
  await expect(
    page.getByRole('dialog', { name: 'QA checks' }).getByRole('checkbox', { name: 'date-mismatch' }),
  ).not.toBeChecked();
  // The page's own resource timeline holds what the page fetched; the worker's fetches are on the worker's.
  const pageScripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith('.js')),
  );
  expect(pageScripts.length).toBeGreaterThan(0);
  expect(pageScripts.filter((s) => /\/jobs-|\/registry-|\/checkDocument-/.test(s))).toEqual([]);
  expect(scripts.some((s) => s.includes('audarma.worker'))).toBe(true);
  expect(scripts.some((s) => /\/registry-/.test(s))).toBe(true);
});

// A built-in rule edited for the project: the grid reports the edit, the export carries it, and restoring the
// default brings the built-in wording back.
test('a built-in phrase rule edited in the settings is reported as edited, exported, and restored', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  const openRules = async () => {
    await page.getByRole('button', { name: 'Checks…' }).click();
    const dialog = page.getByRole('dialog', { name: 'QA checks' });
    await dialog.getByRole('tab', { name: 'Phrase rules' }).click();
    await typeInto(dialog.getByRole('searchbox', { name: 'Find a rule' }), 'enforcement bodies');
    return dialog;
  };
  const rule = 'law[- ]enforcement bodies';
  let dialog = await openRules();
  await dialog.getByRole('button', { name: `Edit the rule “${rule}”` }).click();
  const form = dialog.getByRole('form', { name: 'Phrase rule' });
  const better = form.getByRole('textbox', { name: 'Better wording' });
  await better.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('police agencies', { delay: TYPING_DELAY });
  await form.getByRole('combobox', { name: 'Severity' }).selectOption('major');
  await form.getByRole('button', { name: 'Save the rule' }).click();
  const row = dialog
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: `Rule “${rule}” on` }) });
  await expect(row).toContainText('police agencies');
  await expect(row).toContainText('edited');

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv).toMatch(/^id,match,regex,lang,suggestion,severity,category,kind,note/);
  expect(csv).toContain(`builtin-enforcement-`);
  expect(csv).toContain('police agencies,major');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const box = page.getByRole('searchbox', { name: 'Search text' });
  await box.click();
  await page.keyboard.type('law-enforcement bodies', { delay: TYPING_DELAY });
  const first = page.locator('.grid-row[data-unit]').first();
  await expect(first).toBeVisible();
  await first.getByRole('gridcell', { name: /^English / }).click();
  await page.keyboard.press('Escape');
  const issues = page.getByRole('region', { name: 'Issues' });
  await expect(issues).toContainText('consider “police agencies”', { timeout: 30_000 });

  dialog = await openRules();
  await dialog.getByRole('button', { name: `Restore the default of the rule “${rule}”` }).click();
  await expect(row).not.toContainText('edited');
  await expect(row).toContainText('law enforcement agencies');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(issues).toContainText('consider “law enforcement agencies”', { timeout: 30_000 });
  await expect(issues).not.toContainText('police agencies');
});
