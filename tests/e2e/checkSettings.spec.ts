import { expect, test } from '@playwright/test';
import { openApp } from './app.ts';

// The check settings list every check, asked of the worker: the page itself never downloads the checks (the
// `jobs` chunk is the inline fallback for places without a Worker).
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
  expect(scripts.filter((s) => /\/jobs-|\/registry-/.test(s))).toEqual([]);
  expect(scripts.some((s) => s.includes('audarma.worker'))).toBe(true);
});
