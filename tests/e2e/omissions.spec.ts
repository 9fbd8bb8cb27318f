import { expect, test, type Page } from '@playwright/test';
import { openApp as open } from './app.ts';

// A short report written for this journey: three paragraphs of three Russian sentences, one unit each.
const RUSSIAN = [
  [
    'В Актобе открылся центр обслуживания населения нового формата.',
    'Он работает без выходных с 9 до 20 часов.',
    'В центре можно получить более 700 государственных услуг.',
  ],
  [
    'За первую неделю сюда обратились 4 200 человек.',
    'Больше всего заявлений касалось регистрации недвижимости.',
    'Среднее время ожидания в очереди составило 12 минут.',
  ],
  [
    'Здание построено за счёт частных инвестиций.',
    'Аким города поблагодарил строителей.',
    'В следующем году такие центры появятся в Хромтау и Алге.',
  ],
];

// Its English version with unit 5 left out and a sentence the original does not have added after unit 8.
const ENGLISH = [
  [
    'A new-format public service centre has opened in Aktobe.',
    'It is open seven days a week from 9 a.m. to 8 p.m.',
    'More than 700 public services are available there.',
  ],
  ['In the first week 4,200 people came.', 'The average waiting time was 12 minutes.'],
  [
    'The building was financed by private investors.',
    'The city akim thanked the builders.',
    'Critics say the project ran two years late and far over its budget.',
    'Next year such centres will open in Khromtau and Alga.',
  ],
]
  .map((p) => p.join(' '))
  .join('\n\n');

/** Replaces the demo document's units with the Russian report, straight in IndexedDB. */
async function seedRussian(page: Page) {
  await page.evaluate(async (paragraphs) => {
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
    let index = 0;
    paragraphs.forEach((sentences, paragraph) =>
      sentences.forEach((source, k) => {
        tx.objectStore('units').put({
          id: `${id}:u${index.toString(36).padStart(5, '0')}`,
          documentId: id,
          index,
          paragraph,
          kind: 'sentence',
          separator: index === 0 ? '' : k === 0 ? '\n\n' : ' ',
          source,
          mt: {},
        });
        index += 1;
      }),
    );
    const documents = tx.objectStore('documents');
    const get = documents.get(id);
    get.onsuccess = () => documents.put({ ...get.result, unitCount: index });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, RUSSIAN);
}

const row = (page: Page, unit: number) =>
  page.getByRole('grid', { name: 'Document units' }).locator(`[data-unit="${unit - 1}"]`);

test('a version with one sentence dropped and one added: the omission shown first in the Align view, both flagged in the review grid', async ({
  page,
}) => {
  await open(page);
  await seedRussian(page);
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Document units' })).toBeVisible();
  await page.keyboard.press('Alt+3');
  await page.getByRole('combobox', { name: 'Language of the version' }).selectOption('en');
  await page.getByLabel('Text file').setInputFiles({
    name: 'centre.en.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(ENGLISH, 'utf8'),
  });
  await page.getByRole('button', { name: 'Align', exact: true }).click();
  const table = page.getByRole('table', { name: 'Proposed alignment' });
  await expect(table).toBeVisible();
  // The dropped sentence is a row of its own, marked, and comes first among the uncertain rows.
  await page.getByRole('combobox', { name: 'Order' }).selectOption('Uncertain first');
  const first = table.getByRole('row').nth(1);
  await expect(first).toContainText('Больше всего заявлений касалось регистрации недвижимости.');
  await expect(first).toContainText('No translation');

  await page.getByRole('button', { name: 'Apply English to the document' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'English applied' })).toBeVisible();
  await page.keyboard.press('Alt+1');
  const issues = page.getByRole('region', { name: 'Issues' });
  // Unit 5 got no text: its neighbours' sentences did not slide into it.
  await expect(row(page, 5).getByRole('gridcell', { name: 'English 5' })).not.toContainText('people');
  await expect(row(page, 5).getByRole('gridcell', { name: 'English 5' })).not.toContainText('minutes');
  // Unit 8 has a sentence with no source, and it is the one highlighted.
  await row(page, 8).getByRole('gridcell', { name: 'English 8' }).click();
  await page.keyboard.press('Escape');
  await expect(issues).toContainText('This sentence of the translation has no source.');
  await expect(row(page, 8).locator('mark')).toContainText(['Critics say the project ran two years late']);
  // The units around them are untouched.
  await expect(row(page, 4).getByRole('gridcell', { name: 'English 4' })).toContainText('4,200 people');
  // A translator's version is labelled as imported, not as machine output.
  await expect(row(page, 4).getByRole('gridcell', { name: 'English 4' })).toContainText('Imported');
  await expect(row(page, 4).getByRole('gridcell', { name: 'English 4' })).not.toContainText('Machine');
  await expect(row(page, 6).getByRole('gridcell', { name: 'English 6' })).toContainText('12 minutes');

  // Unit 5, which the version dropped, is a QA issue of its own, with the rows around it highlighted.
  for (let k = 0; k < 3; k += 1) await page.keyboard.press('ArrowUp');
  const cell5 = row(page, 5).getByRole('gridcell', { name: 'English 5' });
  await expect(cell5).toContainText('The aligned version has nothing for this sentence.');
  await expect(row(page, 5)).toHaveClass(/active/);
  await expect(issues).toContainText('This sentence of the source has no translation.');
  await expect(row(page, 4)).toHaveClass(/gap-neighbour/);
  await expect(row(page, 6)).toHaveClass(/gap-neighbour/);
  await expect(row(page, 5).locator('mark')).toContainText(['Больше всего заявлений касалось']);

  // The reviewer translates the dropped sentence; the omission goes once it is saved.
  await page.keyboard.press('Enter');
  const editor = row(page, 5).getByRole('textbox');
  await expect(editor).toBeFocused();
  await page.keyboard.type('Most applications concerned property registration.', { delay: 30 });
  // Saved and on to the next unit, whose editor the reviewer leaves at once: no key waits for the write.
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Escape');
  await expect(cell5).toContainText('Most applications concerned property registration.');
  await page.keyboard.press('ArrowUp');
  await expect(row(page, 5)).toHaveClass(/active/);
  await expect(issues).not.toContainText('This sentence of the source has no translation.');
  await expect(row(page, 4)).not.toHaveClass(/gap-neighbour/);
});

