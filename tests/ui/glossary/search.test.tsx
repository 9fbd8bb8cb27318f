// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { englishColumn, entryRows, renderGlossary } from './harness.tsx';

describe('glossary table: search, filters, sort, occurrences', () => {
  it('lists the demo entries with their terms, Kazakh Latin computed, status and where they occur', async () => {
    const { grid } = await renderGlossary();
    expect(entryRows(grid)).toHaveLength(7);
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((h) => h.textContent?.replace(/[▲▼]/g, '').trim());
    expect(headers).toEqual([
      'Selected',
      'Russian',
      'English',
      'Kazakh',
      'Kazakh (Latin)',
      'Entry status',
      'Definition',
      'Part of speech',
      'In the document',
      'Changed',
    ]);
    const akim = entryRows(grid)[0]!;
    expect(within(akim).getByText('аким')).toBeInTheDocument();
    expect(within(akim).getByText('äkım')).toBeInTheDocument();
    expect(within(akim).getByText('transliterated')).toBeInTheDocument();
    expect(akim.querySelectorAll('.glossary-terms .term-status')).toHaveLength(3);
    expect(within(akim).getAllByText('approved')).toHaveLength(4);
    expect(within(akim).getAllByText(/^tester · /)).toHaveLength(3);
    expect(akim.querySelector('.glossary-entry-status')).toHaveTextContent('approved');
    // Akim occurs in the English machine translation: how many units, and which.
    await waitFor(
      () => expect(akim.querySelector('.glossary-occurrences')?.textContent).toMatch(/^units: \d+ \(\d+/),
      { timeout: 15000 },
    );
  });

  it('finds inflected forms in any language and substrings of definitions', async () => {
    const { user, grid } = await renderGlossary();
    const search = screen.getByRole('searchbox', { name: 'Search terms' });
    await user.type(search, 'акимов');
    await waitFor(() => expect(englishColumn(grid)).toEqual(['Akim']));
    await user.clear(search);
    await user.type(search, 'Maslikhats');
    await waitFor(() => expect(englishColumn(grid)).toEqual(['Maslikhat']));
    await user.clear(search);
    await user.type(search, 'local parliament');
    await waitFor(() => expect(englishColumn(grid)).toEqual(['Maslikhat']));
    await user.clear(search);
    await user.type(search, 'äkımdık');
    await waitFor(() => expect(englishColumn(grid)).toEqual(['Akimat']));
    await user.clear(search);
    await user.type(search, 'полициясының');
    await waitFor(() => expect(englishColumn(grid)).toEqual(['Local police service']));
    await user.clear(search);
    await user.type(search, 'местной полицейской');
    await waitFor(() => expect(englishColumn(grid)).toEqual(['Local police service']));
    await user.clear(search);
    await user.type(search, 'nothing like this');
    await waitFor(() => expect(within(grid).getByText('No entry matches.')).toBeInTheDocument());
  });

  it('filters by status with counts that all count entries, the terms counted beside them', async () => {
    const { user, grid } = await renderGlossary();
    const statuses = screen.getByRole('group', { name: 'Filter by status' });
    const terms = screen.getByLabelText('Term counts');
    expect(within(statuses).getByRole('button', { name: 'With approved terms: 7' })).toBeInTheDocument();
    expect(terms).toHaveTextContent('Terms in these entries: 21 — approved 21, proposed 0, forbidden 0');
    await user.click(within(statuses).getByRole('button', { name: 'With forbidden terms: 0' }));
    expect(entryRows(grid)).toHaveLength(0);
    await user.click(within(statuses).getByRole('button', { name: 'All entries: 7' }));
    expect(entryRows(grid)).toHaveLength(7);
    await user.type(screen.getByRole('searchbox', { name: 'Search terms' }), 'ministry');
    await waitFor(() =>
      expect(within(statuses).getByRole('button', { name: 'All entries: 1' })).toBeInTheDocument(),
    );
    expect(within(statuses).getByRole('button', { name: 'With approved terms: 1' })).toBeInTheDocument();
    expect(terms).toHaveTextContent('Terms in these entries: 3');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Kazakh');
    expect(terms).toHaveTextContent('Terms in these entries: 1 — approved 1');
  });

  it('sorts by a column, ascending then descending', async () => {
    const { user, grid } = await renderGlossary();
    expect(englishColumn(grid)[0]).toBe('Akim');
    await user.click(within(grid).getByRole('button', { name: 'English' }));
    expect(englishColumn(grid)).toEqual([
      'Akim',
      'Akimat',
      'Local police service',
      'LPS',
      'Maslikhat',
      'MIA',
      'Ministry of Internal Affairs',
    ]);
    expect(within(grid).getByRole('columnheader', { name: /English/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await user.click(within(grid).getByRole('button', { name: /English/ }));
    expect(englishColumn(grid)[0]).toBe('Ministry of Internal Affairs');
    // Wait for the counts (worked out off the main thread) before sorting by them.
    await waitFor(() => expect(grid.textContent).toMatch(/units: \d+/));
    await user.click(within(grid).getByRole('button', { name: 'In the document' }));
    await user.click(within(grid).getByRole('button', { name: /In the document/ }));
    const counts = entryRows(grid).map((row) =>
      Number(row.querySelector('.glossary-occurrences')?.textContent?.split(' ')[1] ?? 0),
    );
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
