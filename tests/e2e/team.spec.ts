import { expect, test, type Browser, type Page } from '@playwright/test';
import { APP_PORT, openApp, typeInto, TYPING_DELAY } from './app.ts';
import { PASSWORD, startJourneyServer, type JourneyServer } from './teamServer.ts';

// Two reviewers, each in a browser context of their own (two IndexedDBs), on one real team server over a
// throwaway PostgreSQL cluster. Each journey starts from an empty server and fresh browsers.

let server: JourneyServer;

test.beforeAll(async () => {
  server = await startJourneyServer();
  for (const name of ['aigul', 'bolat', 'chingis']) await server.addUser(name);
});
test.afterAll(async () => {
  await server?.stop();
});
test.beforeEach(async () => {
  await server.reset();
});

const row = (page: Page, unit: number) => page.locator(`[data-unit="${unit - 1}"]`);
const english = (page: Page, unit: number) =>
  row(page, unit).getByRole('gridcell', { name: `English ${unit}` });
const grid = (page: Page) => page.getByRole('grid', { name: 'Document units' });
const syncStatus = (page: Page) => page.locator('header [role="status"]');
const approved = (page: Page) => page.getByRole('progressbar', { name: 'English: approved units' });

async function person(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await openApp(page, name);
  return page;
}

async function signIn(page: Page, user: string): Promise<void> {
  await page.getByRole('button', { name: 'Team' }).click();
  const panel = page.getByRole('dialog', { name: 'Team' });
  await typeInto(panel.getByRole('textbox', { name: 'Server address' }), server.base, 5);
  await typeInto(panel.getByRole('textbox', { name: 'User name' }), user);
  await typeInto(panel.getByLabel('Password'), PASSWORD, 5);
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await expect(panel).toContainText(`Signed in as ${user}`);
}

/** The lead shares the demo project and makes the other an English reviewer. */
async function share(lead: Page, reviewer: string): Promise<void> {
  await signIn(lead, 'aigul');
  const panel = lead.getByRole('dialog', { name: 'Team' });
  await panel.getByRole('button', { name: 'Share project' }).click();
  await expect(panel.getByRole('table', { name: 'Members' })).toContainText('aigul');
  await typeInto(panel.getByRole('textbox', { name: 'User name' }), reviewer);
  await panel.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Reviewer' });
  await panel.getByRole('checkbox', { name: 'English' }).check();
  await panel.getByRole('button', { name: 'Add' }).click();
  await expect(panel.getByRole('table', { name: 'Members' })).toContainText(reviewer);
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(syncStatus(lead)).toHaveText('Synced');
}

async function join(page: Page, user: string): Promise<void> {
  await signIn(page, user);
  await expect(page.getByRole('dialog', { name: 'Team' })).toContainText('synced with the server');
  await page.getByRole('dialog', { name: 'Team' }).getByRole('button', { name: 'Close' }).click();
  await expect(syncStatus(page)).toHaveText('Synced');
}

/** Opens the unit's English editor, types the text key by key and approves it (the editor moves on). */
async function typeAndApprove(page: Page, unit: number, text: string): Promise<void> {
  await english(page, unit).click();
  const editor = page.getByRole('textbox', { name: 'English' });
  await expect(editor).toBeFocused();
  await editor.press('ControlOrMeta+a');
  await page.keyboard.type(text, { delay: TYPING_DELAY });
  await page.keyboard.press('Control+Enter');
  await expect(row(page, unit)).toContainText('Approved');
  await page.keyboard.press('Escape');
}

async function historyTexts(page: Page, unit: number): Promise<string> {
  await english(page, unit).click();
  await page.keyboard.press('Escape');
  return (await page.getByRole('region', { name: 'History' }).textContent()) ?? '';
}

