// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { listDismissedCandidates } from '../../../src/storage/glossary.ts';
import { DEMO_PROJECT_ID } from '../../../src/core/demo/project.ts';
import { englishColumn, entryRows, renderGlossary } from './harness.tsx';

const candidateNames = (list: HTMLElement) =>
  within(list)
    .getAllByRole('option')
    .map((o) => o.querySelector('.term-text')?.textContent);

describe('term candidates', () => {
  it('lists candidates not yet in the glossary, with frequency and contexts', async () => {
    await renderGlossary();
    const list = await screen.findByRole(
      'listbox',
      { name: 'Term candidates in the document' },
      { timeout: 5000 },
    );
    const names = candidateNames(list);
    expect(names).toContain('Republic of Kazakhstan');
    // Akim, LPS, MIA… are in the demo glossary already.
    expect(names).not.toContain('Akim');
    expect(names).not.toContain('LPS');
    expect(within(list).getAllByRole('option')[0]).toHaveTextContent('Republic of Kazakhstan uses: 6');
    const contexts = screen.getByRole('list', { name: 'Where it occurs' });
    expect(within(contexts).getAllByRole('listitem')[0]).toHaveTextContent(/^Unit \d+ …/);
    expect(contexts.querySelector('mark')?.textContent).toBe('Republic of Kazakhstan');
  });

  it('dismisses with Delete for good, and accepts with Enter into a prefilled new entry', async () => {
    const { user, db, grid, view } = await renderGlossary();
    const list = await screen.findByRole(
      'listbox',
      { name: 'Term candidates in the document' },
      { timeout: 5000 },
    );
    const [first, second] = candidateNames(list);
    list.focus();
    await user.keyboard('{Delete}');
    await waitFor(() => expect(candidateNames(list)).not.toContain(first));
    expect(await listDismissedCandidates(db, DEMO_PROJECT_ID)).toEqual([`en:${first!.toLowerCase()}`]);
    expect(candidateNames(list)[0]).toBe(second);

    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', { name: 'New entry' });
    expect(within(form).getByRole('textbox', { name: 'Term 1: English' })).toHaveValue(second);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(englishColumn(grid)).toContain(second));
    const row = entryRows(grid).find((r) => r.textContent?.includes(second!))!;
    expect(within(row).getAllByText('proposed').length).toBeGreaterThan(0);
    await waitFor(() => expect(candidateNames(list)).not.toContain(second));

    // A dismissed candidate stays dismissed in a new session, and can be shown and restored.
    view.unmount();
    await renderGlossary(db);
    const again = await screen.findByRole(
      'listbox',
      { name: 'Term candidates in the document' },
      { timeout: 5000 },
    );
    expect(candidateNames(again)).not.toContain(first);
    await user.click(screen.getByRole('checkbox', { name: 'Show dismissed (1)' }));
    expect(candidateNames(screen.getByRole('listbox', { name: 'Term candidates in the document' }))).toEqual([
      first,
    ]);
  });
});
