import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/**
 * Fault injection: long writes (import, restore in place and as a copy, alignment apply, bulk approve) are cut
 * short by a reload, by leaving the page or by closing its tab at many moments; after the next start the database
 * must be exactly as before the write or exactly as after it — never a mix, no orphan rows — and an interrupted
 * write must be reported.
 *
 * "Exactly" is checked on a fingerprint of every store: each row without its ids and times (a restore or an
 * import gives rows fresh ids, and stamps them with the time of the write), sorted, plus the row count of each
 * store. A half-written import has too few rows; a leftover has too many; a mix of two projects has rows of both.
 */

const TRIALS = Number(process.env.FAULT_TRIALS ?? 20);
const NOTICE = /did not finish/;

type Fingerprint = Record<string, { readonly count: number; readonly hash: string }>;

/** Markers in storage: writes under way or cut short, and notices not dismissed yet. */
function markers(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('audarma');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('pending').objectStore('pending').count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** The fingerprint of every store but the pending markers (which hold the notices). */
function fingerprint(page: Page): Promise<Fingerprint> {
  return page.evaluate(
    () =>
      new Promise<Fingerprint>((resolve, reject) => {
        const open = indexedDB.open('audarma');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames].filter((n) => n !== 'pending');
          const tx = db.transaction(names);
          const rows: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (rows[name] = request.result as unknown[]);
          }
          tx.oncomplete = async () => {
            db.close();
            const skip = new Set([
              'id',
              'documentId',
              'unitId',
              'renderingId',
              'projectId',
              'entryId',
              'issueKey',
              'at',
              'updatedAt',
              'createdAt',
            ]);
            const out: Fingerprint = {};
            for (const name of names) {
              // Ids and times are left out at every depth (a glossary entry keeps who set a status and when).
              const strip = (value: unknown): unknown =>
                Array.isArray(value)
                  ? value.map(strip)
                  : value && typeof value === 'object'
                    ? Object.entries(value as Record<string, unknown>)
                        .filter(([k]) => !skip.has(k) && !/At$/.test(k))
                        .sort(([a], [b]) => (a < b ? -1 : 1))
                        .map(([k, v]) => [k, strip(v)])
                    : value;
              // The check results kept to show at the next start are derived data, rewritten after every check run.
              const kept = (rows[name] ?? []).filter(
                (row) =>
                  !(name === 'settings' && String((row as { key?: unknown }).key).startsWith('issueCache:')),
              );
              const list = kept.map((row) => JSON.stringify(strip(row))).sort();
              const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(list.join('\n')));
              out[name] = {
                count: list.length,
                hash: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''),
              };
            }
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Document units' });

/** Opens the app; on a fresh profile, types a reviewer name as a person would. */
async function start(page: Page): Promise<void> {
  await page.goto('/');
  const dialog = page.getByRole('dialog', { name: 'Welcome to Audarma' });
  await expect(dialog.or(grid(page))).toBeVisible();
  if (await dialog.isVisible()) {
    await dialog.getByRole('textbox', { name: 'Your name' }).pressSequentially('Aigul', { delay: 30 });
    await dialog.getByRole('button', { name: 'Start reviewing' }).click();
  }
  await expect(grid(page)).toBeVisible();
}

/** A table with a Russian original, an English and a Kazakh rendering per row: a document of `rows` units. */
function table(rows: number): Buffer {
  const lines = Array.from(
    { length: rows },
    (_, i) =>
      `${i + 1},Строка номер ${i + 1} о работе местной полиции.,Line ${i + 1} on local police work.,${i + 1}-жол жергілікті полиция жұмысы туралы.`,
  );
  return Buffer.from(`id,ru,en,kk\n${lines.join('\n')}\n`, 'utf8');
}

async function transferTab(page: Page) {
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: 'Import a file' })).toBeVisible();
}

async function importTable(page: Page, rows: number) {
  await transferTab(page);
  await page
    .getByLabel(/File to import/)
    .setInputFiles({ name: 'police.csv', mimeType: 'text/csv', buffer: table(rows) });
  const preview = page.getByRole('region', { name: 'Preview of police.csv' });
  await expect(preview.getByRole('button', { name: 'Add document' })).toBeEnabled({ timeout: 20_000 });
  return preview.getByRole('button', { name: 'Add document' });
}

/** The value of a progress bar right now, or 0 when there is none (a locator would wait for one to appear). */
const progressOf = (page: Page, name: string) =>
  page.evaluate(
    (label) => document.querySelector<HTMLProgressElement>(`progress[aria-label="${label}"]`)?.value ?? 0,
    name,
  );