test('an approval in one browser shows in the other within seconds', async ({ browser }) => {
  const aigul = await person(browser, 'Aigul');
  const bolat = await person(browser, 'Bolat');
  await share(aigul, 'bolat');
  await join(bolat, 'bolat');
  await grid(aigul).focus();
  await aigul.keyboard.press('ArrowDown');
  const started = Date.now();
  await aigul.keyboard.press('Control+Enter');
  await expect(row(aigul, 2)).toContainText('Approved');
  await expect(row(bolat, 2)).toContainText('Approved', { timeout: 10_000 });
  const seconds = (Date.now() - started) / 1000;
  test.info().annotations.push({ type: 'reached the other browser in', description: `${seconds} s` });
  console.log(`team sync: an approval reached the other browser in ${seconds.toFixed(2)} s`);
  await expect(syncStatus(aigul)).toHaveText('Synced');
  // The other browser's history says who approved it, as the server recorded it.
  expect(await historyTexts(bolat, 2)).toContain('aigul');
});

test('fifty units edited offline all reach the other browser once back online', async ({ browser }) => {
  const aigul = await person(browser, 'Aigul');
  const bolat = await person(browser, 'Bolat');
  await share(aigul, 'bolat');
  await join(bolat, 'bolat');
  await bolat.context().setOffline(true);
  const typed = ['Go to contents', 'Local police answer to the akim', 'Patrol officers keep order'];
  for (const [i, text] of typed.entries()) await typeAndApprove(bolat, i + 2, text);
  await expect(syncStatus(bolat)).toContainText('Offline');
  // The rest by keyboard in the grid: approve the active unit, move down.
  await english(bolat, 5).click();
  await bolat.keyboard.press('Escape');
  for (let presses = 0; presses < 120; presses++) {
    if ((await approved(bolat).getAttribute('aria-valuenow')) === '50') break;
    await bolat.keyboard.press('Control+Enter');
    await expect(bolat.locator('.grid-row.active')).toContainText('Approved');
    await bolat.keyboard.press('ArrowDown');
  }
  await expect(approved(bolat)).toHaveAttribute('aria-valuenow', '50');
  await expect(syncStatus(bolat)).toContainText('Offline');
  await expect(approved(aigul)).toHaveAttribute('aria-valuenow', '0');
  await bolat.context().setOffline(false);
  await expect(syncStatus(bolat)).toHaveText('Synced', { timeout: 15_000 });
  await expect(approved(aigul)).toHaveAttribute('aria-valuenow', '50', { timeout: 15_000 });
  await expect(english(aigul, 3)).toContainText('Local police answer to the akim');
});

test('two offline edits of one unit: the later arrival wins, the other sees both and takes theirs', async ({
  browser,
}) => {
  const aigul = await person(browser, 'Aigul');
  const bolat = await person(browser, 'Bolat');
  await share(aigul, 'bolat');
  await join(bolat, 'bolat');
  await aigul.context().setOffline(true);
  await bolat.context().setOffline(true);
  await typeAndApprove(aigul, 2, 'Go to the contents');
  await typeAndApprove(bolat, 2, 'See the contents');
  await aigul.context().setOffline(false);
  await expect(syncStatus(aigul)).toHaveText('Synced', { timeout: 15_000 });
  await bolat.context().setOffline(false);
  await expect(syncStatus(bolat)).toHaveText('Synced', { timeout: 15_000 });
  // Bolat's change arrived later and won; Aigul is told, with both texts.
  await expect(syncStatus(aigul)).toContainText('1 conflict', { timeout: 15_000 });
  await expect(english(aigul, 2)).toContainText('See the contents');
  await aigul.getByRole('button', { name: 'Open conflicts' }).click();
  const dialog = aigul.getByRole('dialog', { name: 'Conflicts' });
  const item = dialog.getByRole('listitem', { name: 'Unit 2, English' });
  await expect(item).toContainText('Go to the contents');
  await expect(item).toContainText('See the contents');
  await expect(item).toContainText('bolat');
  await item.getByRole('button', { name: 'Take theirs' }).click();
  // The last conflict settled, the dialog closes by itself.
  await expect(dialog).toBeHidden();
  await expect(syncStatus(aigul)).toHaveText('Synced');
  // Nothing lost: both texts are in both browsers' histories.
  for (const page of [aigul, bolat]) {
    const history = await historyTexts(page, 2);
    expect(history).toContain('Go to the contents');
    expect(history).toContain('See the contents');
  }
});

