import { expect, test } from '@playwright/test';
import { openApp, typeInto } from './app.ts';

// The regular-expression engine is not part of the first screen: it arrives when the reviewer first asks for a
// regular-expression search, and the search typed meanwhile runs once it has.
test('a regular-expression search loads its engine on first use and filters the grid', async ({ page }) => {
  await openApp(page);
  const search = page.getByRole('search', { name: 'Filter units' });
  const field = search.getByRole('searchbox', { name: 'Search text' });
  await search.getByRole('checkbox', { name: 'Regex' }).check();
  await typeInto(field, 'To pass to con\\w+s$');
  const rows = page.locator('[data-unit]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('To pass to contents');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  // A back-reference is outside the linear-time syntax: refused, not run.
  await typeInto(field, '(T)\\1');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
});