type Trial = {
  /** Sets up the write and returns the control whose click starts it. */
  readonly begin: (page: Page) => Promise<{ click: () => Promise<void> }>;
  /** The progress bar that moves once the write has stored rows (its marker is then stored). */
  readonly progress?: string;
};

/**
 * Runs one write to its end to learn the after-state, then `TRIALS` times from the same before-state: start it,
 * wait a varying delay, then reload, leave the page for another and come back, or close the tab and open the app in
 * a new one (in turn); at the next start the database must be the before- or the after-state, and an interrupted
 * write must be reported.
 */
async function cutShortRepeatedly(
  browser: Browser,
  setUp: (page: Page) => Promise<void>,
  trial: Trial,
  maxDelay: number,
) {
  // A fresh browser profile set up the same way each time the database must be the before-state again.
  let context: BrowserContext = await browser.newContext();
  let page = await context.newPage();
  const fresh = async () => {
    await context.close();
    context = await browser.newContext();
    page = await context.newPage();
    await start(page);
    await setUp(page);
    await page.reload();
    await expect(grid(page)).toBeVisible();
  };
  await start(page);
  await setUp(page);
  await page.reload();
  await expect(grid(page)).toBeVisible();
  const before = await fingerprint(page);

  // The write to its end, timed.
  const { click } = await trial.begin(page);
  const t0 = Date.now();
  await click();
  // Finished: the rows changed and no marker is left (a restore in place removes the old rows after listing).
  await expect
    .poll(
      async () =>
        JSON.stringify(await fingerprint(page)) !== JSON.stringify(before) && (await markers(page)) === 0,
      { timeout: 30_000 },
    )
    .toBe(true);
  const took = Date.now() - t0;
  if (process.env.FAULT_LOG) console.log(`the write took ${took} ms`);
  const after = await fingerprint(page);

  const outcomes = { before: 0, after: 0, told: 0 };
  let dirty = true;
  for (let i = 0; i < TRIALS; i += 1) {
    if (dirty) {
      await fresh();
      dirty = false;
    }
    const { click } = await trial.begin(page);
    // Delays spread over the whole write and a little past it, more of them early: leaving the page takes time
    // of its own, so a late cut often lands after the write has finished anyway.
    const share = ((i + 0.5) / TRIALS) ** 2;
    const delay = Math.round(share * Math.min(maxDelay, Math.max(took * 1.1, 400)));
    await click();
    await page.waitForTimeout(delay);
    const begun = trial.progress ? (await progressOf(page, trial.progress)) > 0 : false;
    if (i % 3 === 0) {
      // The page reloads itself, as F5 would: Playwright's own reload waits on the page going away.
      const loaded = page.waitForEvent('load', { timeout: 20_000 });
      await page.evaluate(() => setTimeout(() => location.reload(), 0));
      await loaded;
    } else if (i % 3 === 1) {
      // The page is left for another, then the app is opened again.
      await page.goto('about:blank', { timeout: 20_000 });
      await page.goto('/', { waitUntil: 'commit', timeout: 20_000 });
    } else {
      // The tab is closed mid-write (no unload handlers run), then the app is opened in a new tab.
      await page.close({ runBeforeUnload: false });
      page = await context.newPage();
      await page.goto('/', { waitUntil: 'commit', timeout: 20_000 });
    }
    await expect(grid(page)).toBeVisible({ timeout: 30_000 });
    const state = await fingerprint(page);
    const notice = page.getByRole('alert').filter({ hasText: NOTICE });
    const told = await notice.isVisible();
    if (JSON.stringify(state) === JSON.stringify(after)) {
      outcomes.after += 1;
      dirty = true;
      expect(told, `trial ${i} (${delay} ms): finished, yet reported as cut short`).toBe(false);
    } else {
      const differ = Object.keys(before).filter(
        (k) => JSON.stringify(before[k]) !== JSON.stringify(state[k]),
      );
      expect(differ, `trial ${i} (${delay} ms): neither the state before nor the state after`).toEqual([]);
      outcomes.before += 1;
      if (begun) expect(told, `trial ${i} (${delay} ms): cut short while writing, and not told`).toBe(true);
    }
    if (process.env.FAULT_LOG)
      console.log(`trial ${i}: ${delay} ms, begun ${begun}, told ${told}, at ${Date.now() - t0} ms`);
    if (told) {
      outcomes.told += 1;
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expect(notice).toHaveCount(0);
    }
    // No marker is left but the notices the user has not dismissed yet.
    expect(await markers(page)).toBe(0);
  }
  await context.close();
  return outcomes;
}

