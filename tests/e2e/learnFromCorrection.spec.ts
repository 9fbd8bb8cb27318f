import { expect, test, type Page } from '@playwright/test';
import { openApp, TYPING_DELAY } from './app.ts';

// A systematic machine-translation error fixed once: the reviewer types the correction, applies it to the other
// units, takes that back, keeps the correction as a phrase rule instead, and after a reload the rule reports the
// phrase in another unit.

const PHRASE = 'local authorities';
const BETTER = 'local governments';
const rows = (page: Page) => page.locator('.grid-row[data-unit]');
const english = (page: Page, unit: number) =>
  page.locator(`[data-unit="${unit - 1}"]`).getByRole('gridcell', { name: `English ${unit}` });

async function search(page: Page, text: string) {
  const box = page.getByRole('searchbox', { name: 'Search text' });
  await box.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text, { delay: TYPING_DELAY });
}

async function unitNumbers(page: Page): Promise<number[]> {
  const ids = await rows(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-unit')) + 1));
  return ids.sort((a, b) => a - b);
}

test('a correction typed once is applied to the other units, undone, saved as a rule, and the rule fires after a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await search(page, PHRASE);
  await expect.poll(() => rows(page).count()).toBeGreaterThanOrEqual(3);
  const [first, ...others] = await unitNumbers(page);
  expect(first).toBeDefined();

  // Type the corrected sentence key by key and keep it.
  await english(page, first!).click();
  const editor = page.getByRole('textbox', { name: 'English' });
  await expect(editor).toBeFocused();
  const before = await editor.inputValue();
  const at = before.indexOf(PHRASE);
  expect(at).toBeGreaterThanOrEqual(0);
  // Put the caret after the phrase, delete its last word with the keyboard and type the better one.
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < at + PHRASE.length; i += 1) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 'authorities'.length; i += 1) await page.keyboard.press('Backspace');
  await page.keyboard.type('governments', { delay: TYPING_DELAY });
  await expect(editor).toHaveValue(before.replace(PHRASE, BETTER));
  // Alt+↓ keeps the text; the next unit's editor opens, and Escape leaves it unchanged.
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: 'English' })).toHaveCount(0);

  const offer = page.getByRole('region', { name: 'Learn from the correction' });
  await expect(offer).toContainText(`You replaced “authorities” with “governments”.`);
  await offer.getByRole('button', { name: /^Apply the same change to the \d+ other units?/ }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm.getByRole('list', { name: 'Preview' }).getByRole('listitem')).toHaveCount(
    others.length,
  );
  await expect(confirm.locator('ins').first()).toHaveText('governments');
  await confirm.getByRole('button', { name: `Yes, change ${others.length}` }).click();
  await expect(offer.getByRole('status')).toContainText(`Changed ${others.length}, refused 0`);
  // Every other unit now says "local governments" (the search still shows them: their machine translation has
  // the old phrase).
  for (const unit of others)
    await expect(english(page, unit).locator('ins').first()).toHaveText('governments');

  // One undo takes the whole change back; the first unit keeps its correction.
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: /^Undo/ }).click();
  for (const unit of others) await expect(english(page, unit).locator('ins')).toHaveCount(0);
  await expect(english(page, first!).locator('ins').first()).toHaveText('governments');
  const issues = page.getByRole('region', { name: 'Issues' });
  await expect(issues).not.toContainText(`consider “governments”`);

  // Keep the correction as a project rule instead.
  await offer.getByRole('button', { name: 'Save as a rule…' }).click();
  const dialog = page.getByRole('dialog', { name: 'QA checks' });
  const form = dialog.getByRole('form', { name: 'Phrase rule' });
  await expect(form.getByRole('textbox', { name: 'Phrase or expression' })).toHaveValue('authorities');
  await expect(form.getByRole('textbox', { name: 'Better wording' })).toHaveValue('governments');
  await form.getByRole('button', { name: 'Save the rule' }).click();
  await expect(dialog.getByRole('status')).toContainText('Rule “authorities” saved');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // After a reload the project's rule reports the phrase in another unit.
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Document units' })).toBeVisible();
  await search(page, PHRASE);
  await expect.poll(() => unitNumbers(page)).toEqual([first, ...others]);
  // The first unit has the correction; the next one, unchanged, is reported by the rule.
  await english(page, others[0]!).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Issues' })).toContainText(
    '“authorities” is a word-for-word rendering of Russian; consider “governments”',
    { timeout: 30_000 },
  );
});

/** Opens the English editor of `unit`, puts the caret after `anchor` and types over the `erase` letters before it. */
async function retype(page: Page, unit: number, anchor: string, erase: number, text: string) {
  await english(page, unit).click();
  const editor = page.getByRole('textbox', { name: 'English' });
  await expect(editor).toBeFocused();
  const before = await editor.inputValue();
  const at = before.indexOf(anchor);
  expect(at).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < at + anchor.length; i += 1) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < erase; i += 1) await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: TYPING_DELAY });
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: 'English' })).toHaveCount(0);
}

test('a changed preposition is learnt with the word it belongs to, and a changed article offers nothing', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  // The units that hold the widened phrase, counted before the change.
  await search(page, 'structure of');
  await expect.poll(() => rows(page).count()).toBeGreaterThanOrEqual(1);
  const holding = await unitNumbers(page);
  await search(page, 'structure of the Ministry');
  await expect.poll(() => rows(page).count()).toBeGreaterThanOrEqual(1);
  const [unit] = await unitNumbers(page);

  await retype(page, unit!, 'structure of', 'of'.length, 'within');
  const offer = page.getByRole('region', { name: 'Learn from the correction' });
  await expect(offer).toContainText('You replaced “structure of” with “structure within”.');
  // Counted by the widened phrase: a bare "of" would be in nearly every unit.
  await expect(
    offer.getByRole('button', {
      name: new RegExp(`^Apply the same change to the ${holding.length - 1} other units?`),
    }),
  ).toBeVisible();
  await offer.getByRole('button', { name: 'Not now' }).click();
  await expect(offer).toHaveCount(0);

  // "the fact" → "a fact": an article is no systematic error; nothing is offered.
  await search(page, 'spite of the fact');
  await expect.poll(() => rows(page).count()).toBeGreaterThanOrEqual(1);
  const [other] = await unitNumbers(page);
  await retype(page, other!, 'spite of the', 'the'.length, 'a');
  await expect(english(page, other!).locator('ins').first()).toHaveText('a');
  await expect(page.getByRole('region', { name: 'Learn from the correction' })).toHaveCount(0);
});
