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
  it('selects with Space and x; p lists what it will change, Enter confirms, and the selection is cleared', async () => {
    const { user, grid, db } = await renderGlossary();
    grid.focus();
    await user.keyboard('{Home} {ArrowDown}x');
    expect(entryRows(grid).filter((r) => r.getAttribute('aria-selected') === 'true')).toHaveLength(2);
    await user.keyboard('p');
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('Make 6 terms in 2 entries proposed?');
    const planned = within(dialog).getByRole('list', { name: 'Terms that will change' });
    expect(
      within(planned)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Akim (English): approved → proposed; аким (Russian): approved → proposed; әкім (Kazakh): approved → proposed',
      'Akimat (English): approved → proposed; акимат (Russian): approved → proposed; әкімдік (Kazakh): approved → proposed',
    ]);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(statusButton('With proposed terms: 2')).toBeInTheDocument());
    expect(screen.getByRole('status', { name: 'Glossary messages' })).toHaveTextContent(
      'Terms now proposed: 6.',
    );
    // A later key acts on the active row alone, not on the entries decided a moment ago.
    expect(entryRows(grid).filter((r) => r.getAttribute('aria-selected') === 'true')).toHaveLength(0);
    await waitFor(() => expect(grid).toHaveFocus());
    await user.keyboard('a');
    await waitFor(() => expect(statusButton('With proposed terms: 1')).toBeInTheDocument());
    const stored = await listEntries(db, DEMO_PROJECT_ID);
    const akim = stored.find((e) => e.terms.some((t) => t.text === 'Akim'))!;
    expect(akim.terms.map((t) => [t.status, t.setBy])).toEqual([
      ['proposed', 'tester'],
      ['proposed', 'tester'],
      ['proposed', 'tester'],
    ]);
    expect((await listEntryHistory(db, akim.id)).map((h) => [h.change, h.before, h.after])).toEqual([
      ['status', 'approved', 'proposed'],
      ['status', 'approved', 'proposed'],
      ['status', 'approved', 'proposed'],
    ]);
  });

  it('undoes and redoes status changes with Ctrl+Z and Ctrl+Shift+Z', async () => {
    const { user, grid } = await renderGlossary();
    grid.focus();
    await user.keyboard('p');
    await waitFor(() => expect(statusButton('With proposed terms: 1')).toBeInTheDocument());
    await user.keyboard('{ArrowDown}p');
    await waitFor(() => expect(statusButton('With proposed terms: 2')).toBeInTheDocument());
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(statusButton('With proposed terms: 1')).toBeInTheDocument());
    expect(screen.getByRole('status', { name: 'Glossary messages' })).toHaveTextContent(
      'Undone: 3 terms made proposed.',
    );
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(statusButton('With proposed terms: 0')).toBeInTheDocument());
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(statusButton('With proposed terms: 1')).toBeInTheDocument());
    expect(screen.getByRole('status', { name: 'Glossary messages' })).toHaveTextContent(
      'Redone: 3 terms made proposed.',
    );
  });

  it('forbids and lifts the ban in one step, each with a reason; Escape leaves the entry as it was', async () => {
    const { user, grid, db } = await renderGlossary();
    grid.focus();
    await user.keyboard('{ArrowDown}f');
    const dialog = await screen.findByRole('alertdialog');
    const reason = within(dialog).getByRole('textbox', { name: 'Reason (required: a decision is reversed)' });
    expect(reason).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    await user.type(reason, 'not used in the region');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(statusButton('With forbidden terms: 1')).toBeInTheDocument());
    await waitFor(() => expect(grid).toHaveFocus());
    await user.keyboard('a');
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(statusButton('With forbidden terms: 1')).toBeInTheDocument();
    await waitFor(() => expect(grid).toHaveFocus());
    await user.keyboard('a');
    await user.type(await screen.findByRole('textbox', { name: /^Reason/ }), 'ministry order');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(statusButton('With forbidden terms: 0')).toBeInTheDocument());
    const akimat = (await listEntries(db, DEMO_PROJECT_ID)).find((e) =>
      e.terms.some((t) => t.text === 'Akimat'),
    )!;
    expect((await listEntryHistory(db, akimat.id)).map((h) => [h.after, h.reason])).toEqual([
      ['forbidden', 'not used in the region'],
      ['forbidden', 'not used in the region'],
      ['forbidden', 'not used in the region'],
      ['approved', 'ministry order'],
      ['approved', 'ministry order'],
      ['approved', 'ministry order'],
    ]);
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
