// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { App } from '../../../src/ui/app/App.tsx';
import { createI18nFor } from '../../../src/i18n/i18n.ts';
import { openAudarmaDb } from '../../../src/storage/db.ts';
import { ensureDemoProject } from '../../../src/storage/demo.ts';
import { buildDocument } from '../../../src/core/model/document.ts';
import { DEMO_PROJECT_ID } from '../../../src/core/demo/project.ts';

const demo = readFileSync('src/demo/municipal-police-kazakhstan.en.txt', 'utf8');
let counter = 0;

/** A database where an import of "Report.docx" stored some of its units, then the page went away. */
async function cutShort(): Promise<{ name: string; units: number }> {
  const name = `notice-${Date.now()}-${counter++}`;
  const db = await openAudarmaDb(name);
  await ensureDemoProject(db, demo, 'tester', 1000);
  const units = await db.count('units');
  const built = buildDocument({
    projectId: DEMO_PROJECT_ID,
    name: 'Report.docx',
    text: 'Первое. Второе. Третье.',
    lang: 'ru',
    role: 'source',
    now: 2,
  });
  await db.put('pending', {
    id: 'import:1',
    kind: 'import',
    name: 'Report.docx',
    startedAt: 2,
    documents: [built.document.id],
    entries: [],
  });
  for (const unit of built.units) await db.put('units', unit);
  db.close();
  return { name, units };
}

describe('work cut short by a reload', () => {
  it.each([
    ['en', 'Importing “Report.docx” did not finish. Import the file again.', 'Dismiss'],
    ['ru', 'Импорт «Report.docx» не завершён. Импортируйте файл ещё раз.', 'Закрыть'],
    ['kk', '«Report.docx» импорты аяқталмады. Файлды қайта импорттаңыз.', 'Жабу'],
  ] as const)('is cleaned up at start and told in %s until dismissed', async (language, text, dismiss) => {
    const { name, units } = await cutShort();
    const user = userEvent.setup();
    render(<App i18n={await createI18nFor(language)} dbName={name} demoText={demo} />);
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent(text);
    const db = await openAudarmaDb(name);
    expect(await db.count('units')).toBe(units);
    await user.click(screen.getByRole('button', { name: dismiss }));
    expect(screen.queryByText(text)).not.toBeInTheDocument();
    await waitFor(async () => expect(await db.count('pending')).toBe(0));
    db.close();
  });
});
