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
      'Definition',
      'Part of speech',
      'In the document',
      'Changed',
    ]);
    const akim = entryRows(grid)[0]!;
    expect(within(akim).getByText('аким')).toBeInTheDocument();
    expect(within(akim).getByText('äkım')).toBeInTheDocument();
    expect(within(akim).getByText('transliterated')).toBeInTheDocument();
    expect(within(akim).getAllByText('approved')).toHaveLength(3);
    expect(within(akim).getAllByText(/^tester · /)).toHaveLength(3);
    // Akim occurs in the English machine translation: count and unit numbers. The first count also loads the
    // inline jobs module (every check with it), which takes more than waitFor's default second on a busy machine.
    await waitFor(
      () => expect(akim.querySelector('.glossary-occurrences')?.textContent).toMatch(/^\d+ × · units \d+/),
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
    await user.type(search, 'nothing like this');
    await waitFor(() => expect(within(grid).getByText('No entry matches.')).toBeInTheDocument());
  });

  it('filters by status with counts per status, and by language', async () => {
    const { user, grid } = await renderGlossary();
    const statuses = screen.getByRole('group', { name: 'Filter by status' });
    expect(within(statuses).getByRole('button', { name: 'Approved: 21' })).toBeInTheDocument();
    await user.click(within(statuses).getByRole('button', { name: 'Forbidden: 0' }));
    expect(entryRows(grid)).toHaveLength(0);
    await user.click(within(statuses).getByRole('button', { name: 'All: 7' }));
    expect(entryRows(grid)).toHaveLength(7);
    await user.type(screen.getByRole('searchbox', { name: 'Search terms' }), 'ministry');
    await waitFor(() => expect(within(statuses).getByRole('button', { name: 'All: 1' })).toBeInTheDocument());
    expect(within(statuses).getByRole('button', { name: 'Approved: 3' })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Kazakh');
    expect(within(statuses).getByRole('button', { name: 'Approved: 1' })).toBeInTheDocument();
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
    await waitFor(() => expect(grid.textContent).toMatch(/\d+ × · units/));
    await user.click(within(grid).getByRole('button', { name: 'In the document' }));
    await user.click(within(grid).getByRole('button', { name: /In the document/ }));
    const counts = entryRows(grid).map((row) =>
      Number(row.querySelector('.glossary-occurrences')?.textContent?.split(' ')[0] ?? 0),
    );
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
