import { expect, test, type Page } from '@playwright/test';
import { openApp as open, pasteInto } from './app.ts';
import AxeBuilder from '@axe-core/playwright';

/** The Russian original of the demo article's first fourteen units (the rest of the article is left out). */
const RUSSIAN_START = `Муниципальная полиция в Республике Казахстан


Перейти к содержанию

Рассмотрим пример создания Местной полицейской службы органов внутренних дел — Жергілікті полиция қызметі в Республике Казахстан, функции, задачи, перспективы развития и выводы

Муниципальная полиция в Республике Казахстан

Муниципальная полиция в Республике Казахстан
Продолжаем тему зарубежного опыта создания и деятельности муниципальной (местной) полиции на территории стран бывшего СССР, в этой статье рассмотрим опыт наших соседей из Казахстана.
Сразу отмечу, что эксперимент по созданию муниципальной полиции в Казахстане начат относительно недавно (статья впервые опубликована в феврале 2018 года), в январе 2016 года.

Местная полицейская служба — Жергілікті полиция қызметі (каз.)
Правовой статус новой структуры МВД Казахстана утвердил Закон от 2 ноября 2015 года «О внесении изменений и дополнений в некоторые законодательные акты по вопросам деятельности местной полицейской службы». Согласно этому документу с 1 января 2016 года на всей территории Республики начинает действовать Местная полицейская служба (далее МПС).
Сразу стоит обратить внимание на то, что МПС является составной частью МВД Республики, а не органов местного самоуправления. Соответственно, слово «Местная» в её названии звучит уже достаточно условно.
Согласно закону назначение на должность начальника МПС области и освобождение от неё осуществляются акимом* по согласованию с депутатами маслихата**. Он вправе ставить МПС задачи по обеспечению охраны общественного порядка и требовать их выполнения.
`;

async function openAlign(page: Page) {
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Align another language version' })).toBeVisible();
}

const importedText = (page: Page, row: number) =>
  page.getByRole('textbox', { name: `Imported text, row ${row}`, exact: true });

test('a Russian original is aligned under the English machine translation, corrected and applied', async ({
  page,
}) => {
  await open(page);
  await openAlign(page);
  await page.getByRole('combobox', { name: 'Language of the version' }).selectOption('ru');
  await page.getByLabel('Text file').setInputFiles({
    name: 'police.ru.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`\uFEFF${RUSSIAN_START.replace(/\n/g, '\r\n')}`, 'utf8'),
  });
  await page.getByRole('button', { name: 'Align', exact: true }).click();
  const table = page.getByRole('table', { name: 'Proposed alignment' });
  await expect(table).toBeVisible();
  await expect(importedText(page, 9)).toHaveValue(/^Правовой статус новой структуры МВД Казахстана/);
  await expect(importedText(page, 10)).toHaveValue(/^Согласно этому документу с 1 января 2016 года/);
  // Units past the end of the Russian text have no counterpart.
  await expect(importedText(page, 15)).toHaveValue('');

  // Merge row 9 with row 10 by keyboard, undo it; split row 2 at the caret and undo that too.
  await importedText(page, 9).click();
  await page.keyboard.press('Alt+m');
  await expect(importedText(page, 9)).toHaveValue(/МВД Казахстана.*Согласно этому документу/);
  await expect(table.getByRole('row').nth(9)).toContainText('Fixed by hand');
  await page.keyboard.press('Control+z');
  await expect(importedText(page, 10)).toHaveValue(/^Согласно этому документу/);
  await importedText(page, 2).click();
  await importedText(page, 2).evaluate((e: HTMLTextAreaElement) => e.setSelectionRange(7, 7));
  await page.keyboard.press('Enter');
  await expect(importedText(page, 2)).toHaveValue('Перейти');
  await expect(importedText(page, 3)).toHaveValue('к содержанию');
  await expect(importedText(page, 3)).toBeFocused();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(importedText(page, 2)).toHaveValue('Перейти к содержанию');

  await page.getByRole('button', { name: 'Apply Russian to the document' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Russian applied' })).toContainText(
    'units changed 75',
  );
  // The review grid shows the sources, and they survive a reload.
  await page.keyboard.press('Alt+1');
  const grid = page.getByRole('grid', { name: 'Document units' });
  await expect(grid.locator('[data-unit="8"]')).toContainText('Правовой статус новой структуры МВД');
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Document units' }).locator('[data-unit="8"]')).toContainText(
    'Правовой статус новой структуры МВД',
  );
});

