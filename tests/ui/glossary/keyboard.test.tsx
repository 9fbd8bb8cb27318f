// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { listEntryHistory } from '../../../src/storage/glossary.ts';
import { listEntries } from '../../../src/storage/terms.ts';
import { DEMO_PROJECT_ID } from '../../../src/core/demo/project.ts';
import { englishColumn, entryRows, renderGlossary } from './harness.tsx';

const statusButton = (name: string) =>
  within(screen.getByRole('group', { name: 'Filter by status' })).getByRole('button', { name });

describe('glossary keyboard: bulk status, edit with history, delete with confirmation', () => {
  it('selects with Space and x, proposes and approves the selection with p and a', async () => {
    const { user, grid, db } = await renderGlossary();
    grid.focus();
    await user.keyboard('{Home} {ArrowDown}x');
    expect(entryRows(grid).filter((r) => r.getAttribute('aria-selected') === 'true')).toHaveLength(2);
    await user.keyboard('p');
    await waitFor(() => expect(statusButton('Proposed: 6')).toBeInTheDocument());
    expect(screen.getByRole('status', { name: 'Glossary messages' })).toHaveTextContent(
      'Terms now proposed: 6.',
    );
    const rows = entryRows(grid);
    expect(within(rows[0]!).getAllByText('proposed')).toHaveLength(3);
    expect(within(rows[2]!).queryAllByText('proposed')).toHaveLength(0);
    // The selection stays: approve it back in one key.
    await user.keyboard('a');
    await waitFor(() => expect(statusButton('Proposed: 0')).toBeInTheDocument());
    const stored = await listEntries(db, DEMO_PROJECT_ID);
    const akim = stored.find((e) => e.terms.some((t) => t.text === 'Akim'))!;
    expect(akim.terms.every((t) => t.status === 'approved' && t.setBy === 'tester')).toBe(true);
    expect((await listEntryHistory(db, akim.id)).map((h) => [h.change, h.before, h.after])).toEqual([
      ['status', 'approved', 'proposed'],
      ['status', 'approved', 'proposed'],
      ['status', 'approved', 'proposed'],
      ['status', 'proposed', 'approved'],
      ['status', 'proposed', 'approved'],
      ['status', 'proposed', 'approved'],
    ]);
  });

  it('forbids the active row with f, and refuses to approve a forbidden term directly', async () => {
    const { user, grid } = await renderGlossary();
    grid.focus();
    await user.keyboard('{ArrowDown}f');
    await waitFor(() => expect(statusButton('Forbidden: 3')).toBeInTheDocument());
    await user.keyboard('a');
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Glossary messages' })).toHaveTextContent(
        'Terms now approved: 0. Left unchanged: 3 (Akimat, акимат, әкімдік)',
      ),
    );
    await user.keyboard('pa');
    await waitFor(() => expect(statusButton('Approved: 21')).toBeInTheDocument());
  });

  it('edits a term and the definition inline with Enter, saves with Ctrl+Enter and shows the history', async () => {
    const { user, grid, db } = await renderGlossary();
    grid.focus();
    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', { name: 'Edit “Akim”' });
    const english = within(form).getByRole('textbox', { name: 'Term 1: English' });
    await user.clear(english);
    await user.type(english, 'Akim (governor)');
    const definition = within(form).getByRole('textbox', { name: 'Definition' });
    await user.clear(definition);
    await user.type(definition, 'Head of a regional executive.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(englishColumn(grid)[0]).toBe('Akim (governor)'));
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(grid).toHaveFocus();
    const details = screen.getByRole('region', { name: 'Entry “Akim (governor)”' });
    const history = await within(details).findByRole('list', { name: 'History' });
    await waitFor(() =>
      expect(
        within(history)
          .getAllByRole('listitem')
          .map((li) => li.firstChild?.textContent),
      ).toEqual([
        'Term “Akim” corrected to “Akim (governor)” (English)',
        expect.stringMatching(
          /^Definition: “Head of the executive power.*” → “Head of a regional executive\.”$/,
        ),
      ]),
    );
    const stored = (await listEntries(db, DEMO_PROJECT_ID)).find((e) =>
      e.terms.some((t) => t.text === 'Akim (governor)'),
    );
    expect(stored?.definition).toBe('Head of a regional executive.');
  });

  it('refuses an edit that would empty the entry, with a message and nothing saved', async () => {
    const { user, grid } = await renderGlossary();
    grid.focus();
    await user.keyboard('n');
    const form = await screen.findByRole('form', { name: 'New entry' });
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Write at least one term');
    await user.type(within(form).getByRole('textbox', { name: 'Term 2: English' }), 'Deputy');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(englishColumn(grid)).toContain('Deputy'));
    expect(entryRows(grid)).toHaveLength(8);
  });

  it('deletes with Delete only after confirmation; Escape keeps the entry', async () => {
    const { user, grid } = await renderGlossary();
    grid.focus();
    await user.keyboard('{Delete}');
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Delete the selected entries (1): Akim?');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(entryRows(grid)).toHaveLength(7);
    await waitFor(() => expect(grid).toHaveFocus());
    await user.keyboard('{Delete}');
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(entryRows(grid)).toHaveLength(6));
    expect(englishColumn(grid)).not.toContain('Akim');
  });
});