test('someone who is not a member sees nothing of the project', async ({ browser }) => {
  const aigul = await person(browser, 'Aigul');
  const chingis = await person(browser, 'Chingis');
  await share(aigul, 'bolat');
  await grid(aigul).focus();
  await aigul.keyboard.press('ArrowDown');
  await aigul.keyboard.press('Control+Enter');
  await expect(syncStatus(aigul)).toHaveText('Synced');
  await signIn(chingis, 'chingis');
  const panel = chingis.getByRole('dialog', { name: 'Team' });
  await expect(panel).toContainText('This project is not shared with you');
  await expect(panel.getByRole('table', { name: 'Members' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(syncStatus(chingis)).toHaveCount(0);
  // Asked directly with the signed-in session, the server answers as for a project that does not exist.
  const answers = await chingis.evaluate(async (base) => {
    const ask = async (path: string) =>
      (await fetch(`${base}/api/projects/demo-municipal-police${path}`, { credentials: 'include' })).status;
    const projects = await (await fetch(`${base}/api/projects`, { credentials: 'include' })).json();
    return { changes: await ask('/changes'), members: await ask('/members'), projects };
  }, server.base);
  expect(answers).toEqual({ changes: 404, members: 404, projects: { projects: [] } });
  await expect(row(chingis, 2)).not.toContainText('Approved');
});

test('the server dies in the middle of a push and comes back: no change lost or doubled', async ({
  browser,
}) => {
  const aigul = await person(browser, 'Aigul');
  const bolat = await person(browser, 'Bolat');
  await share(aigul, 'bolat');
  await join(bolat, 'bolat');
  await bolat.context().setOffline(true);
  await grid(bolat).focus();
  for (let i = 0; i < 12; i++) {
    await bolat.keyboard.press('Control+Enter');
    await expect(bolat.locator('.grid-row.active')).toContainText('Approved');
    await bolat.keyboard.press('ArrowDown');
  }
  await expect(approved(bolat)).toHaveAttribute('aria-valuenow', '12');
  // The first push reaches the server, which stores it; the server dies before it can answer.
  let cut = false;
  let died: () => void = () => undefined;
  const dead = new Promise<void>((resolve) => (died = resolve));
  await bolat.route(`${server.base}/api/projects/*/changes`, async (route) => {
    if (cut || route.request().method() !== 'POST') return route.continue();
    cut = true;
    expect((await route.fetch()).status()).toBe(200);
    await server.stopHttp();
    await route.abort('connectionreset');
    died();
  });
  await bolat.context().setOffline(false);
  await dead;
  // The answer never came: the changes still wait in the browser, which cannot reach the server.
  await expect(syncStatus(bolat)).toHaveText('Offline: 12 changes waiting', { timeout: 15_000 });
  const stored = await server.pool.query('select count(*)::int as n from changes');
  expect(stored.rows[0].n).toBe(12);
  await server.startHttp();
  await expect(syncStatus(bolat)).toHaveText('Synced', { timeout: 15_000 });
  await expect(approved(aigul)).toHaveAttribute('aria-valuenow', '12', { timeout: 15_000 });
  const after = await server.pool.query(
    "select count(*)::int as n, count(distinct payload->>'unitId')::int as units from changes",
  );
  expect(after.rows[0]).toEqual({ n: 12, units: 12 });
});

test('a project the other browser never had comes down whole, and a comment follows it', async ({
  browser,
}) => {
  const aigul = await person(browser, 'Aigul');
  const bolat = await person(browser, 'Bolat');
  // Aigul makes a project of her own: a copy of the demo restored from its backup (new ids throughout).
  await aigul.getByRole('tab', { name: /Import & export/ }).click();
  const [backup] = await Promise.all([aigul.waitForEvent('download'), aigul.keyboard.press('Control+s')]);
  await aigul.getByLabel(/File to import/).setInputFiles((await backup.path())!);
  const restore = aigul.getByRole('region', { name: /^Backup of the project/ });
  await restore.getByRole('button', { name: 'Restore' }).click();
  await expect(aigul.locator('.transfer-status')).toContainText('restored copy');
  const copy = 'Municipal police in the Republic of Kazakhstan (restored copy)';
  const switcher = aigul.locator('.document-switcher').getByRole('combobox');
  const option = switcher.locator('option', { hasText: copy });
  await switcher.selectOption((await option.getAttribute('value'))!);
  await expect(aigul.getByRole('heading', { level: 1 })).toHaveText(copy);
  await aigul.getByRole('tab', { name: 'Review' }).click();
  // Work done before sharing travels with the project: a unit approved now is approved in the download.
  await typeAndApprove(aigul, 3, 'Local police in Kazakhstan: its functions, tasks and prospects');
  await share(aigul, 'bolat');

  // Bolat has only the demo; signed in, he is offered the copy and downloads it.
  await signIn(bolat, 'bolat');
  const panel = bolat.getByRole('dialog', { name: 'Team' });
  await panel.getByRole('button', { name: `Download ${copy}` }).click();
  await expect(panel).toHaveCount(0);
  await expect(bolat.getByRole('heading', { level: 1 })).toHaveText(copy);
  await expect(syncStatus(bolat)).toHaveText('Synced', { timeout: 15_000 });
  // The cell shows the approved text as a diff against the machine translation.
  await expect(english(bolat, 3)).toContainText('Local police in Kazakhstan: its functions, tasks and');
  await expect(row(bolat, 3)).toContainText('Approved');
  await expect(english(bolat, 4)).toHaveText((await english(aigul, 4).textContent())!);
  await bolat.getByRole('tab', { name: 'Glossary' }).click();
  await expect(bolat.getByRole('grid', { name: 'Glossary entries' }).locator('tr.glossary-row')).toHaveCount(
    7,
  );
  await bolat.getByRole('tab', { name: 'Review' }).click();

  // Aigul comments on unit 2; the comment reaches Bolat's discussion of that unit, by her server name.
  await english(aigul, 2).click();
  await aigul.keyboard.press('Escape');
  await aigul.getByRole('textbox', { name: 'New comment' }).click();
  await aigul.keyboard.type('Is “local police” the term we agreed on?', { delay: TYPING_DELAY });
  await aigul.keyboard.press('Control+Enter');
  await expect(aigul.getByRole('region', { name: 'Discussion' }).getByRole('listitem')).toContainText(
    'the term we agreed on',
  );
  await expect(syncStatus(aigul)).toHaveText('Synced', { timeout: 15_000 });
  await english(bolat, 2).click();
  await bolat.keyboard.press('Escape');
  const discussion = bolat.getByRole('region', { name: 'Discussion' });
  await expect(discussion.getByRole('listitem')).toContainText('Is “local police” the term we agreed on?', {
    timeout: 15_000,
  });
  await expect(discussion.getByRole('listitem')).toContainText('aigul');
});

test('a change the role does not allow is set aside, and the header offers the refused change, not conflicts', async ({
  browser,
}) => {
  const aigul = await person(browser, 'Aigul');
  const bolat = await person(browser, 'Bolat');
  await share(aigul, 'bolat');
  await join(bolat, 'bolat');
  // Bolat reviews English only: his Kazakh rendering (an edit and its approval) is refused by the server.
  await row(bolat, 2).getByRole('gridcell', { name: 'Kazakh 2' }).click();
  const editor = bolat.getByRole('textbox', { name: 'Kazakh' });
  await expect(editor).toBeFocused();
  await bolat.keyboard.type('Мазмұнына өту', { delay: TYPING_DELAY });
  await bolat.keyboard.press('Control+Enter');
  await expect(syncStatus(bolat)).toContainText('Not allowed: 2 changes set aside', { timeout: 10_000 });
  await expect(bolat.getByRole('button', { name: /conflicts/ })).toHaveCount(0);
  await bolat.getByRole('button', { name: 'Open refused changes (2)' }).click();
  const dialog = bolat.getByRole('dialog', { name: 'Not allowed' });
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await expect(dialog.getByRole('listitem').first()).toContainText('Мазмұнына өту');
  await dialog.getByRole('button', { name: 'Dismiss' }).first().click();
  await expect(bolat.getByRole('button', { name: 'Open refused changes (1)' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Dismiss' }).click();
  // Nothing is left to show: the dialog closes by itself.
  await expect(dialog).toBeHidden();
  await expect(syncStatus(bolat)).toHaveText('Synced');
  await expect(bolat.getByRole('button', { name: /Open refused/ })).toHaveCount(0);
});
