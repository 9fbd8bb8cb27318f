// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { App } from '../../../src/ui/app/App.tsx';
import { createI18nFor } from '../../../src/i18n/i18n.ts';

// Keys pressed between "save and go to the next unit" (Alt+↓) and the next unit's editor being there used to be
// lost: the grid ignored them and the old editor swallowed them. Here the write is held open until released.

const gate = vi.hoisted(() => ({ hold: false, waiting: [] as (() => void)[] }));

vi.mock('../../../src/storage/renderings.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/storage/renderings.ts')>();
  return {
    ...actual,
    applyActions: async (...args: Parameters<typeof actual.applyActions>) => {
      if (gate.hold) await new Promise<void>((resolve) => gate.waiting.push(resolve));
      return actual.applyActions(...args);
    },
  };
});

const demo = readFileSync('src/demo/municipal-police-kazakhstan.en.txt', 'utf8');
let counter = 0;

async function renderDemo() {
  gate.hold = false;
  gate.waiting = [];
  const user = userEvent.setup();
  const i18n = await createI18nFor('en');
  render(<App i18n={i18n} dbName={`save-move-${Date.now()}-${counter++}`} demoText={demo} />);
  const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
  await user.type(within(dialog).getByRole('textbox'), 'Aigul');
  await user.click(within(dialog).getAllByRole('button').at(-1)!);
  const grid = await screen.findByRole('grid', {}, { timeout: 5000 });
  return { user, grid };
}

const activeUnit = (grid: HTMLElement) =>
  Number(grid.querySelector('.grid-row.active')?.getAttribute('data-unit'));
const englishText = (grid: HTMLElement, unit: number) =>
  grid.querySelector<HTMLElement>(`[data-unit="${unit}"] .cell-target[lang="en"] .cell-text`)!;

/** Opens the editor on unit 3, types an ending, and presses Alt+↓ with the write held open. */
async function saveAndMoveHeld(user: ReturnType<typeof userEvent.setup>, grid: HTMLElement) {
  grid.focus();
  await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');
  const editor = await screen.findByRole('textbox', { name: 'English' }, { timeout: 5000 });
  expect(editor).toHaveFocus();
  await user.keyboard('{End} Saved.');
  gate.hold = true;
  await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
  await waitFor(() => expect(gate.waiting).toHaveLength(1));
}

async function release() {
  gate.hold = false;
  for (const resolve of gate.waiting.splice(0)) resolve();
}

describe('keys pressed while a save-and-move is written', () => {
  it('Esc there still saves and moves, leaving the editor closed on the next unit', async () => {
    const { user, grid } = await renderDemo();
    await saveAndMoveHeld(user, grid);
    await user.keyboard('{Escape}');
    await release();
    await waitFor(() => expect(activeUnit(grid)).toBe(4));
    expect(screen.queryByRole('textbox', { name: 'English' })).toBeNull();
    expect(grid).toHaveFocus();
    expect(englishText(grid, 3)).toHaveTextContent(/Saved\.$/);
  });

  it('an arrow after that Esc moves the row from the unit the save moved to', async () => {
    const { user, grid } = await renderDemo();
    await saveAndMoveHeld(user, grid);
    await user.keyboard('{Escape}{ArrowUp}');
    await release();
    await waitFor(() => expect(englishText(grid, 3)).toHaveTextContent(/Saved\.$/));
    expect(activeUnit(grid)).toBe(3);
    expect(screen.queryByRole('textbox', { name: 'English' })).toBeNull();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeUnit(grid)).toBe(5);
  });

  it('text typed there goes into the next unit’s editor', async () => {
    const { user, grid } = await renderDemo();
    const before = englishText(grid, 4).textContent ?? '';
    await saveAndMoveHeld(user, grid);
    await user.keyboard(' Fast');
    await release();
    await waitFor(() => expect(activeUnit(grid)).toBe(4));
    const next = screen.getByRole('textbox', { name: 'English' });
    expect(next).toHaveFocus();
    // Where the caret stood as the editor opened, as if typed after it had.
    const value = (next as HTMLTextAreaElement).value;
    expect(value).toContain(' Fast');
    expect(value.replace(' Fast', '')).toBe(before);
    expect(englishText(grid, 3)).toHaveTextContent(/Saved\.$/);
    // The editor goes on taking keys as typed.
    await user.keyboard('er{Escape}');
    expect(grid).toHaveFocus();
    expect(activeUnit(grid)).toBe(4);
  });

  it('two quick Alt+↓ move two units on, each from the unit just saved', async () => {
    const { user, grid } = await renderDemo();
    await saveAndMoveHeld(user, grid);
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await release();
    await waitFor(() => expect(activeUnit(grid)).toBe(5));
    expect(screen.getByRole('textbox', { name: 'English' })).toHaveFocus();
    expect(englishText(grid, 3)).toHaveTextContent(/Saved\.$/);
  });

  it('Esc after Alt+↓ on the last row shown leaves the editor, which stayed on that row', async () => {
    const { user, grid } = await renderDemo();
    const search = screen.getByRole('searchbox', { name: 'Search text' });
    await user.click(search);
    await user.keyboard('To pass to contents');
    await waitFor(() => expect(grid.querySelectorAll('.grid-row[data-unit]')).toHaveLength(1));
    await user.keyboard('{Escape}');
    const only = Number(grid.querySelector('.grid-row[data-unit]')!.getAttribute('data-unit'));
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('textbox', { name: 'English' }, { timeout: 5000 })).toHaveFocus();
    await user.keyboard('{End} Saved.');
    gate.hold = true;
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(gate.waiting).toHaveLength(1));
    await user.keyboard('{Escape}');
    await release();
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'English' })).toBeNull());
    expect(activeUnit(grid)).toBe(only);
    expect(grid).toHaveFocus();
    expect(englishText(grid, only)).toHaveTextContent(/Saved\.$/);
  });
});