test('a file in the wrong script is refused with its name and nothing is stored', async ({ page }) => {
  await open(page);
  await openAlign(page);
  await page.getByRole('combobox', { name: 'Language of the version' }).selectOption('kk');
  await page.getByLabel('Text file').setInputFiles({
    name: 'police.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('The local police service reports to the akim twice a year. '.repeat(5), 'utf8'),
  });
  await page.getByRole('button', { name: 'Align', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('police.txt: mostly Latin letters');
  await expect(page.getByRole('table', { name: 'Proposed alignment' })).toHaveCount(0);
});

/** Serious and critical axe findings inside the Align view. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('#view-align').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.slice(0, 5).map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`),
    );
}

test('no serious or critical accessibility violations in the Align view', async ({ page }) => {
  await open(page);
  await openAlign(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('combobox', { name: 'Language of the version' }).selectOption('ru');
  await pasteInto(page, page.getByRole('textbox', { name: 'Or paste the text' }), RUSSIAN_START);
  await page.getByRole('button', { name: 'Align', exact: true }).click();
  await importedText(page, 3).click();
  await page.getByRole('button', { name: 'Empty counterpart' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});

/** Replaces the demo document's units with `count` numbered English sentences, straight in IndexedDB. */
async function seedLargeDocument(page: Page, count: number) {
  await page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('audarma');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const id = 'demo-municipal-police-doc';
    const tx = db.transaction(['units', 'renderings', 'revisions', 'documents'], 'readwrite');
    tx.objectStore('units').clear();
    tx.objectStore('renderings').clear();
    tx.objectStore('revisions').clear();
    for (let i = 0; i < n; i += 1) {
      tx.objectStore('units').put({
        id: `${id}:u${i.toString(36).padStart(5, '0')}`,
        documentId: id,
        index: i,
        paragraph: Math.floor(i / 5),
        kind: 'sentence',
        separator: i === 0 ? '' : i % 5 === 0 ? '\n\n' : ' ',
        source: '',
        mt: { en: `Report ${i + 1} of the police of district ${(i * 7) % 101} was heard on day ${i % 28}.` },
      });
    }
    const documents = tx.objectStore('documents');
    const get = documents.get(id);
    get.onsuccess = () => documents.put({ ...get.result, unitCount: n });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
}

test('a 10,000-sentence version aligns in the worker without freezing the page, and applies in chunks', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await open(page);
  await seedLargeDocument(page, 10_000);
  await page.reload();
  await expect(page.getByText(/10000 units|10,000 units|10 000 units/).first()).toBeVisible({
    timeout: 30_000,
  });
  await openAlign(page);
  const russian = Array.from(
    { length: 10_000 },
    (_, i) => `Отчёт ${i + 1} полиции района ${(i * 7) % 101} заслушан в день ${i % 28}.`,
  ).join('\n');
  await page.getByRole('combobox', { name: 'Language of the version' }).selectOption('ru');
  await page.getByRole('checkbox', { name: 'One segment per line' }).check();
  await page.getByLabel('Text file').setInputFiles({
    name: 'reports.ru.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(russian, 'utf8'),
  });
  // Long tasks on the main thread while the worker aligns and the rows come up.
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.getByRole('button', { name: 'Align', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Aligning' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Proposed alignment' })).toBeVisible({ timeout: 120_000 });
  await expect(importedText(page, 1)).toHaveValue('Отчёт 1 полиции района 0 заслушан в день 0.');
  await expect(page.getByText(/^From reports\.ru\.txt\. Rows: 10000/)).toBeVisible();
  const longest = () => page.evaluate(() => (window as unknown as { longest: number }).longest);
  const aligning = await longest();
  console.log(`longest main-thread task while aligning 10,000 sentences: ${Math.round(aligning)} ms`);
  expect(aligning).toBeLessThan(120);

  await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
  await page.getByRole('button', { name: 'Apply Russian to the document' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Russian applied' })).toContainText(
    'units changed 10000',
    { timeout: 60_000 },
  );
  const applying = await longest();
  console.log(`longest main-thread task while applying 10,000 units: ${Math.round(applying)} ms`);
});
