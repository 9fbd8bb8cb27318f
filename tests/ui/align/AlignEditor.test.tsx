// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../src/i18n/i18n.ts';
import { openAudarmaDb } from '../../../src/storage/db.ts';
import { ensureDemoProject } from '../../../src/storage/demo.ts';
import { useWorkbench } from '../../../src/ui/app/useWorkbench.ts';
import { AlignEditor } from '../../../src/ui/features/align/AlignEditor.tsx';
import type { AlignSession } from '../../../src/ui/features/align/AlignSetup.tsx';
import type { AlignRow } from '../../../src/core/align/edit.ts';

const ENGLISH = 'One. Two. Three. Four.';
const PIVOT = ['One.', 'Two.', 'Three.', 'Four.'];
const ROWS: readonly AlignRow[] = [
  { pivot: [0], imported: ['Бір.'], score: 0.95 },
  { pivot: [1], imported: ['Екі.', 'Үш.'], score: 0.2 },
  { pivot: [2], imported: [], score: 0.4 },
  { pivot: [3], imported: ['Төрт.'], score: 0.9 },
];
const SESSION: AlignSession = {
  lang: 'kk',
  role: 'target',
  pivot: { lang: 'en', role: 'mt', texts: PIVOT },
  rows: ROWS,
  origin: { kind: 'import', file: 'four.kk.txt' },
};

let counter = 0;

function Harness({
  db,
  onDiscard,
}: {
  readonly db: Parameters<typeof useWorkbench>[0];
  readonly onDiscard: () => void;
}) {
  const state = useWorkbench(db, 'tester');
  return state.status === 'ready' ? (
    <AlignEditor workbench={state} session={SESSION} onApplied={() => undefined} onDiscard={onDiscard} />
  ) : (
    <p>loading</p>
  );
}

async function renderEditor() {
  const db = await openAudarmaDb(`align-editor-${Date.now()}-${counter++}`);
  await ensureDemoProject(db, ENGLISH, 'tester', 1000);
  const onDiscard = vi.fn();
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createI18n()}>
      <Harness db={db} onDiscard={onDiscard} />
    </I18nextProvider>,
  );
  await screen.findByRole('table', { name: 'Proposed alignment' });
  return { user, onDiscard };
}

const rowNumbers = () =>
  within(screen.getByRole('table', { name: 'Proposed alignment' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);
const imported = (row: number) =>
  screen.getByRole<HTMLTextAreaElement>('textbox', { name: `Imported text, row ${row}` });

describe('alignment editor', () => {
  it('marks uncertain rows, shows them first or alone on request', async () => {
    const { user } = await renderEditor();
    expect(screen.getByText(/Rows: 4 · uncertain: 2/)).toBeInTheDocument();
    // Row 3 has no counterpart at all: an omission, marked as such rather than as merely uncertain.
    expect(screen.getAllByText('Uncertain')).toHaveLength(1);
    expect(within(screen.getAllByRole('row')[3]!).getByText('No translation')).toBeInTheDocument();
    // Alt+N goes from uncertain row to uncertain row, round to the first again.
    await user.click(imported(1));
    await user.keyboard('{Alt>}n{/Alt}');
    expect(document.activeElement).toBe(imported(2));
    await user.keyboard('{Alt>}n{/Alt}');
    expect(document.activeElement).toBe(imported(3));
    await user.click(screen.getByRole('button', { name: 'Next uncertain' }));
    expect(document.activeElement).toBe(imported(2));
    // Uncertain first lists the omission first, then by rising confidence.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Order' }), 'Uncertain first');
    expect(rowNumbers()).toEqual(['3', '2', '4', '1']);
    await user.click(screen.getByRole('checkbox', { name: 'Only uncertain rows' }));
    expect(rowNumbers()).toEqual(['3', '2']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Order' }), 'Document order');
    await user.click(screen.getByRole('checkbox', { name: 'Only uncertain rows' }));
    expect(rowNumbers()).toEqual(['1', '2', '3', '4']);
  });

  it('fixes a shifted sentence with the toolbar and moves between rows by keyboard', async () => {
    const { user } = await renderEditor();
    await user.click(imported(2));
    expect(screen.getByRole('toolbar', { name: 'Commands for row 2' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sentence down' }));
    expect(imported(2)).toHaveValue('Екі.');
    expect(imported(3)).toHaveValue('Үш.');
    expect(screen.getByText(/Rows: 4 · uncertain: 0/)).toBeInTheDocument();
    // Arrow keys at the ends of a text move to the neighbouring rows.
    imported(3).focus();
    imported(3).setSelectionRange(3, 3);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(imported(4));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(imported(3));
    // Unit 4 joins row 3, leaving its sentence without a unit, and comes back on undo; an empty counterpart splits a row in two.
    await user.click(imported(4));
    await user.keyboard('{Alt>}{Shift>}{ArrowUp}{/Shift}{/Alt}');
    expect(within(screen.getAllByRole('row')[3]!).getByText('Four.')).toBeInTheDocument();
    expect(
      within(screen.getAllByRole('row')[4]!).getByText('No unit: joined to the unit above'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(within(screen.getAllByRole('row')[4]!).getByText('Four.')).toBeInTheDocument();
    await user.click(imported(1));
    await user.click(screen.getByRole('button', { name: 'Empty counterpart' }));
    expect(rowNumbers()).toEqual(['1', '2', '3', '4', '5']);
    expect(imported(1)).toHaveValue('');
    expect(imported(2)).toHaveValue('Бір.');
    // Alt+D leaves the unit without text: its sentence goes to the unit below, not back to the same unit.
    expect(
      within(screen.getAllByRole('row')[2]!).getByText('No unit: joined to the unit below'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/without a counterpart: 1 · rows without a unit \(joined to the unit above\): 0/),
    ).toBeInTheDocument();
  });

  it('gives every command an accessible name and its shortcut', async () => {
    const { user, onDiscard } = await renderEditor();
    const toolbar = screen.getByRole('toolbar');
    const names = within(toolbar)
      .getAllByRole('button')
      .map((b) => [
        b.textContent?.replace(b.querySelector('kbd')?.textContent ?? '', ''),
        b.getAttribute('aria-keyshortcuts'),
      ]);
    expect(names).toEqual([
      ['Merge with next', 'Alt+M'],
      ['Split at cursor', 'Enter'],
      ['Sentence up', 'Alt+ArrowUp'],
      ['Sentence down', 'Alt+ArrowDown'],
      ['Unit up', 'Alt+Shift+ArrowUp'],
      ['Unit down', 'Alt+Shift+ArrowDown'],
      ['Empty counterpart', 'Alt+D'],
      ['Next uncertain', 'Alt+N'],
      ['Undo', 'Control+Z'],
      ['Redo', 'Control+Shift+Z'],
    ]);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(onDiscard).toHaveBeenCalledOnce();
  });
});