test.describe.configure({ timeout: 180_000 });

test('import of a 1,200-unit table, reloaded or closed at 20 moments', async ({ browser }) => {
  const outcomes = await cutShortRepeatedly(
    browser,
    async () => undefined,
    {
      begin: async (page) => {
        const add = await importTable(page, 1200);
        return { click: () => add.click() };
      },
      progress: 'Reading the file',
    },
    1500,
  );
  expect(outcomes.before).toBeGreaterThan(2);
  expect(outcomes.after).toBeGreaterThan(0);
  expect(outcomes.told).toBeGreaterThan(0);
});

/** The demo project with a 400-unit table, backed up (Ctrl+S); then one approval the backup does not have. */
async function backedUpProject(page: Page): Promise<string> {
  const add = await importTable(page, 400);
  await add.click();
  await expect(page.locator('.transfer-status')).toHaveText('Added “police.csv”: 400 units.', {
    timeout: 30_000,
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  const json = readFileSync(await download.path(), 'utf8');
  await page.keyboard.press('Alt+1');
  await grid(page).locator('[data-unit="1"]').getByRole('gridcell', { name: 'English 2' }).click();
  await page.keyboard.press('Control+Enter');
  await expect(grid(page).locator('[data-unit="1"]')).toContainText('Approved');
  return json;
}

async function chooseBackup(page: Page, json: string) {
  await transferTab(page);
  await page.getByLabel(/File to import/).setInputFiles({
    name: 'police.audarma.json',
    mimeType: 'application/json',
    buffer: Buffer.from(json),
  });
  const restore = page.getByRole('region', { name: /^Backup of the project/ });
  await expect(restore.getByRole('radio', { name: /Keep both/ })).toBeVisible({ timeout: 20_000 });
  return restore;
}

for (const choice of ['Replace the project here with the backup', 'Keep both (restore a copy with new ids)'])
  test(`restore of a 400-unit backup (${choice.split(' ')[0]}), reloaded or closed at 20 moments`, async ({
    browser,
  }) => {
    let json = '';
    const outcomes = await cutShortRepeatedly(
      browser,
      async (page) => {
        json = await backedUpProject(page);
      },
      {
        begin: async (page) => {
          const restore = await chooseBackup(page, json);
          await restore.getByRole('radio', { name: choice }).check();
          return { click: () => restore.getByRole('button', { name: 'Restore' }).click() };
        },
        progress: 'Restoring the project',
      },
      1500,
    );
    expect(outcomes.before).toBeGreaterThan(2);
    expect(outcomes.after).toBeGreaterThan(0);
    expect(outcomes.told).toBeGreaterThan(0);
  });

test('alignment apply on the demo, reloaded or closed at 20 moments', async ({ browser }) => {
  const kazakh = Array.from({ length: 75 }, (_, i) => `${i + 1}-сөйлем жергілікті полиция туралы.`).join(
    '\n',
  );
  const outcomes = await cutShortRepeatedly(
    browser,
    async () => undefined,
    {
      begin: async (page) => {
        await page.keyboard.press('Alt+3');
        await page.getByRole('combobox', { name: 'Language of the version' }).selectOption('kk');
        await page.getByLabel('Text file').setInputFiles({
          name: 'police.kk.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from(kazakh),
        });
        await page.getByRole('button', { name: 'Align', exact: true }).click();
        const apply = page.getByRole('button', { name: 'Apply Kazakh to the document' });
        await expect(apply).toBeEnabled({ timeout: 20_000 });
        return { click: () => apply.click() };
      },
    },
    600,
  );
  expect(outcomes.before + outcomes.after, JSON.stringify(outcomes)).toBe(TRIALS);
  expect(outcomes.after, JSON.stringify(outcomes)).toBeGreaterThan(0);
});

test('bulk approve on the demo, reloaded or closed at 20 moments', async ({ browser }) => {
  const outcomes = await cutShortRepeatedly(
    browser,
    async () => undefined,
    {
      begin: async (page) => {
        await page.getByRole('combobox', { name: 'Issues' }).selectOption('none');
        const approve = page.getByRole('button', { name: /^Approve \d+ without issues/ });
        await expect(approve).toBeEnabled({ timeout: 20_000 });
        await approve.click();
        const yes = page.getByRole('alertdialog').getByRole('button', { name: /Yes, change/ });
        return { click: () => yes.click() };
      },
    },
    600,
  );
  expect(outcomes.before + outcomes.after, JSON.stringify(outcomes)).toBe(TRIALS);
  expect(outcomes.after, JSON.stringify(outcomes)).toBeGreaterThan(0);
});
