import { expect, test, type Page } from '@playwright/test';
import { openApp, typeInto } from './app.ts';
import { readFileSync } from 'node:fs';

const row = (page: Page, unitNumber: number) => page.locator(`[data-unit="${unitNumber - 1}"]`);

/** Opens the app and hands back the grid. */
async function open(page: Page) {
  await openApp(page, 'Aigerim');
  return page.getByRole('grid', { name: 'Document units' });
}

test('dashboard: post-edit in the grid, read the score and effort, keep a threshold, export the QA report', async ({
  page,
}) => {
  const grid = await open(page);
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const english = page.getByRole('textbox', { name: 'English' });
  await expect(english).toHaveValue('To pass to contents');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Go to contents');
  await page.keyboard.press('Control+Enter');
  await expect(row(page, 2)).toContainText('Approved');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Dashboard' }).click();
  const score = page.getByRole('region', { name: 'MQM quality score' });
  await expect(score.getByText('100.0')).toBeVisible();
  await expect(score.getByText('Pass', { exact: true })).toBeVisible();
  const effort = page.getByRole('region', { name: 'Post-editing effort' });
  await expect(effort).toContainText('Characters changed: 31.6%');
  await expect(effort).toContainText('Units post-edited: 1; changed: 1');
  await expect(page.getByRole('region', { name: 'Progress by state' })).toContainText('Approved: 1');

  // The threshold is a project setting: it survives a reload.
  const threshold = score.getByRole('spinbutton', { name: 'Pass threshold' });
  await typeInto(threshold, '99.5');
  await threshold.press('Enter');
  await expect(score.getByRole('status')).toHaveText('Threshold saved: 99.5');
  await page.reload();
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(
    page
      .getByRole('region', { name: 'MQM quality score' })
      .getByRole('spinbutton', { name: 'Pass threshold' }),
  ).toHaveValue('99.5');

  // Kazakh: nothing written yet, no machine translation to measure effort against.
  await page.getByRole('radio', { name: 'Kazakh' }).check();
  await expect(page.getByRole('region', { name: 'Post-editing effort' })).toContainText(
    'No post-edited units with a machine translation in this language.',
  );
  await page.getByRole('radio', { name: 'English' }).check();

  const report = page.getByRole('region', { name: 'QA report' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    report.getByRole('button', { name: 'Export CSV report' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('municipal-police-kazakhstan.en.en.qa-report.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFFkind,unit,lang,severity,category,description')).toBe(true);
  expect(csv).toContain('score,,en,pass,mqm,MQM score 100.0 (pass threshold 99.5)');
  await expect(report.getByRole('status')).toContainText(
    'Saved municipal-police-kazakhstan.en.en.qa-report.csv',
  );
});