// The other way round: English machine translation the units already have (with the Russian sentence 5 left out and
// an English sentence the original does not have), then the Russian original imported against it as the source.
const ENGLISH_UNITS = [
  [
    'A new-format public service centre has opened in Aktobe.',
    'It is open seven days a week from 9 a.m. to 8 p.m.',
    'More than 700 public services are available there.',
  ],
  ['In the first week 4,200 people came.', 'The average waiting time was 12 minutes.'],
  [
    'The building was financed by private investors.',
    'The city akim thanked the builders.',
    'Critics say the project ran two years late and far over its budget.',
    'Next year such centres will open in Khromtau and Alga.',
  ],
];

/** Replaces the demo document's units with English machine translation and no source, straight in IndexedDB. */
async function seedEnglishOnly(page: Page) {
  await page.evaluate(async (paragraphs) => {
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
    let index = 0;
    paragraphs.forEach((sentences, paragraph) =>
      sentences.forEach((text, k) => {
        const unitId = `${id}:u${index.toString(36).padStart(5, '0')}`;
        tx.objectStore('units').put({
          id: unitId,
          documentId: id,
          index,
          paragraph,
          kind: 'sentence',
          separator: index === 0 ? '' : k === 0 ? '\n\n' : ' ',
          source: '',
          mt: { en: text },
        });
        const common = { unitId, documentId: id, lang: 'en', text, state: 'mt' };
        tx.objectStore('renderings').put({
          id: `${unitId}:en`,
          ...common,
          updatedAt: 1000,
          updatedBy: 'seed',
          revision: 1,
        });
        tx.objectStore('revisions').put({
          id: `${unitId}:en#1`,
          renderingId: `${unitId}:en`,
          ...common,
          number: 1,
          action: 'import',
          previousState: 'new',
          author: 'seed',
          at: 1000,
        });
        index += 1;
      }),
    );
    const documents = tx.objectStore('documents');
    const get = documents.get(id);
    get.onsuccess = () => documents.put({ ...get.result, unitCount: index });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, ENGLISH_UNITS);
}

test('a source imported against the English it lacks a sentence of: the omission and the addition flagged on the English', async ({
  page,
}) => {
  await open(page);
  await seedEnglishOnly(page);
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Document units' })).toBeVisible();
  await page.keyboard.press('Alt+3');
  await page.getByRole('combobox', { name: 'Language of the version' }).selectOption('ru');
  await page.getByLabel('Text file').setInputFiles({
    name: 'centre.ru.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(RUSSIAN.map((p) => p.join(' ')).join('\n\n'), 'utf8'),
  });
  await page.getByRole('button', { name: 'Align', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Proposed alignment' })).toBeVisible();
  await page.getByRole('button', { name: 'Apply Russian to the document' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Russian applied' })).toBeVisible();
  await page.keyboard.press('Alt+1');
  const issues = page.getByRole('region', { name: 'Issues' });
  // The Russian sentence the English lacks joined unit 4's source, and is reported there as untranslated.
  await row(page, 4).getByRole('gridcell', { name: 'English 4' }).click();
  await page.keyboard.press('Escape');
  await expect(issues).toContainText('This sentence of the source has no translation.');
  await expect(row(page, 4).locator('mark')).toContainText(['Больше всего заявлений касалось']);
  // The English sentence with no Russian is an addition, though its unit has no source.
  for (let k = 0; k < 4; k += 1) await page.keyboard.press('ArrowDown');
  await expect(row(page, 8)).toHaveClass(/active/);
  await expect(issues).toContainText('This sentence of the translation has no source.');
  await expect(row(page, 8).locator('mark')).toContainText(['Critics say the project ran two years late']);
  // A unit both versions have says nothing of the kind.
  await page.keyboard.press('ArrowUp');
  await expect(row(page, 7)).toHaveClass(/active/);
  await expect(issues).not.toContainText('has no translation');
  await expect(issues).not.toContainText('has no source');
});
