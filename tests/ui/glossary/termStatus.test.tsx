// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { listEntries } from '../../../src/storage/terms.ts';
import { DEMO_PROJECT_ID } from '../../../src/core/demo/project.ts';
import { entryRows, renderGlossary } from './harness.tsx';

const statusOf = async (db: Parameters<typeof listEntries>[0], text: string) =>
  (await listEntries(db, DEMO_PROJECT_ID)).flatMap((e) => e.terms).find((t) => t.text === text)?.status;

describe('status per term', () => {
  it('moves to one term with ← → and changes only its status; the entry status summarises', async () => {
    const { user, grid, db } = await renderGlossary();
    grid.focus();
    // Columns: Russian, English, Kazakh — the second step lands on the English term.
    await user.keyboard('{ArrowRight}{ArrowRight}');
    const akim = entryRows(grid)[0]!;
    expect(akim.querySelector('.is-term-active')).toHaveTextContent('Akim');
    expect(grid.getAttribute('aria-activedescendant')).toBe(akim.querySelector('.is-term-active')?.id);
    await user.keyboard('p');
    await waitFor(async () => expect(await statusOf(db, 'Akim')).toBe('proposed'));
    expect(await statusOf(db, 'аким')).toBe('approved');
    await waitFor(() =>
      expect(entryRows(grid)[0]!.querySelector('.glossary-entry-status')).toHaveTextContent(
        'proposedwaiting for: English',
      ),
    );
    // Moving to another row leaves the term cursor: the key acts on the whole entry again.
    await user.keyboard('{ArrowDown}');
    expect(grid.querySelector('.is-term-active')).toBeNull();
  });

  it('sets a term status in the editor, asking for a reason only when a decision is reversed', async () => {
    const { user, grid, db } = await renderGlossary();
    grid.focus();
    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', { name: 'Edit “Akim”' });
    expect(within(form).queryByRole('textbox', { name: /^Reason/ })).not.toBeInTheDocument();
    await user.selectOptions(
      within(form).getByRole('combobox', { name: 'Status of term 1: English' }),
      'forbidden',
    );
    const reason = within(form).getByRole('textbox', { name: 'Reason (required: a decision is reversed)' });
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(
      '“Akim”: changing approved to forbidden needs a reason.',
    );
    expect(await statusOf(db, 'Akim')).toBe('approved');
    await user.type(reason, 'a calque');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(async () => expect(await statusOf(db, 'Akim')).toBe('forbidden'));
  });

  it('shows each term with who set its status and when, and changes one from the details', async () => {
    const { user, db } = await renderGlossary();
    const details = screen.getByRole('region', { name: 'Entry “Akim”' });
    const terms = within(details).getByRole('list', { name: 'Terms' });
    expect(within(terms).getAllByRole('listitem')[0]).toHaveTextContent(
      /^Akim English approved set by tester, /,
    );
    await user.click(
      within(within(terms).getByRole('group', { name: 'Status of “әкім”' })).getByRole('button', {
        name: 'Propose',
      }),
    );
    await waitFor(async () => expect(await statusOf(db, 'әкім')).toBe('proposed'));
    expect(await statusOf(db, 'Akim')).toBe('approved');
  });

  it('shows where the entry is used and how each rendering renders it', async () => {
    await renderGlossary();
    const details = screen.getByRole('region', { name: 'Entry “Akim”' });
    const usage = await within(details).findByRole(
      'list',
      { name: 'Usage in the document' },
      { timeout: 5000 },
    );
    const first = within(usage).getAllByRole('listitem')[0]!;
    expect(first).toHaveTextContent(/English: approved term \(Akim\)/);
    expect(first.querySelector('mark')?.textContent).toMatch(/^akims?$/i);
  });
});
