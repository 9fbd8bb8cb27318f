// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { App } from '../../src/ui/app/App.tsx';
import { createI18n } from '../../src/i18n/i18n.ts';

const demo = readFileSync('src/demo/municipal-police-kazakhstan.en.txt', 'utf8');
let counter = 0;

async function renderDemo(language: 'en' | 'ru' | 'kk' = 'en') {
  const user = userEvent.setup();
  render(<App i18n={createI18n(language)} dbName={`ui-${Date.now()}-${counter++}`} demoText={demo} />);
  const grid = await screen.findByRole('grid', {}, { timeout: 5000 });
  return { user, grid };
}

function rowOf(grid: HTMLElement, unitNumber: number): HTMLElement {
  const row = grid.querySelector<HTMLElement>(`[data-unit="${unitNumber - 1}"]`);
  if (!row) throw new Error(`row ${unitNumber} not rendered`);
  return row;
}

describe('workbench grid', () => {
  it('renders the demo document with its columns, units and states', async () => {
    const { grid } = await renderDemo();
    expect(
      screen.getByRole('heading', { name: 'Municipal police in the Republic of Kazakhstan' }),
    ).toBeInTheDocument();
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['#', 'Source', 'Machine translation', 'English', 'Kazakh']);
    expect(within(rowOf(grid, 2)).getAllByText('To pass to contents')).toHaveLength(2);
    expect(within(rowOf(grid, 2)).getByText('Machine')).toBeInTheDocument();
    expect(within(rowOf(grid, 2)).getByText('Not started')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'English: approved units' })).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
  });

  it('edits and approves by keyboard: Enter opens, Ctrl+Enter approves and moves on, diff shows the change', async () => {
    const { user, grid } = await renderDemo();
    grid.focus();
    await user.keyboard('{ArrowDown}{Enter}');
    const editor = await screen.findByRole('textbox', { name: 'English' });
    expect(editor).toHaveValue('To pass to contents');
    await user.clear(editor);
    await user.type(editor, 'Go to contents');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(within(rowOf(grid, 2)).getByText('Approved')).toBeInTheDocument());
    // The editor moved to the next unit, still in the English column.
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'English' }) as HTMLTextAreaElement).value).toContain(
        "let's review an example",
      ),
    );
    const diff = within(rowOf(grid, 2)).getByLabelText('Changes against the machine translation');
    expect(diff.innerHTML).toBe('<del>To pass</del><ins>Go</ins><span> to contents</span>');
    expect(screen.getByRole('progressbar', { name: 'English: approved units' })).toHaveAttribute(
      'aria-valuenow',
      '1',
    );
  });

  it('writes a Kazakh rendering: Right arrow picks the column, Escape leaves without saving', async () => {
    const { user, grid } = await renderDemo();
    grid.focus();
    await user.keyboard('{ArrowRight}{Enter}');
    const editor = await screen.findByRole('textbox', { name: 'Kazakh' });
    await user.type(editor, 'болмайды');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Kazakh' })).not.toBeInTheDocument();
    expect(within(rowOf(grid, 1)).queryByText('болмайды')).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    await user.type(
      await screen.findByRole('textbox', { name: 'Kazakh' }),
      'Қазақстан Республикасындағы муниципалдық полиция',
    );
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() =>
      expect(
        within(rowOf(grid, 1)).getByText('Қазақстан Республикасындағы муниципалдық полиция'),
      ).toBeInTheDocument(),
    );
    expect(within(rowOf(grid, 1)).getByText('Edited')).toBeInTheDocument();
  });

  it('refuses to approve an empty Kazakh rendering and says why', async () => {
    const { user, grid } = await renderDemo();
    grid.focus();
    await user.keyboard('{ArrowRight}{Enter}');
    await screen.findByRole('textbox', { name: 'Kazakh' });
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This is not possible for a rendering that is “Not started”.',
    );
  });

  it('rejects with a reason, and the history shows it', async () => {
    const { user, grid } = await renderDemo();
    await user.click(within(rowOf(grid, 2)).getByRole('gridcell', { name: 'English 2' }));
    await user.click(await screen.findByRole('button', { name: /Reject/ }));
    await user.type(
      screen.getByRole('textbox', { name: 'Reason for rejection' }),
      'calque of «перейти к содержанию»',
    );
    await user.click(screen.getByRole('button', { name: 'Reject with this reason' }));
    await waitFor(() => expect(within(rowOf(grid, 2)).getByText('Rejected')).toBeInTheDocument());
    const history = screen.getByRole('region', { name: 'History' });
    await waitFor(() =>
      expect(within(history).getByText('Note: calque of «перейти к содержанию»')).toBeInTheDocument(),
    );
    expect(within(history).getAllByRole('listitem')).toHaveLength(2);
  });

  it('speaks Russian and Kazakh', async () => {
    await renderDemo('ru');
    expect(screen.getByRole('columnheader', { name: 'Машинный перевод' })).toBeInTheDocument();
  });
});
