// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { App } from '../../src/ui/app/App.tsx';
import { createI18nFor } from '../../src/i18n/i18n.ts';

// The focus model: which element has focus after each action (see src/ui/keymap/focusModel.ts).

const demo = readFileSync('src/demo/municipal-police-kazakhstan.en.txt', 'utf8');
let counter = 0;

async function renderDemo() {
  const user = userEvent.setup();
  const i18n = await createI18nFor('en');
  render(<App i18n={i18n} dbName={`focus-${Date.now()}-${counter++}`} demoText={demo} />);
  const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
  await user.type(within(dialog).getByRole('textbox'), 'Aigul');
  await user.click(within(dialog).getAllByRole('button').at(-1)!);
  const grid = await screen.findByRole('grid', {}, { timeout: 5000 });
  return { user, grid };
}

const activeUnit = (grid: HTMLElement) =>
  Number(grid.querySelector('.grid-row.active')?.getAttribute('data-unit'));

describe('focus model', () => {
  it('keeps focus in the search box while the filter narrows the grid, and Esc returns it to the grid', async () => {
    const { user, grid } = await renderDemo();
    const search = screen.getByRole('searchbox', { name: 'Search text' });
    await user.click(search);
    await user.keyboard('upcoming');
    expect(search).toHaveFocus();
    expect(search).toHaveValue('upcoming');
    await user.keyboard('{Escape}');
    expect(grid).toHaveFocus();
  });

  it('gives focus back to the grid when the editor closes with Esc or moves on with Ctrl+Enter', async () => {
    const { user, grid } = await renderDemo();
    grid.focus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByRole('textbox', { name: 'English' }, { timeout: 5000 })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(grid).toHaveFocus();
    await user.keyboard('j');
    expect(activeUnit(grid)).toBe(2);
  });

  it('returns focus to the grid after the help overlay closes', async () => {
    const { user, grid } = await renderDemo();
    grid.focus();
    await user.keyboard('?');
    // The overlay and its strings load on first use.
    expect(
      await screen.findByRole('dialog', { name: 'Keyboard shortcuts' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(grid).toHaveFocus();
  });

  it('moves from the grid to the comment box with c, and back with Esc', async () => {
    const { user, grid } = await renderDemo();
    grid.focus();
    await user.keyboard('c');
    const box = screen.getByRole('textbox', { name: 'New comment' });
    expect(box).toHaveFocus();
    await user.keyboard('upcoming');
    expect(box).toHaveValue('upcoming');
    await user.keyboard('{Escape}');
    expect(grid).toHaveFocus();
  });

  it('returns focus to the grid after a bulk approval is confirmed, and Ctrl+Z there undoes it', async () => {
    const { user, grid } = await renderDemo();
    const approve = await screen.findByRole(
      'button',
      { name: /^Approve \d+ without issues/ },
      { timeout: 30000 },
    );
    await waitFor(() => expect(approve).toBeEnabled(), { timeout: 30000 });
    await user.click(approve);
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: /^Yes, change/ }));
    await waitFor(() => expect(screen.getByText(/^Changed \d+/)).toBeInTheDocument(), { timeout: 30000 });
    expect(grid).toHaveFocus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(screen.getByText(/^Undone: \d+ renderings/)).toBeInTheDocument(), {
      timeout: 30000,
    });
    // Approving the whole demo writes every rendering with its history: on a loaded machine that takes seconds.
  }, 90000);
});
