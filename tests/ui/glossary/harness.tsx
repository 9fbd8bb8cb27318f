import 'fake-indexeddb/auto';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { readFileSync } from 'node:fs';
import { createI18n } from '../../../src/i18n/i18n.ts';
import { openAudarmaDb, type AudarmaDb } from '../../../src/storage/db.ts';
import { ensureDemoProject } from '../../../src/storage/demo.ts';
import { useWorkbench } from '../../../src/ui/app/useWorkbench.ts';
import { GlossaryView } from '../../../src/ui/features/glossary/GlossaryView.tsx';

const demo = readFileSync('src/demo/municipal-police-kazakhstan.en.txt', 'utf8');
let counter = 0;

function Harness({ db }: { readonly db: AudarmaDb }) {
  const workbench = useWorkbench(db, 'tester');
  return workbench.status === 'ready' ? <GlossaryView workbench={workbench} /> : <p>loading</p>;
}

/** The demo project in a fresh database, its glossary view rendered on its own. */
export async function renderGlossary(existing?: AudarmaDb) {
  const db = existing ?? (await openAudarmaDb(`glossary-ui-${Date.now()}-${counter++}`));
  if (!existing) await ensureDemoProject(db, demo, 'tester', Date.UTC(2026, 10, 1));
  const user = userEvent.setup();
  const view = render(
    <I18nextProvider i18n={createI18n()}>
      <Harness db={db} />
    </I18nextProvider>,
  );
  const grid = await screen.findByRole('grid', { name: 'Glossary entries' }, { timeout: 5000 });
  return { db, user, grid, view };
}

/** Body rows of the glossary grid (entries only, not an open editor). */
export function entryRows(grid: HTMLElement): HTMLElement[] {
  return [...grid.querySelectorAll<HTMLElement>('tbody tr.glossary-row')];
}

/** The English terms of the rows, in order. */
export function englishColumn(grid: HTMLElement): string[] {
  return entryRows(grid).map((row) => row.querySelector('td[lang="en"] .term-text')?.textContent ?? '');
}
