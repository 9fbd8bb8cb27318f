// @vitest-environment jsdom
// A document a member added to a shared project, which the team server would not take from their role, is marked
// as kept in this browser: in the document selector, above the open document, and in the Team panel.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src/ui/app/App.tsx';
import { createI18nFor } from '../../../src/i18n/i18n.ts';
import { openAudarmaDb } from '../../../src/storage/db.ts';
import { ensureDemoProject } from '../../../src/storage/demo.ts';
import { importDocument } from '../../../src/storage/documents.ts';
import { markLocalOnly, shareLocally } from '../../../src/storage/outbox.ts';
import { DEMO_PROJECT_ID } from '../../../src/core/demo/project.ts';
import { documentId, unitId } from '../../../src/core/model/ids.ts';

const demo = readFileSync('src/demo/municipal-police-kazakhstan.en.txt', 'utf8');
let counter = 0;

/** A browser holding the demo project, shared, with one more document the server refused to take. */
async function memberBrowser(localOnly: boolean): Promise<string> {
  const name = `local-only-${Date.now()}-${counter++}`;
  const db = await openAudarmaDb(name);
  await ensureDemoProject(db, demo, 'MT', 1000);
  const id = documentId('own-reference');
  await importDocument(db, {
    document: { id, projectId: DEMO_PROJECT_ID, name: 'Own reference', createdAt: 5, unitCount: 1 },
    units: [
      {
        id: unitId('own-reference:0'),
        documentId: id,
        index: 0,
        paragraph: 0,
        kind: 'sentence',
        separator: '',
        source: 'Полиция работает круглосуточно.',
        mt: { en: 'The police work around the clock.' },
      },
    ],
    author: 'MT',
    now: 5,
  });
  // An address nobody answers on: the workbench shows the project offline, as a member away from the server.
  await shareLocally(db, DEMO_PROJECT_ID, 'http://127.0.0.1:9', 'bolat');
  if (localOnly) await markLocalOnly(db, DEMO_PROJECT_ID, [id]);
  db.close();
  return name;
}

async function open(dbName: string, language: 'en' | 'ru' | 'kk') {
  const user = userEvent.setup();
  const i18n = await createI18nFor(language);
  render(<App i18n={i18n} dbName={dbName} demoText={demo} />);
  const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
  await user.type(within(dialog).getByRole('textbox'), 'Bolat');
  await user.click(within(dialog).getAllByRole('button').at(-1)!);
  await screen.findByRole('grid', {}, { timeout: 5000 });
  return user;
}

describe('a document kept in this browser only', () => {
  it('is labelled in the selector and above the document, and listed in the Team panel', async () => {
    const user = await open(await memberBrowser(true), 'en');
    const option = await screen.findByRole(
      'option',
      { name: /Own reference \(only in this browser\)/ },
      { timeout: 5000 },
    );
    const selector = screen.getByRole('combobox', { name: 'Document' });
    const others = within(selector)
      .getAllByRole('option')
      .filter((o) => o !== option);
    expect(others).toHaveLength(1);
    expect(others[0]).not.toHaveTextContent('only in this');
    expect(screen.queryByText(/This document is only in this browser/)).toBeNull();
    await user.selectOptions(selector, option);
    expect(
      await screen.findByText(/This document is only in this browser/, {}, { timeout: 5000 }),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Team' }));
    const section = await screen.findByRole(
      'region',
      { name: 'Documents only in this browser' },
      // The Team panel and its strings load when it is first opened.
      { timeout: 5000 },
    );
    expect(within(section).getByRole('listitem')).toHaveTextContent('Own reference');
  });

  it('says so in Russian', async () => {
    await open(await memberBrowser(true), 'ru');
    expect(
      await screen.findByRole('option', { name: /только в этом браузере/ }, { timeout: 5000 }),
    ).toHaveTextContent('Own reference');
  });

  it('is not labelled while the server has not refused it', async () => {
    await open(await memberBrowser(false), 'kk');
    // The header says the server cannot be reached: the sync has run its round.
    await screen.findByText(/Байланыс жоқ/, {}, { timeout: 5000 });
    expect(screen.getByRole('option', { name: /Own reference/ })).not.toHaveTextContent('тек осы браузерде');
  });
});
